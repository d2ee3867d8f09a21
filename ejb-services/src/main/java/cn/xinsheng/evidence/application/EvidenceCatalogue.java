package cn.xinsheng.evidence.application;

import java.util.Collection;
import java.util.Map;

/**
 * What other contexts may know of a stored evidence file without reading the evidence tables: its
 * section, name and hash. Cases check that a step's attachment is their section's and list it in
 * the file. Answers in the caller's transaction; the caller's service decides who may see it.
 */
public interface EvidenceCatalogue {

  /** A stored file as another context may cite it. */
  record FileRef(long id, long sectionId, String name, String sha256) {}

  /** These files by id; unknown ids are left out. */
  Map<Long, FileRef> files(Collection<Long> evidenceIds);
}
