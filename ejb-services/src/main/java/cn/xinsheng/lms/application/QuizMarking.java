package cn.xinsheng.lms.application;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.QuestionText;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.QuizGrader;
import cn.xinsheng.lms.infrastructure.QuizGradingBinding;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marking quizzes: a teacher of the learner's cohort marks the essays an automatic grading left
 * pending; a teacher (his own learners) or the education office (all) grades a quiz again after its
 * key was corrected. Every marking is a new grading row; the teacher's marks are kept.
 */
@Stateless
public class QuizMarking {

  /** An essay waiting for a teacher. */
  public record EssayToGrade(
      long attemptId,
      String inmate,
      String quiz,
      String key,
      String question,
      String answer,
      String points) {}

  @Inject Quizzes quizzes;
  @Inject QuizAttempts attempts;
  @Inject Caller caller;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;

  /** Essays waiting in the teacher's cohorts' courses. */
  @RolesAllowed(Role.TEACHER_NAME)
  public List<EssayToGrade> essaysToGrade() {
    List<EssayToGrade> out = new ArrayList<>();
    for (QuizAttempts.HandedIn r : attempts.waitingForTeacher(caller.name())) {
      Map<?, ?> answers = (Map<?, ?>) CanonicalJson.parse(r.answers());
      for (QuestionText.Spec s : quizzes.ofAttempt(quizzes.quiz(r.quizId()), r.questionKeys())) {
        if (s.type() == QuestionText.Type.ESSAY && answers.get(s.key()) != null) {
          out.add(
              new EssayToGrade(
                  r.attemptId(),
                  r.prisonerNumber(),
                  r.quizTitle(),
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
  public QuizService.Graded gradeEssays(long attemptId, Map<String, BigDecimal> marks) {
    QuizAttempts.HandedIn a =
        attempts
            .handedIn(attemptId, caller.name())
            .orElseThrow(() -> Refusal.notFound("lms.error.noAttempt"));
    CourseCatalogue.Quiz q = quizzes.quiz(a.quizId());
    List<QuestionText.Spec> qs = quizzes.ofAttempt(q, a.questionKeys());
    Map<String, BigDecimal> teacher = new HashMap<>(quizzes.previousTeacherMarks(attemptId));
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
    Map<String, Object> answers = (Map<String, Object>) CanonicalJson.parse(a.answers());
    QuizGrader.Result r = QuizGrader.grade(qs, answers, teacher);
    long grading = quizzes.record(attemptId, r, teacher, caller.name());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("attempt", attemptId);
    p.put("inmate", a.prisonerNumber());
    p.put("score", r.score().toPlainString());
    p.put("marks", teacher.toString());
    auditLog.record(
        "lms.quiz.graded",
        "quiz-attempt/" + attemptId,
        p,
        List.of(),
        time.now(),
        List.of(AuditLog.Bind.of(QuizGradingBinding.TABLE, grading)));
    return Quizzes.graded(attemptId, r, q.passMark(), a.late());
  }

  /**
   * After a question's key was corrected: every handed-in attempt graded again, teacher marks kept.
   */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public int regrade(long quizId) {
    CourseCatalogue.Quiz q = quizzes.quiz(quizId);
    int n = 0;
    // a teacher re-grades his own learners' attempts, in a course he teaches; the office all
    boolean office = caller.has(Role.EDU_ADMIN);
    if (!office && !attempts.quizTaughtBy(quizId, caller.name())) {
      throw Refusal.notFound("lms.error.noQuiz");
    }
    for (QuizAttempts.HandedIn r : attempts.handedInAt(quizId, office ? null : caller.name())) {
      long attemptId = r.attemptId();
      @SuppressWarnings("unchecked")
      Map<String, Object> answers = (Map<String, Object>) CanonicalJson.parse(r.answers());
      Map<String, BigDecimal> teacher = quizzes.previousTeacherMarks(attemptId);
      QuizGrader.Result result =
          QuizGrader.grade(quizzes.ofAttempt(q, r.questionKeys()), answers, teacher);
      long grading = quizzes.record(attemptId, result, teacher, caller.name());
      // each learner's new grading in an entry about his attempt, naming him, as a first grading
      // is: so his own export carries and checks it (issue 15), not only the whole log
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("attempt", attemptId);
      one.put("quiz", quizId);
      one.put("inmate", r.prisonerNumber());
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
