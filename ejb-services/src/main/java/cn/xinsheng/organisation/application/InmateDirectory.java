package cn.xinsheng.organisation.application;

import java.util.Collection;
import java.util.Map;

/**
 * Inmates and sections by name, for the contexts that keep only their ids (issue 13): a list or a
 * file shows the prisoner number, the name and the section's name, and asks here rather than
 * joining organisation's tables in its own SQL. Answers in the caller's transaction; the caller's
 * service has decided who may see the inmates.
 */
public interface InmateDirectory {

  /** An inmate as lists name him, with the section he is in now. */
  record Named(long id, String prisonerNumber, String name, long sectionId) {}

  /** The inmates of these ids, by id; an unknown id is left out. */
  Map<Long, Named> inmates(Collection<Long> ids);

  /** The inmates now in these sections, by id. */
  Map<Long, Named> inSections(Collection<Long> sectionIds);

  /** How many inmates the prison holds on record. */
  long count();

  /** The names of these sections, by id; an unknown id is left out. */
  Map<Long, String> sectionNames(Collection<Long> ids);
}
