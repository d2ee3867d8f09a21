package cn.xinsheng.lms.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Assignments handed in and their grades (ADR 0013). A grade is a new row; the latest counts. Runs
 * in the caller's transaction and checks no role; a teacher's reach is the {@code teacher}
 * parameter.
 */
public interface Submissions {

  /** A hand-in with its latest grade (null while not graded). */
  record HandIn(
      long id,
      Instant submittedAt,
      boolean late,
      String text,
      String fileName,
      Integer points,
      String feedback) {}

  /** A latest hand-in not graded yet, as the teacher grades it. */
  record Ungraded(
      long id,
      String prisonerNumber,
      String inmateName,
      String course,
      String assignment,
      String text,
      String fileName,
      Instant submittedAt,
      boolean late,
      int maxPoints,
      String rubric) {}

  /** What grading a hand-in needs. */
  record Gradable(int maxPoints, String rubric, String prisonerNumber) {}

  /** A file kept with a hand-in: its name as handed in and its SHA-256 (where it is kept). */
  record File(String name, String sha256) {}

  /** A grade's points and feedback. */
  record Grade(int points, String feedback) {}

  /** His hand-ins of the assignment, in order. */
  List<HandIn> of(long assignmentId, long inmateId);

  boolean any(long assignmentId, long inmateId);

  long insert(
      long assignmentId,
      long inmateId,
      String text,
      String fileName,
      String sha256,
      Instant at,
      boolean late);

  /** The latest hand-in of each of the teacher's learners, not graded since, oldest first. */
  List<Ungraded> ungraded(String teacher);

  Optional<Gradable> gradable(long submissionId, String teacher);

  /** A new grade; answers its id (the audit log binds it). */
  long grade(long submissionId, int points, String rubric, String feedback, String by, Instant at);

  /** The file of a hand-in in a course taught in one of the teacher's cohorts. */
  Optional<File> file(long submissionId, String teacher);

  /** His latest hand-in of the assignment. */
  Optional<Long> latest(long assignmentId, long inmateId);

  Optional<Grade> latestGrade(long submissionId);

  /** The points of the latest grade of his latest graded hand-in of the assignment. */
  Optional<Integer> latestPoints(long assignmentId, long inmateId);

  /** The ids of every grade of his hand-ins in the course (issue 15's check). */
  List<Long> gradeIds(long courseId, long inmateId);
}
