package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exec;
import static cn.xinsheng.lms.infrastructure.NativeSql.exists;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.ids;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link QuizAttempts} in native SQL (ADR 0013). What a teacher grades still joins organisation's
 * {@code inmate} for the prisoner number (listed in the table-ownership guard).
 */
@ApplicationScoped
public class QuizAttemptStore implements QuizAttempts {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @jakarta.inject.Inject LearnerNames names;

  /** The latest grading of attempt {@code a}. */
  private static final String LATEST_GRADING =
      " JOIN quiz_grading g ON g.attempt_id = a.id AND g.id = (SELECT MAX(id) FROM quiz_grading WHERE attempt_id = a.id)";

  private static final String HANDED_IN =
      // the inmate's id where the prisoner number goes: LearnerNames puts it there
      "SELECT a.id, a.quiz_id, q.title, a.inmate_id, s.answers, a.question_keys, s.late FROM quiz_attempt a"
          + " JOIN quiz q ON q.id = a.quiz_id"
          + " JOIN quiz_submission s ON s.attempt_id = a.id";

  /** The handed-in attempts of these rows, each with the learner's prisoner number. */
  private List<HandedIn> handedIn(List<Object[]> rows) {
    return names.fill(new java.util.ArrayList<>(rows), 3, -1).stream()
        .map(QuizAttemptStore::handedIn)
        .toList();
  }

  private static HandedIn handedIn(Object[] r) {
    return new HandedIn(
        num(r[0]),
        num(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        bool(r[6]));
  }

  @Override
  public Optional<Long> open(long quizId, long inmateId) {
    return first(
        em,
        "SELECT a.id FROM quiz_attempt a LEFT JOIN quiz_submission s ON s.attempt_id = a.id"
            + " WHERE a.quiz_id = ?1 AND a.inmate_id = ?2 AND s.attempt_id IS NULL ORDER BY a.id DESC LIMIT 1",
        r -> num(r[0]),
        quizId,
        inmateId);
  }

  @Override
  public int count(long quizId, long inmateId) {
    return first(
            em,
            "SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ?1 AND inmate_id = ?2",
            r -> integer(r[0]),
            quizId,
            inmateId)
        .orElse(0);
  }

  @Override
  public OptionalLong start(
      long quizId, long inmateId, long number, Instant startedAt, Instant deadline, String keys) {
    try {
      return OptionalLong.of(
          NativeSql.insert(
              em,
              "INSERT INTO quiz_attempt (quiz_id, inmate_id, attempt_no, started_at, deadline_at, question_keys) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
              quizId,
              inmateId,
              number,
              startedAt,
              deadline,
              keys));
    } catch (PersistenceException e) {
      if (SqlValues.isDuplicateKey(e)) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Attempt> of(long attemptId, long inmateId) {
    return first(
        em,
        "SELECT id, quiz_id, deadline_at, question_keys FROM quiz_attempt WHERE id = ?1 AND inmate_id = ?2",
        r -> new Attempt(num(r[0]), num(r[1]), instant(r[2]), (String) r[3]),
        attemptId,
        inmateId);
  }

  @Override
  public boolean handedIn(long attemptId) {
    return exists(em, "SELECT 1 FROM quiz_submission WHERE attempt_id = ?1", attemptId);
  }

  @Override
  public void handIn(long attemptId, String answers, Instant at, boolean late) {
    exec(
        em,
        "INSERT INTO quiz_submission (attempt_id, answers, submitted_at, late) VALUES (?1, ?2, ?3, ?4)",
        attemptId,
        answers,
        at,
        late);
  }

  @Override
  public long grade(
      long attemptId,
      BigDecimal score,
      BigDecimal max,
      int pending,
      String detail,
      String by,
      Instant at) {
    return NativeSql.insert(
        em,
        "INSERT INTO quiz_grading (attempt_id, score, max_score, pending, detail, graded_by, graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        attemptId,
        score,
        max,
        pending,
        detail,
        by,
        at);
  }

  @Override
  public Optional<String> latestDetail(long attemptId) {
    return first(
        em,
        "SELECT detail FROM quiz_grading WHERE attempt_id = ?1 ORDER BY id DESC LIMIT 1",
        r -> (String) r[0],
        attemptId);
  }

  @Override
  public List<Score> latestScores(long quizId, long inmateId) {
    return list(
        em,
        "SELECT g.score, g.max_score FROM quiz_attempt a JOIN quiz_grading g ON g.attempt_id = a.id"
            + " WHERE a.quiz_id = ?1 AND a.inmate_id = ?2 AND g.id = (SELECT MAX(g2.id) FROM quiz_grading g2"
            + " WHERE g2.attempt_id = a.id)",
        r -> new Score((BigDecimal) r[0], (BigDecimal) r[1]),
        quizId,
        inmateId);
  }

  @Override
  public List<Result> results(long quizId, long inmateId) {
    return list(
        em,
        "SELECT a.id, g.score, g.max_score, g.pending, s.late FROM quiz_attempt a JOIN quiz_submission s ON s.attempt_id = a.id"
            + LATEST_GRADING
            + " WHERE a.quiz_id = ?1 AND a.inmate_id = ?2 ORDER BY a.id",
        r -> new Result(num(r[0]), (BigDecimal) r[1], (BigDecimal) r[2], integer(r[3]), bool(r[4])),
        quizId,
        inmateId);
  }

  @Override
  public List<HandedIn> waitingForTeacher(String teacher) {
    return handedIn(
        list(
            em,
            HANDED_IN
                + LATEST_GRADING
                + " WHERE g.pending > 0 AND"
                + NativeSql.myLearner("a.inmate_id", "q.course_id", 1)
                + " ORDER BY a.id",
            r -> r,
            teacher));
  }

  @Override
  public Optional<HandedIn> handedIn(long attemptId, String teacher) {
    return handedIn(
            list(
                em,
                HANDED_IN
                    + " WHERE a.id = ?2 AND"
                    + NativeSql.myLearner("a.inmate_id", "q.course_id", 1),
                r -> r,
                teacher,
                attemptId))
        .stream()
        .findFirst();
  }

  @Override
  public List<HandedIn> handedInAt(long quizId, String teacher) {
    String sql =
        HANDED_IN
            + " WHERE a.quiz_id = ?1"
            + (teacher == null
                ? ""
                : " AND" + NativeSql.myLearner("a.inmate_id", "q.course_id", 2));
    return handedIn(
        teacher == null ? list(em, sql, r -> r, quizId) : list(em, sql, r -> r, quizId, teacher));
  }

  @Override
  public boolean quizTaughtBy(long quizId, String teacher) {
    return exists(
        em,
        "SELECT 1 FROM quiz q WHERE q.id = ?1 AND" + NativeSql.myCourse("q.course_id", 2),
        quizId,
        teacher);
  }

  @Override
  public List<Long> gradingIds(long courseId, long inmateId) {
    return ids(
        em,
        "SELECT g.id FROM quiz_grading g JOIN quiz_attempt a ON a.id = g.attempt_id"
            + " JOIN quiz q ON q.id = a.quiz_id WHERE q.course_id = ?1 AND a.inmate_id = ?2",
        courseId,
        inmateId);
  }
}
