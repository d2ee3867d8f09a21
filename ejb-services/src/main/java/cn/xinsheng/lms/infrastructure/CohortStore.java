package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exec;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.ids;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.date;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.CourseCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@link Cohorts} in native SQL (ADR 0013). A learner list still joins organisation's {@code
 * inmate} for the prisoner number and name (listed in the table-ownership guard).
 */
@ApplicationScoped
public class CohortStore implements Cohorts {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @jakarta.inject.Inject LearnerNames names;

  @Override
  public List<Cohort> all() {
    return list(
        em,
        "SELECT h.id, h.name, p.title, h.teacher, h.starts_on,"
            + " (SELECT COUNT(DISTINCT e.inmate_id) FROM enrolment e WHERE e.cohort_id = h.id)"
            + " FROM cohort h JOIN programme p ON p.id = h.programme_id ORDER BY h.id DESC",
        r ->
            new Cohort(
                num(r[0]), (String) r[1], (String) r[2], (String) r[3], date(r[4]), integer(r[5])));
  }

  @Override
  public long insert(
      String name,
      long programmeId,
      String teacher,
      LocalDate startsOn,
      String createdBy,
      Instant createdAt) {
    return NativeSql.insert(
        em,
        "INSERT INTO cohort (name, programme_id, teacher, starts_on, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        name,
        programmeId,
        teacher,
        startsOn,
        createdBy,
        createdAt);
  }

  @Override
  public int enrol(long inmateId, long courseId, long cohortId, String by, Instant at) {
    return exec(
        em,
        "INSERT IGNORE INTO enrolment (inmate_id, course_id, cohort_id, enrolled_by, enrolled_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        inmateId,
        courseId,
        cohortId,
        by,
        at);
  }

  @Override
  public int enrolCohortsOfTheProgramme(long courseId, String by, Instant at) {
    return exec(
        em,
        "INSERT IGNORE INTO enrolment (inmate_id, course_id, cohort_id, enrolled_by, enrolled_at)"
            + " SELECT e.inmate_id, ?1, MIN(e.cohort_id), ?2, ?3 FROM enrolment e JOIN cohort h ON h.id = e.cohort_id"
            + " WHERE h.programme_id = (SELECT programme_id FROM course WHERE id = ?1) GROUP BY e.inmate_id",
        courseId,
        by,
        at);
  }

  @Override
  public Optional<Enrolment> enrolment(long inmateId, long courseId) {
    return first(
        em,
        "SELECT c.title, p.title, e.enrolled_at, c.credits FROM enrolment e JOIN course c ON c.id = e.course_id"
            + " JOIN programme p ON p.id = c.programme_id WHERE e.inmate_id = ?1 AND e.course_id = ?2",
        r -> new Enrolment((String) r[0], (String) r[1], instant(r[2]), integer(r[3])),
        inmateId,
        courseId);
  }

  private static final String COURSES =
      "SELECT c.id, c.title, p.title, p.kind, c.credits FROM enrolment e JOIN course c ON c.id = e.course_id"
          + " JOIN programme p ON p.id = c.programme_id WHERE e.inmate_id = ?1";

  private static CourseCatalogue.Course course(Object[] r) {
    return new CourseCatalogue.Course(
        num(r[0]), (String) r[1], (String) r[2], (String) r[3], integer(r[4]));
  }

  @Override
  public List<CourseCatalogue.Course> coursesOf(long inmateId) {
    return list(em, COURSES + " ORDER BY p.kind, c.title", CohortStore::course, inmateId);
  }

  @Override
  public List<CourseCatalogue.Course> coursesOfByTitle(long inmateId) {
    return list(em, COURSES + " ORDER BY c.title", CohortStore::course, inmateId);
  }

  @Override
  public List<ProgrammeEnrolled> programmesOf(long inmateId) {
    return list(
        em,
        "SELECT DISTINCT p.id, p.title, p.kind, p.required_credits FROM enrolment e JOIN course c ON c.id = e.course_id"
            + " JOIN programme p ON p.id = c.programme_id WHERE e.inmate_id = ?1 ORDER BY p.title",
        r -> new ProgrammeEnrolled(num(r[0]), (String) r[1], (String) r[2], integer(r[3])),
        inmateId);
  }

  @Override
  public List<Long> courseIdsOf(long inmateId, long programmeId) {
    return ids(
        em,
        "SELECT c.id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.inmate_id = ?1 AND c.programme_id = ?2",
        inmateId,
        programmeId);
  }

  @Override
  public List<Learner> learners(long courseId, String teacher) {
    // the id twice: once kept, once to become the prisoner number (names from organisation)
    String sql =
        "SELECT e.inmate_id, e.inmate_id, NULL FROM enrolment e"
            + " JOIN cohort h ON h.id = e.cohort_id WHERE e.course_id = ?1"
            + (teacher == null ? "" : " AND h.teacher = ?2");
    List<Object[]> rows =
        teacher == null
            ? list(em, sql, r -> r, courseId)
            : list(em, sql, r -> r, courseId, teacher);
    return names.fill(new java.util.ArrayList<>(rows), 1, 2).stream()
        .map(r -> new Learner(num(r[0]), (String) r[1], (String) r[2]))
        .sorted(java.util.Comparator.comparing(Learner::prisonerNumber))
        .toList();
  }

  @Override
  public List<Long> inmatesTaughtBy(String teacher) {
    return ids(
        em,
        "SELECT DISTINCT e.inmate_id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE c.teacher = ?1",
        teacher);
  }

  @Override
  public List<Long> allEnrolled() {
    return ids(em, "SELECT DISTINCT inmate_id FROM enrolment");
  }
}
