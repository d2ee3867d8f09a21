package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exec;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.StudyProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link StudyProgress} in native SQL on {@code lesson_progress} (ADR 0013). */
@ApplicationScoped
public class ProgressStore implements StudyProgress {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public List<LessonProgress> lessons(long courseId, long inmateId) {
    return list(
        em,
        "SELECT l.id, l.section_no, l.section_title, l.title, l.kind, p.completed_at, COALESCE(p.position_seconds, 0)"
            + " FROM lesson l LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.inmate_id = ?2"
            + " WHERE l.course_id = ?1 AND l.active ORDER BY l.position",
        r ->
            new LessonProgress(
                num(r[0]),
                integer(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                r[5] != null,
                integer(r[6])),
        courseId,
        inmateId);
  }

  @Override
  public int completedLessons(long courseId, long inmateId) {
    return first(
            em,
            "SELECT COUNT(*) FROM lesson l JOIN lesson_progress p ON p.lesson_id = l.id"
                + " WHERE l.course_id = ?1 AND l.active AND p.inmate_id = ?2 AND p.completed_at IS NOT NULL",
            r -> integer(r[0]),
            courseId,
            inmateId)
        .orElse(0);
  }

  @Override
  public Optional<Integer> position(long inmateId, long lessonId) {
    return first(
        em,
        "SELECT position_seconds FROM lesson_progress WHERE inmate_id = ?1 AND lesson_id = ?2",
        r -> integer(r[0]),
        inmateId,
        lessonId);
  }

  @Override
  public void seen(long inmateId, long lessonId, Instant at) {
    exec(
        em,
        "INSERT INTO lesson_progress (inmate_id, lesson_id, position_seconds, seconds_spent, last_seen_at) VALUES (?1, ?2, 0, 0, ?3)"
            + " ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at)",
        inmateId,
        lessonId,
        at);
  }

  @Override
  public void record(
      long inmateId,
      long lessonId,
      int positionSeconds,
      int spentSeconds,
      Instant completedAt,
      Instant at) {
    exec(
        em,
        "INSERT INTO lesson_progress (inmate_id, lesson_id, position_seconds, seconds_spent, completed_at, last_seen_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE position_seconds = VALUES(position_seconds),"
            + " seconds_spent = seconds_spent + VALUES(seconds_spent),"
            + " completed_at = COALESCE(completed_at, VALUES(completed_at)), last_seen_at = VALUES(last_seen_at)",
        inmateId,
        lessonId,
        positionSeconds,
        spentSeconds,
        completedAt,
        at);
  }

  @Override
  public long secondsSpent(long courseId, long inmateId) {
    return first(
            em,
            "SELECT COALESCE(SUM(p.seconds_spent), 0) + COALESCE((SELECT SUM(t.total_seconds) FROM scorm_track t JOIN lesson l2"
                + " ON l2.id = t.lesson_id WHERE l2.course_id = ?1 AND t.inmate_id = ?2), 0)"
                + " FROM lesson l JOIN lesson_progress p ON p.lesson_id = l.id WHERE l.course_id = ?1 AND p.inmate_id = ?2",
            r -> num(r[0]),
            courseId,
            inmateId)
        .orElse(0L);
  }

  @Override
  public List<ToDo> nextLessons(long inmateId) {
    return list(
        em,
        "SELECT l.id, l.title, c.title FROM enrolment e JOIN course c ON c.id = e.course_id"
            + " JOIN lesson l ON l.course_id = c.id AND l.active"
            + " LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.inmate_id = e.inmate_id"
            + " WHERE e.inmate_id = ?1 AND p.completed_at IS NULL"
            + " AND l.position = (SELECT MIN(l2.position) FROM lesson l2 LEFT JOIN lesson_progress p2"
            + "   ON p2.lesson_id = l2.id AND p2.inmate_id = e.inmate_id"
            + "   WHERE l2.course_id = c.id AND l2.active AND p2.completed_at IS NULL)"
            + " ORDER BY c.title",
        r -> new ToDo(num(r[0]), (String) r[1], (String) r[2], null, 0),
        inmateId);
  }

  @Override
  public List<ToDo> openQuizzes(long inmateId) {
    return list(
        em,
        "SELECT q.id, q.title, c.title FROM enrolment e JOIN course c ON c.id = e.course_id"
            + " JOIN quiz q ON q.course_id = c.id AND q.active"
            + " WHERE e.inmate_id = ?1 AND (SELECT COUNT(*) FROM quiz_attempt a WHERE a.quiz_id = q.id"
            + " AND a.inmate_id = e.inmate_id) < q.attempts AND NOT EXISTS (SELECT 1 FROM quiz_attempt a"
            + " JOIN quiz_grading g ON g.attempt_id = a.id WHERE a.quiz_id = q.id AND a.inmate_id = e.inmate_id"
            + " AND g.max_score > 0 AND g.score * 100 >= q.pass_mark * g.max_score) ORDER BY c.title, q.id",
        r -> new ToDo(num(r[0]), (String) r[1], (String) r[2], null, 0),
        inmateId);
  }

  @Override
  public List<ToDo> assignmentsNotHandedIn(long inmateId) {
    return list(
        em,
        "SELECT a.id, a.title, c.title, e.enrolled_at, a.due_days FROM enrolment e JOIN course c ON c.id = e.course_id"
            + " JOIN assignment a ON a.course_id = c.id AND a.active WHERE e.inmate_id = ?1"
            + " AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.assignment_id = a.id AND s.inmate_id = e.inmate_id)"
            + " ORDER BY e.enrolled_at, a.id",
        r -> new ToDo(num(r[0]), (String) r[1], (String) r[2], instant(r[3]), integer(r[4])),
        inmateId);
  }
}
