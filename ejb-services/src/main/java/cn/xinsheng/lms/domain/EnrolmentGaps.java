package cn.xinsheng.lms.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the education office still has to do about classes and imports (issue 18's work queue), as
 * counts read from learning's tables: inmates in no class, class members not enrolled in a course
 * their programme gained later, programmes no class studies, packages imported since a moment.
 */
public interface EnrolmentGaps {

  /** A class whose members miss courses of its programme: how many enrolments are missing. */
  record ClassGap(long cohortId, String cohort, String programme, long missing) {}

  long inmatesInNoClass();

  List<ClassGap> classesMissingCourses();

  long programmesWithoutClass();

  long packagesImportedSince(Instant since);
}
