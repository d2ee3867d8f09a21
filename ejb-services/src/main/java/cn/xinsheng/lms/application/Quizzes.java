package cn.xinsheng.lms.application;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.QuestionText;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.QuizGrader;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What taking a quiz and marking it share, in the caller's transaction and with no access rule of
 * its own: a quiz and the questions it may ask (its own and its course's banks'), the questions of
 * an attempt, and the grading rows (append-only: a regrade is a new row; the latest counts).
 */
@ApplicationScoped
public class Quizzes {

  @Inject CourseCatalogue catalogue;
  @Inject QuizAttempts attempts;
  @Inject PrisonTime time;

  static List<QuestionText.Spec> questions(String source) {
    try {
      return QuestionText.parse(source);
    } catch (ContentRefusal e) {
      throw new IllegalStateException("a stored quiz does not parse: " + e.getMessage());
    }
  }

  /** An active quiz, or a refusal as if it did not exist. */
  CourseCatalogue.Quiz quiz(long quizId) {
    return catalogue.activeQuiz(quizId).orElseThrow(() -> Refusal.notFound("lms.error.noQuiz"));
  }

  /**
   * Every question a quiz may ask: its own by key, and the questions of its course's banks as
   * {@code bank/key}.
   */
  private Map<String, QuestionText.Spec> pool(CourseCatalogue.Quiz quiz) {
    Map<String, QuestionText.Spec> out = new LinkedHashMap<>();
    questions(quiz.questions()).forEach(s -> out.put(s.key(), s));
    for (CourseCatalogue.Bank b : catalogue.banks(quiz.courseId())) {
      for (QuestionText.Spec s : questions(b.questions())) {
        String key = b.key() + "/" + s.key();
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
  List<QuestionText.Spec> ofAttempt(CourseCatalogue.Quiz quiz, String keys) {
    Map<String, QuestionText.Spec> pool = pool(quiz);
    List<QuestionText.Spec> out = new ArrayList<>();
    for (String k : keys.split(",")) {
      if (pool.containsKey(k)) {
        out.add(pool.get(k));
      }
    }
    return out;
  }

  /** The quiz's own questions and, per draw, that many of the category picked at random. */
  List<String> draw(CourseCatalogue.Quiz quiz) {
    Map<String, QuestionText.Spec> pool = pool(quiz);
    List<String> keys =
        new ArrayList<>(questions(quiz.questions()).stream().map(QuestionText.Spec::key).toList());
    Random random = new Random();
    for (String line : String.valueOf(quiz.draws()).split("\n")) {
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

  /** A grading row; returns its id, which the log binds. */
  long record(long attemptId, QuizGrader.Result r, Map<String, BigDecimal> teacher, String by) {
    Map<String, Object> detail = new LinkedHashMap<>();
    for (QuizGrader.Mark m : r.marks()) {
      detail.put(m.key(), m.awarded() == null ? null : m.awarded().toPlainString());
    }
    Map<String, Object> t = new LinkedHashMap<>();
    teacher.forEach((k, v) -> t.put(k, v.toPlainString()));
    detail.put("_teacher", t);
    return attempts.grade(
        attemptId, r.score(), r.max(), r.pending(), CanonicalJson.write(detail), by, time.now());
  }

  /** The marks a teacher gave in the attempt's latest grading: a regrade keeps them. */
  Map<String, BigDecimal> previousTeacherMarks(long attemptId) {
    Map<String, BigDecimal> out = new HashMap<>();
    attempts
        .latestDetail(attemptId)
        .ifPresent(
            detail -> {
              Object t = ((Map<?, ?>) CanonicalJson.parse(detail)).get("_teacher");
              if (t instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), new BigDecimal(String.valueOf(v))));
              }
            });
    return out;
  }

  static QuizService.Graded graded(
      long attemptId, QuizGrader.Result r, int passMark, boolean late) {
    return new QuizService.Graded(
        attemptId,
        r.score().toPlainString(),
        r.max().toPlainString(),
        r.percent().toPlainString(),
        r.pending(),
        r.pending() == 0 && r.percent().compareTo(BigDecimal.valueOf(passMark)) >= 0,
        late);
  }
}
