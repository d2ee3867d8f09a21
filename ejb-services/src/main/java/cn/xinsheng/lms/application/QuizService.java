package cn.xinsheng.lms.application;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.QuestionText;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.QuizGrader;
import cn.xinsheng.lms.infrastructure.QuizGradingBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
 * Taking a quiz: an inmate starts an attempt (while he has attempts left; shuffled when the quiz
 * says so; timed), hands in his answers and sees his grade at once. Essays wait for a teacher of
 * his cohort ({@link QuizMarking}); a course's question banks are browsed in {@link QuestionBanks}.
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

  @Inject Quizzes quizzes;
  @Inject QuizAttempts attempts;
  @Inject CallerScope scope;
  @Inject AuditLog auditLog;
  @Inject Enrolments enrolments;
  @Inject PrisonTime time;

  @RolesAllowed(Role.INMATE_NAME)
  public AttemptView start(long quizId) {
    Inmate me = scope.ownInmate();
    CourseCatalogue.Quiz q = quizzes.quiz(quizId);
    enrolments.require(me.getId(), q.courseId());
    // an attempt not yet handed in is resumed, not restarted
    Long open = attempts.open(quizId, me.getId()).orElse(null);
    if (open != null) {
      return view(open);
    }
    long used = attempts.count(quizId, me.getId());
    if (used >= q.attempts()) {
      throw Refusal.conflict("lms.error.noAttemptsLeft", q.attempts());
    }
    List<String> keys = quizzes.draw(q);
    if (q.shuffle()) {
      Collections.shuffle(keys, new Random());
    }
    Instant now = time.now();
    int limit = q.timeLimitMinutes();
    // the unique (quiz, inmate, number) key refuses a second attempt started at the same moment,
    // so a limit of attempts is never exceeded
    long id =
        attempts
            .start(
                quizId,
                me.getId(),
                used + 1,
                now,
                limit > 0 ? now.plus(limit, ChronoUnit.MINUTES) : null,
                String.join(",", keys))
            .orElseThrow(() -> Refusal.conflict("lms.error.attemptStarting"));
    return view(id);
  }

  @RolesAllowed(Role.INMATE_NAME)
  public AttemptView attempt(long attemptId) {
    return view(attemptId);
  }

  private AttemptView view(long attemptId) {
    QuizAttempts.Attempt a = own(attemptId);
    CourseCatalogue.Quiz q = quizzes.quiz(a.quizId());
    Map<String, QuestionText.Spec> byKey = new HashMap<>();
    quizzes.ofAttempt(q, a.questionKeys()).forEach(s -> byKey.put(s.key(), s));
    List<QuestionView> out = new ArrayList<>();
    for (String key : a.questionKeys().split(",")) {
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
    return new AttemptView(
        attemptId, a.quizId(), q.title(), a.deadline(), out, attempts.handedIn(attemptId));
  }

  /** The caller's own attempt, or a refusal as if it did not exist. */
  private QuizAttempts.Attempt own(long attemptId) {
    Inmate me = scope.ownInmate();
    return attempts
        .of(attemptId, me.getId())
        .orElseThrow(() -> Refusal.notFound("lms.error.noAttempt"));
  }

  /**
   * Hands in the answers (canonical JSON keyed by question key) and grades them. Handed in after
   * the time limit they are still kept and graded, and marked late: nothing the learner wrote is
   * lost.
   */
  @RolesAllowed(Role.INMATE_NAME)
  public Graded submit(long attemptId, Map<String, Object> answers) {
    QuizAttempts.Attempt a = own(attemptId);
    if (attempts.handedIn(attemptId)) {
      throw Refusal.conflict("lms.error.submitted");
    }
    CourseCatalogue.Quiz q = quizzes.quiz(a.quizId());
    Map<String, Object> clean = new LinkedHashMap<>();
    for (String key : a.questionKeys().split(",")) {
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
    if (clean.values().stream().noneMatch(QuizService::answered)) {
      // issue 18 walk: an empty hand-in (a stray click) used up an attempt and graded it 0; the
      // attempt stays open, its time limit still counting
      throw Refusal.invalid("lms.error.noAnswers");
    }
    Instant now = time.now();
    Instant deadline = a.deadline();
    boolean late = deadline != null && now.isAfter(deadline.plusSeconds(30));
    attempts.handIn(attemptId, CanonicalJson.write(clean), now, late);
    QuizGrader.Result r = QuizGrader.grade(quizzes.ofAttempt(q, a.questionKeys()), clean, Map.of());
    long grading = quizzes.record(attemptId, r, Map.of(), "auto");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("attempt", attemptId);
    p.put("quiz", a.quizId());
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
    return Quizzes.graded(attemptId, r, q.passMark(), late);
  }

  /**
   * Whether an answer says anything: a chosen option, some text, a matching with at least one pair
   * chosen. An empty string, an empty list or a matching left all blank is no answer.
   */
  public static boolean answered(Object answer) {
    if (answer == null) {
      return false;
    }
    if (answer instanceof String s) {
      return !s.isBlank();
    }
    if (answer instanceof java.util.Collection<?> c) {
      return c.stream().anyMatch(QuizService::answered);
    }
    return true;
  }

  /** The inmate's attempts at a quiz with their latest grading. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<Graded> results(long quizId) {
    Inmate me = scope.ownInmate();
    CourseCatalogue.Quiz q = quizzes.quiz(quizId);
    enrolments.require(me.getId(), q.courseId());
    List<Graded> out = new ArrayList<>();
    for (QuizAttempts.Result r : attempts.results(quizId, me.getId())) {
      QuizGrader.Result res = new QuizGrader.Result(r.score(), r.max(), r.pending(), List.of());
      out.add(Quizzes.graded(r.attemptId(), res, q.passMark(), r.late()));
    }
    return out;
  }
}
