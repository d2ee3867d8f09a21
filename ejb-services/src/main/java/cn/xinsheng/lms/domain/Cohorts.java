package cn.xinsheng.lms.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Cohorts and the enrolments they made (ADR 0013): who studies which course, through which cohort
 * and teacher. An enrolment is only ever added. Runs in the caller's transaction, checks no role.
 */
public interface Cohorts {

  record Cohort(
      long id, String name, String programme, String teacher, LocalDate startsOn, int members) {}

  /** An inmate's enrolment in a course, with what the course page heads with. */
  record Enrolment(String courseTitle, String programmeTitle, Instant enrolledAt, int credits) {}

  /** A programme one of whose courses the inmate is enrolled in. */
  record ProgrammeEnrolled(long id, String title, String kind, int requiredCredits) {}

  /** A learner on a course list. */
  record Learner(long inmateId, String prisonerNumber, String name) {}

  /** Newest first, with how many inmates each enrolled. */
  List<Cohort> all();

  long insert(
      String name,
      long programmeId,
      String teacher,
      LocalDate startsOn,
      String createdBy,
      Instant createdAt);

  /** Enrols an inmate in a course through a cohort; answers 0 when he already was. */
  int enrol(long inmateId, long courseId, long cohortId, String by, Instant at);

  /**
   * Enrols the members of the cohorts of the course's programme in the course (issue 17); answers
   * how many enrolments it made.
   */
  int enrolCohortsOfTheProgramme(long courseId, String by, Instant at);

  Optional<Enrolment> enrolment(long inmateId, long courseId);

  /** The inmate's courses by programme kind and title. */
  List<CourseCatalogue.Course> coursesOf(long inmateId);

  /** The inmate's courses by title. */
  List<CourseCatalogue.Course> coursesOfByTitle(long inmateId);

  List<ProgrammeEnrolled> programmesOf(long inmateId);

  List<Long> courseIdsOf(long inmateId, long programmeId);

  /**
   * The learners enrolled in a course through a cohort, by prisoner number: all, or (teacher not
   * null) those of his cohorts.
   */
  List<Learner> learners(long courseId, String teacher);

  /** The inmates enrolled through a cohort this teacher teaches. */
  List<Long> inmatesTaughtBy(String teacher);

  /** Every inmate enrolled in any course. */
  List<Long> allEnrolled();
}
