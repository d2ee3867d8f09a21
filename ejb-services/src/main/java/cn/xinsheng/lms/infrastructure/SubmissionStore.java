package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exists;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.ids;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.Submissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Submissions} in native SQL (ADR 0013). What a teacher grades still joins organisation's
 * {@code inmate} for the prisoner number and name (listed in the table-ownership guard).
 */
@ApplicationScoped
public class SubmissionStore implements Submissions {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @jakarta.inject.Inject LearnerNames names;

  @Override
  public List<HandIn> of(long assignmentId, long inmateId) {
    return list(
        em,
        "SELECT s.id, s.submitted_at, s.late, s.text, s.file_name,"
            + " (SELECT g.points FROM submission_grade g WHERE g.submission_id = s.id ORDER BY g.id DESC LIMIT 1),"
            + " (SELECT g.feedback FROM submission_grade g WHERE g.submission_id = s.id ORDER BY g.id DESC LIMIT 1)"
            + " FROM submission s WHERE s.assignment_id = ?1 AND s.inmate_id = ?2 ORDER BY s.id",
        r ->
            new HandIn(
                num(r[0]),
                instant(r[1]),
                bool(r[2]),
                (String) r[3],
                (String) r[4],
                r[5] == null ? null : integer(r[5]),
                (String) r[6]),
        assignmentId,
        inmateId);
  }

  @Override
  public boolean any(long assignmentId, long inmateId) {
    return exists(
        em,
        "SELECT 1 FROM submission WHERE assignment_id = ?1 AND inmate_id = ?2",
        assignmentId,
        inmateId);
  }

  @Override
  public long insert(
      long assignmentId,
      long inmateId,
      String text,
      String fileName,
      String sha256,
      Instant at,
      boolean late) {
    return NativeSql.insert(
        em,
        "INSERT INTO submission (assignment_id, inmate_id, text, file_name, file_sha256, submitted_at, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        assignmentId,
        inmateId,
        text,
        fileName,
        sha256,
        at,
        late);
  }

  @Override
  public List<Ungraded> ungraded(String teacher) {
    List<Object[]> rows =
        list(
            em,
            // the learner's id where his prisoner number goes (LearnerNames)
            "SELECT s.id, s.inmate_id, NULL, c.title, a.title, s.text, s.file_name, s.submitted_at, s.late, a.max_points, a.rubric"
                + " FROM submission s JOIN assignment a ON a.id = s.assignment_id JOIN course c ON c.id = a.course_id"
                + " WHERE s.id = (SELECT MAX(s2.id) FROM submission s2 WHERE s2.assignment_id = s.assignment_id AND s2.inmate_id = s.inmate_id)"
                + " AND NOT EXISTS (SELECT 1 FROM submission_grade g WHERE g.submission_id = s.id)"
                + " AND"
                + NativeSql.myLearner("s.inmate_id", "a.course_id", 1)
                + " ORDER BY s.submitted_at",
            r -> r,
            teacher);
    return names.fill(new java.util.ArrayList<>(rows), 1, 2).stream()
        .map(
            r ->
                new Ungraded(
                    num(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    instant(r[7]),
                    bool(r[8]),
                    integer(r[9]),
                    (String) r[10]))
        .toList();
  }

  @Override
  public Optional<Gradable> gradable(long submissionId, String teacher) {
    return first(
            em,
            "SELECT a.max_points, a.rubric, s.inmate_id FROM submission s JOIN assignment a ON a.id = s.assignment_id"
                + " WHERE s.id = ?1"
                + " AND"
                + NativeSql.myLearner("s.inmate_id", "a.course_id", 2),
            r -> r,
            submissionId,
            teacher)
        .map(r -> names.fill(new java.util.ArrayList<>(List.<Object[]>of(r)), 2, -1).get(0))
        .map(r -> new Gradable(integer(r[0]), (String) r[1], (String) r[2]));
  }

  @Override
  public long grade(
      long submissionId, int points, String rubric, String feedback, String by, Instant at) {
    return NativeSql.insert(
        em,
        "INSERT INTO submission_grade (submission_id, points, rubric, feedback, graded_by, graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        submissionId,
        points,
        rubric,
        feedback,
        by,
        at);
  }

  @Override
  public Optional<File> file(long submissionId, String teacher) {
    return first(
        em,
        "SELECT s.file_name, s.file_sha256 FROM submission s JOIN assignment a ON a.id = s.assignment_id"
            + " WHERE s.id = ?1 AND s.file_sha256 IS NOT NULL"
            + " AND a.course_id IN (SELECT c2.id FROM course c2 JOIN cohort h ON h.programme_id = c2.programme_id WHERE h.teacher = ?2)",
        r -> new File((String) r[0], (String) r[1]),
        submissionId,
        teacher);
  }

  @Override
  public Optional<Long> latest(long assignmentId, long inmateId) {
    return first(
            em,
            "SELECT MAX(s.id) FROM submission s WHERE s.assignment_id = ?1 AND s.inmate_id = ?2",
            r -> r[0] == null ? null : num(r[0]),
            assignmentId,
            inmateId)
        .filter(java.util.Objects::nonNull);
  }

  @Override
  public Optional<Grade> latestGrade(long submissionId) {
    return first(
        em,
        "SELECT points, feedback FROM submission_grade WHERE submission_id = ?1 ORDER BY id DESC LIMIT 1",
        r -> new Grade(integer(r[0]), (String) r[1]),
        submissionId);
  }

  @Override
  public Optional<Integer> latestPoints(long assignmentId, long inmateId) {
    return first(
            em,
            "SELECT (SELECT g.points FROM submission s JOIN submission_grade g ON g.submission_id = s.id"
                + " WHERE s.assignment_id = ?1 AND s.inmate_id = ?2 ORDER BY g.id DESC LIMIT 1)",
            r -> r[0] == null ? null : integer(r[0]),
            assignmentId,
            inmateId)
        .filter(java.util.Objects::nonNull);
  }

  @Override
  public List<Long> gradeIds(long courseId, long inmateId) {
    return ids(
        em,
        "SELECT g.id FROM submission_grade g JOIN submission s ON s.id = g.submission_id"
            + " JOIN assignment a ON a.id = s.assignment_id"
            + " WHERE a.course_id = ?1 AND s.inmate_id = ?2",
        courseId,
        inmateId);
  }
}
