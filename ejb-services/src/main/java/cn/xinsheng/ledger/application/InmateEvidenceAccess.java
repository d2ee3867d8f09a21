package cn.xinsheng.ledger.application;

import cn.xinsheng.evidence.application.InmateEvidenceRule;
import cn.xinsheng.ledger.domain.PointEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An inmate may open evidence that backs an approved entry about him (in kinds he may see). */
@ApplicationScoped
public class InmateEvidenceAccess implements InmateEvidenceRule {

  @Inject PointEntries entries;

  @Override
  public boolean backsAnEntryAbout(long evidenceId, long inmateId) {
    return entries.backsApprovedEntryAbout(evidenceId, inmateId);
  }
}
