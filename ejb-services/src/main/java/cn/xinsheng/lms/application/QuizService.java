package cn.xinsheng.lms.application;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.QuestionText;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.QuizGrader;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.lms.infrastructure.QuizGradingBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Quizzes: an inmate starts an attempt (while he has attempts left; shuffled when the quiz says so;
 * timed), hands in his answers and sees his grade at once; essays wait for a teacher of his cohort;
 * a teacher re-grades a quiz after its key was corrected. Every grading is a new row; the latest
 * counts.
 */
@Stateless
public class QuizService {

  /** A question as the learner sees it: no answers. */
  public record QuestionView(
      String key,
      String type,
      String text,
      String points,
      List<String> options,
      List<String> left,
      List<String> right) {}

  public record AttemptView(
      long attemptId,
      long quizId,
      String title,
      Instant deadline,
      List<QuestionView> questions,
      boolean submitted) {}

  public record Graded(
      long attemptId,
      String score,
      String max,
      String percent,
      int pending,
      boolean passed,
      boolean late) {}

  /** An essay waiting for a teacher. */
  public record EssayToGrade(
      long attemptId,
      String inmate,
      String quiz,
      String key,
      String question,
      String answer,
      String points) {}

  @Inject LearningStore store;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject AuditLog auditLog;
  @Inject Enrolments enrolments;
  @Inject PrisonTime time;

  static List<QuestionText.Spec> questions(String source) {
    try {
      return QuestionText.parse(source);
    } catch (ContentRefusal e) {
      throw new IllegalStateException("a stored quiz does not parse: " + e.getMessage());
    }
  }

  /**
   * Every question a quiz may ask: its own by key, and the questions of its course's banks as
   * {@code bank/key}.
   */
  private Map<String, QuestionText.Spec> pool(long courseId, String own) {
    Map<String, QuestionText.Spec> out = new LinkedHashMap<>();
    questions(own).forEach(s -> out.put(s.key(), s));
    for (Object[] b :
        store.rows(
            "SELECT bank_key, questions FROM question_bank WHERE course_id = ?1", courseId)) {
      for (QuestionText.Spec s : questions((String) b[1])) {
        String key = b[0] + "/" + s.key();
        out.put(
            key,
            new QuestionText.Spec(
                key,
                s.type(),
                s.points(),
                s.category(),
                s.text(),
                s.options(),
                s.answers(),
                s.number(),
                s.tolerance(),
                s.pairs()));
      }
    }
    return out;
  }

  /** The questions of an attempt, in its order, from the quiz's pool. */
  private List<QuestionText.Spec> ofAttempt(Object[] quiz, String keys) {
    Map<String, QuestionText.Spec> pool = pool(SqlValues.num(quiz[0]), (String) quiz[6]);
    List<QuestionText.Spec> out = new ArrayList<>();
    for (String k : keys.split(",")) {
      if (pool.containsKey(k)) {
        out.add(pool.get(k));
      }
    }
    return out;
  }

