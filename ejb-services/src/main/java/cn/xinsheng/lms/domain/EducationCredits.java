package cn.xinsheng.lms.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Learning confirmed into the points ledger (ADR 0013): one credit per inmate, course and quiz (0
 * for the course itself), pointing at its ledger entry. Runs in the caller's transaction.
 */
public interface EducationCredits {

  /** An enrolment whose course or quizzes may earn a credit. */
  record Candidate(
      long inmateId,
      String prisonerNumber,
      String inmateName,
      long courseId,
      String course,
      String programmeKind,
      int credits) {}

  /** Enrolments of inmates of these sections, by prisoner number and course. */
  List<Candidate> candidatesIn(Collection<Long> sections);

  /** The one inmate's enrolment in the course. */
  List<Candidate> candidate(long inmateId, long courseId);

  boolean credited(long inmateId, long courseId, long quizId);

  long insert(long inmateId, long courseId, long quizId, long entryId, String by, Instant at);

  /** The ids of his credits of the course (issue 15's check). */
  List<Long> ids(long courseId, long inmateId);
}