  /** The quiz's own questions and, per draw, that many of the category picked at random. */
  private List<String> draw(Object[] quiz) {
    Map<String, QuestionText.Spec> pool = pool(SqlValues.num(quiz[0]), (String) quiz[6]);
    List<String> keys =
        new ArrayList<>(questions((String) quiz[6]).stream().map(QuestionText.Spec::key).toList());
    Random random = new Random();
    for (String line : String.valueOf(quiz[7]).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] d = line.split("\t");
      List<String> candidates = new ArrayList<>();
      pool.values().stream()
          .filter(
              q ->
                  q.key().startsWith(d[0] + "/")
                      && q.category().equals(d[1])
                      && !keys.contains(q.key()))
          .forEach(q -> candidates.add(q.key()));
      Collections.shuffle(candidates, random);
      keys.addAll(
          candidates.subList(0, Math.min(Integer.parseInt(d[2].strip()), candidates.size())));
    }
    return keys;
  }

  /** quiz: course id, title, time limit, attempts, shuffle, pass mark, questions, draws */
  private Object[] quiz(long quizId) {
    return store
        .one(
            "SELECT course_id, title, time_limit_minutes, attempts, shuffle, pass_mark, questions, draws FROM quiz WHERE id = ?1 AND active",
            quizId)
        .orElseThrow(() -> Refusal.notFound("lms.error.noQuiz"));
  }

  @RolesAllowed(Role.INMATE_NAME)
  public AttemptView start(long quizId) {
    Inmate me = scope.ownInmate();
    Object[] q = quiz(quizId);
    enrolments.require(me.getId(), SqlValues.num(q[0]));
    // an attempt not yet handed in is resumed, not restarted
    Object[] open =
        store
            .one(
                "SELECT a.id FROM quiz_attempt a LEFT JOIN quiz_submission s ON s.attempt_id = a.id"
                    + " WHERE a.quiz_id = ?1 AND a.inmate_id = ?2 AND s.attempt_id IS NULL ORDER BY a.id DESC LIMIT 1",
                quizId,
                me.getId())
            .orElse(null);
    if (open != null) {
      return view(SqlValues.num(open[0]));
    }
    long used =
        SqlValues.num(
            store.one(
                    "SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ?1 AND inmate_id = ?2",
                    quizId,
                    me.getId())
                .orElseThrow()[0]);
    if (used >= SqlValues.integer(q[3])) {
      throw Refusal.conflict("lms.error.noAttemptsLeft", SqlValues.integer(q[3]));
    }
    List<String> keys = draw(q);
    if (SqlValues.bool(q[4])) {
      Collections.shuffle(keys, new Random());
    }
    Instant now = time.now();
    int limit = SqlValues.integer(q[2]);
    long id =
        insertAttempt(
            quizId,
            me.getId(),
            used + 1,
            now,
            limit > 0 ? now.plus(limit, ChronoUnit.MINUTES) : null,
            String.join(",", keys));
    return view(id);
  }

  /**
   * The attempt numbered {@code number}: the unique (quiz, inmate, number) key refuses a second
   * attempt started at the same moment, so a limit of attempts is never exceeded.
   */
  private long insertAttempt(
      long quizId, long inmateId, long number, Instant now, Instant deadline, String keys) {
    try {
      return store.insert(
          "INSERT INTO quiz_attempt (quiz_id, inmate_id, attempt_no, started_at, deadline_at, question_keys) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
          quizId,
          inmateId,
          number,
          now,
          deadline,
          keys);
    } catch (jakarta.persistence.PersistenceException e) {
      if (SqlValues.isDuplicateKey(e)) {
        throw Refusal.conflict("lms.error.attemptStarting");
      }
      throw e;
    }
  }

  @RolesAllowed(Role.INMATE_NAME)
  public AttemptView attempt(long attemptId) {
    return view(attemptId);
  }

  private AttemptView view(long attemptId) {
    Object[] a = own(attemptId);
    Object[] q = quiz(SqlValues.num(a[0]));
    Map<String, QuestionText.Spec> byKey = new HashMap<>();
    ofAttempt(q, (String) a[2]).forEach(s -> byKey.put(s.key(), s));
    List<QuestionView> out = new ArrayList<>();
    for (String key : ((String) a[2]).split(",")) {
      QuestionText.Spec s = byKey.get(key);
      if (s == null) {
        continue;
      }
      List<String> right =
          new ArrayList<>(s.pairs().stream().map(QuestionText.Pair::right).toList());
      Collections.shuffle(right, new Random(attemptId ^ key.hashCode()));
      out.add(
          new QuestionView(
              s.key(),
              s.type().name(),
              s.text(),
              s.points().toPlainString(),
              s.options().stream().map(QuestionText.Option::text).toList(),
              s.pairs().stream().map(QuestionText.Pair::left).toList(),
              right));
    }
    boolean submitted =
        store.one("SELECT 1 FROM quiz_submission WHERE attempt_id = ?1", attemptId).isPresent();
    return new AttemptView(
        attemptId, SqlValues.num(a[0]), (String) q[1], SqlValues.instant(a[1]), out, submitted);
  }

  /** quiz id, deadline, question keys — of the caller's own attempt */
  private Object[] own(long attemptId) {
    Inmate me = scope.ownInmate();
    return store
        .one(
            "SELECT quiz_id, deadline_at, question_keys FROM quiz_attempt WHERE id = ?1 AND inmate_id = ?2",
            attemptId,
            me.getId())
        .orElseThrow(() -> Refusal.notFound("lms.error.noAttempt"));
  }

  /**
   * Hands in the answers (canonical JSON keyed by question key) and grades them. Handed in after
   * the time limit they are still kept and graded, and marked late: nothing the learner wrote is
   * lost.
   */
  @RolesAllowed(Role.INMATE_NAME)
  public Graded submit(long attemptId, Map<String, Object> answers) {
    Object[] a = own(attemptId);
    if (store.one("SELECT 1 FROM quiz_submission WHERE attempt_id = ?1", attemptId).isPresent()) {
      throw Refusal.conflict("lms.error.submitted");
    }
    Object[] q = quiz(SqlValues.num(a[0]));
    Map<String, Object> clean = new LinkedHashMap<>();
    for (String key : ((String) a[2]).split(",")) {
      Object v = answers == null ? null : answers.get(key);
      if (v != null) {
        try {
          CanonicalJson.check(v);
        } catch (IllegalArgumentException e) {
          throw Refusal.invalid("lms.error.answer", key);
        }
        if (String.valueOf(v).length() > 20_000) {
          throw Refusal.invalid("lms.error.answer", key);
        }
        clean.put(key, v);
      }
    }
    Instant now = time.now();
    Instant deadline = SqlValues.instant(a[1]);
    boolean late = deadline != null && now.isAfter(deadline.plusSeconds(30));
    store.exec(
        "INSERT INTO quiz_submission (attempt_id, answers, submitted_at, late) VALUES (?1, ?2, ?3, ?4)",
        attemptId,
        CanonicalJson.write(clean),
        now,
        late);
    QuizGrader.Result r = QuizGrader.grade(ofAttempt(q, (String) a[2]), clean, Map.of());
    long grading = record(attemptId, r, Map.of(), "auto");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("attempt", attemptId);
    p.put("quiz", SqlValues.num(a[0]));
    p.put("score", r.score().toPlainString());
    p.put("max", r.max().toPlainString());
    p.put("late", late);
    p.put("inmate", scope.ownInmate().getPrisonerNumber().value());
    auditLog.record(
        "lms.quiz.submitted",
        "quiz-attempt/" + attemptId,
        p,
        List.of(),
        now,
        List.of(AuditLog.Bind.of(QuizGradingBinding.TABLE, grading)));
    return graded(attemptId, r, SqlValues.integer(q[5]), late);
  }

  /** A grading row (append-only: a regrade is a new row); returns its id, which the log binds. */
  private long record(
      long attemptId, QuizGrader.Result r, Map<String, BigDecimal> teacher, String by) {
    Map<String, Object> detail = new LinkedHashMap<>();
    for (QuizGrader.Mark m : r.marks()) {
      detail.put(m.key(), m.awarded() == null ? null : m.awarded().toPlainString());
    }
    Map<String, Object> t = new LinkedHashMap<>();
    teacher.forEach((k, v) -> t.put(k, v.toPlainString()));
    detail.put("_teacher", t);
    return store.insert(
        "INSERT INTO quiz_grading (attempt_id, score, max_score, pending, detail, graded_by, graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        attemptId,
        r.score(),
        r.max(),
        r.pending(),
        CanonicalJson.write(detail),
        by,
        time.now());
  }

  private static Graded graded(long attemptId, QuizGrader.Result r, int passMark, boolean late) {
    return new Graded(
        attemptId,
        r.score().toPlainString(),
        r.max().toPlainString(),
        r.percent().toPlainString(),
        r.pending(),
        r.pending() == 0 && r.percent().compareTo(BigDecimal.valueOf(passMark)) >= 0,
        late);
  }

  /** The inmate's attempts at a quiz with their latest grading. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<Graded> results(long quizId) {
    Inmate me = scope.ownInmate();
    Object[] q = quiz(quizId);
    enrolments.require(me.getId(), SqlValues.num(q[0]));
    List<Graded> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT a.id, g.score, g.max_score, g.pending, s.late FROM quiz_attempt a JOIN quiz_submission s ON s.attempt_id = a.id"
                + " JOIN quiz_grading g ON g.attempt_id = a.id AND g.id = (SELECT MAX(id) FROM quiz_grading WHERE attempt_id = a.id)"
                + " WHERE a.quiz_id = ?1 AND a.inmate_id = ?2 ORDER BY a.id",
            quizId,
            me.getId())) {
      QuizGrader.Result res =
          new QuizGrader.Result(
              (BigDecimal) r[1], (BigDecimal) r[2], SqlValues.integer(r[3]), List.of());
      out.add(graded(SqlValues.num(r[0]), res, SqlValues.integer(q[5]), SqlValues.bool(r[4])));
    }
    return out;
  }

  /** A question in a course's bank, as teachers browse it by category (answers included). */
  public record BankQuestion(
      String bank, String key, String category, String type, String points, String text) {}

  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<BankQuestion> bank(long courseId) {
    if (!caller.has(Role.EDU_ADMIN)
        && store
            .one(
                "SELECT 1 FROM course c WHERE c.id = ?1 AND" + TeacherScope.myCourse("c.id", 2),
                courseId,
                caller.name())
            .isEmpty()) {
      // another teacher's course: as if it did not exist (issue 14)
      throw Refusal.notFound("lms.error.noCourse");
    }
    List<BankQuestion> out = new ArrayList<>();
    for (Object[] b :
        store.rows(
            "SELECT bank_key, questions FROM question_bank WHERE course_id = ?1 ORDER BY bank_key",
            courseId)) {
      for (QuestionText.Spec s : questions((String) b[1])) {
        out.add(
            new BankQuestion(
                (String) b[0],
                s.key(),
                s.category(),
                s.type().name(),
                s.points().toPlainString(),
                s.text()));
      }
    }
    out.sort(
        java.util.Comparator.comparing(BankQuestion::category).thenComparing(BankQuestion::key));
    return out;
  }

  // --- teachers --------------------------------------------------------------------------------

  /** The teacher's own learners' attempts (issue 14): parameter ?1 is the teacher. */
  private static final String MY_COURSES =
      " AND" + TeacherScope.myLearner("a.inmate_id", "q.course_id", 1);

  /** Essays waiting in the teacher's cohorts' courses. */
  @RolesAllowed(Role.TEACHER_NAME)
  public List<EssayToGrade> essaysToGrade() {
    List<EssayToGrade> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT a.id, i.prisoner_number, q.title, a.quiz_id, s.answers, a.question_keys FROM quiz_attempt a"
                + " JOIN quiz q ON q.id = a.quiz_id JOIN inmate i ON i.id = a.inmate_id"
                + " JOIN quiz_submission s ON s.attempt_id = a.id"
                + " JOIN quiz_grading g ON g.attempt_id = a.id AND g.id = (SELECT MAX(id) FROM quiz_grading WHERE attempt_id = a.id)"
                + " WHERE g.pending > 0"
                + MY_COURSES
                + " ORDER BY a.id",
            caller.name())) {
      Map<?, ?> answers = (Map<?, ?>) CanonicalJson.parse((String) r[4]);
      for (QuestionText.Spec s : ofAttempt(quiz(SqlValues.num(r[3])), (String) r[5])) {
        if (s.type() == QuestionText.Type.ESSAY && answers.get(s.key()) != null) {
          out.add(
              new EssayToGrade(
                  SqlValues.num(r[0]),
                  (String) r[1],
                  (String) r[2],
                  s.key(),
                  s.text(),
                  String.valueOf(answers.get(s.key())),
                  s.points().toPlainString()));
        }
      }
    }
    return out;
  }

  /** A teacher's marks for an attempt's essays: a new grading of the whole attempt. */
  @RolesAllowed(Role.TEACHER_NAME)
  public Graded gradeEssays(long attemptId, Map<String, BigDecimal> marks) {
    Object[] a =
        store
            .one(
                "SELECT a.quiz_id, s.answers, s.late, i.prisoner_number, a.question_keys FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id"
                    + " JOIN quiz_submission s ON s.attempt_id = a.id JOIN inmate i ON i.id = a.inmate_id WHERE a.id = ?2"
                    + MY_COURSES,
                caller.name(),
                attemptId)
            .orElseThrow(() -> Refusal.notFound("lms.error.noAttempt"));
    Object[] q = quiz(SqlValues.num(a[0]));
    List<QuestionText.Spec> qs = ofAttempt(q, (String) a[4]);
    Map<String, BigDecimal> teacher = new HashMap<>(previousTeacherMarks(attemptId));
    for (Map.Entry<String, BigDecimal> m : marks.entrySet()) {
      QuestionText.Spec s =
          qs.stream().filter(x -> x.key().equals(m.getKey())).findFirst().orElse(null);
      if (s == null || s.type() != QuestionText.Type.ESSAY) {
        throw Refusal.invalid("lms.error.notEssay", m.getKey());
      }
      if (m.getValue() == null
          || m.getValue().signum() < 0
          || m.getValue().compareTo(s.points()) > 0) {
        throw Refusal.invalid("lms.error.essayPoints", s.points().toPlainString());
      }
      teacher.put(m.getKey(), m.getValue());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> answers = (Map<String, Object>) CanonicalJson.parse((String) a[1]);
    QuizGrader.Result r = QuizGrader.grade(qs, answers, teacher);
    long grading = record(attemptId, r, teacher, caller.name());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("attempt", attemptId);
    p.put("inmate", a[3]);
    p.put("score", r.score().toPlainString());
    p.put("marks", teacher.toString());
    auditLog.record(
        "lms.quiz.graded",
        "quiz-attempt/" + attemptId,
        p,
        List.of(),
        time.now(),
        List.of(AuditLog.Bind.of(QuizGradingBinding.TABLE, grading)));
    return graded(attemptId, r, SqlValues.integer(q[5]), SqlValues.bool(a[2]));
  }

  private Map<String, BigDecimal> previousTeacherMarks(long attemptId) {
    Map<String, BigDecimal> out = new HashMap<>();
    store
        .one(
            "SELECT detail FROM quiz_grading WHERE attempt_id = ?1 ORDER BY id DESC LIMIT 1",
            attemptId)
        .ifPresent(
            r -> {
              Object t = ((Map<?, ?>) CanonicalJson.parse((String) r[0])).get("_teacher");
              if (t instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), new BigDecimal(String.valueOf(v))));
              }
            });
    return out;
  }

  /**
   * After a question's key was corrected: every handed-in attempt graded again, teacher marks kept.
   */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public int regrade(long quizId) {
    Object[] q = quiz(quizId);
    int n = 0;
    // a teacher re-grades his own learners' attempts, in a course he teaches; the office all
    boolean office = caller.has(Role.EDU_ADMIN);
    if (!office
        && store
            .one(
                "SELECT 1 FROM quiz q WHERE q.id = ?1 AND"
                    + TeacherScope.myCourse("q.course_id", 2),
                quizId,
                caller.name())
            .isEmpty()) {
      throw Refusal.notFound("lms.error.noQuiz");
    }
    String sql =
        "SELECT a.id, s.answers, a.question_keys, i.prisoner_number FROM quiz_attempt a"
            + " JOIN quiz_submission s ON s.attempt_id = a.id JOIN inmate i ON i.id = a.inmate_id"
            + " JOIN quiz q ON q.id = a.quiz_id WHERE a.quiz_id = ?1"
            + (office ? "" : " AND" + TeacherScope.myLearner("a.inmate_id", "q.course_id", 2));
    List<Object[]> rows = office ? store.rows(sql, quizId) : store.rows(sql, quizId, caller.name());
    for (Object[] r : rows) {
      long attemptId = SqlValues.num(r[0]);
      @SuppressWarnings("unchecked")
      Map<String, Object> answers = (Map<String, Object>) CanonicalJson.parse((String) r[1]);
      Map<String, BigDecimal> teacher = previousTeacherMarks(attemptId);
      QuizGrader.Result result = QuizGrader.grade(ofAttempt(q, (String) r[2]), answers, teacher);
      long grading = record(attemptId, result, teacher, caller.name());
      // each learner's new grading in an entry about his attempt, naming him, as a first grading
      // is: so his own export carries and checks it (issue 15), not only the whole log
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("attempt", attemptId);
      one.put("quiz", quizId);
      one.put("inmate", r[3]);
      one.put("score", result.score().toPlainString());
      auditLog.record(
          "lms.quiz.regraded",
          "quiz-attempt/" + attemptId,
          one,
          List.of(),
          time.now(),
          List.of(AuditLog.Bind.of(QuizGradingBinding.TABLE, grading)));
      n++;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("quiz", quizId);
    p.put("attempts", (long) n);
    auditLog.record("lms.quiz.regrade.done", "quiz/" + quizId, p, List.of(), time.now());
    return n;
  }
}
