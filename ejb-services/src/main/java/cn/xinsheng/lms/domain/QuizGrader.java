package cn.xinsheng.lms.domain;

import cn.xinsheng.content.QuestionText;
import cn.xinsheng.content.QuestionText.Spec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grades a quiz's answers against its questions. Answers as the terminal sends them: an option's
 * index (single), a list of indexes (multiple), "true"/"false", a number as text (numeric, within
 * its tolerance), text (fill: any accepted answer, case, width and spaces ignored), a list of right
 * sides in the order of the left sides (matching: credit per pair), text (essay: left for a
 * teacher). A question not answered scores nothing.
 */
public final class QuizGrader {

  /** One question's result; {@code awarded} is null while a teacher has still to grade it. */
  public record Mark(String key, BigDecimal awarded, BigDecimal max) {}

  /** The whole attempt. */
  public record Result(BigDecimal score, BigDecimal max, int pending, List<Mark> marks) {
    public BigDecimal percent() {
      return max.signum() == 0
          ? BigDecimal.ZERO
          : score.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
    }
  }

  private QuizGrader() {}

  /**
   * @param teacherMarks points a teacher gave essays, by question key (empty until graded)
   */
  public static Result grade(
      List<Spec> questions, Map<String, Object> answers, Map<String, BigDecimal> teacherMarks) {
    BigDecimal score = BigDecimal.ZERO;
    BigDecimal max = BigDecimal.ZERO;
    int pending = 0;
    List<Mark> marks = new ArrayList<>();
    for (Spec q : questions) {
      max = max.add(q.points());
      BigDecimal awarded;
      if (q.type() == QuestionText.Type.ESSAY) {
        BigDecimal t = teacherMarks.get(q.key());
        if (t == null && answers.get(q.key()) != null) {
          pending++;
          marks.add(new Mark(q.key(), null, q.points()));
          continue;
        }
        awarded = t == null ? BigDecimal.ZERO : t.min(q.points()).max(BigDecimal.ZERO);
      } else {
        awarded = auto(q, answers.get(q.key()));
      }
      score = score.add(awarded);
      marks.add(new Mark(q.key(), awarded, q.points()));
    }
    return new Result(score, max, pending, marks);
  }

  static BigDecimal auto(Spec q, Object answer) {
    if (answer == null) {
      return BigDecimal.ZERO;
    }
    if (q.type() == QuestionText.Type.MATCHING) {
      return matching(q, answer);
    }
    boolean right =
        switch (q.type()) {
          case SINGLE ->
              index(answer) >= 0
                  && index(answer) < q.options().size()
                  && q.options().get(index(answer)).correct();
          case MULTIPLE -> {
            Set<Integer> correct = new HashSet<>();
            for (int i = 0; i < q.options().size(); i++) {
              if (q.options().get(i).correct()) {
                correct.add(i);
              }
            }
            Set<Integer> chosen = new HashSet<>();
            if (answer instanceof List<?> l) {
              l.forEach(o -> chosen.add(index(o)));
            }
            yield chosen.equals(correct);
          }
          case TRUEFALSE ->
              q.answers().get(0).equals(String.valueOf(answer).strip().toLowerCase(Locale.ROOT));
          case NUMERIC -> {
            try {
              BigDecimal given = new BigDecimal(String.valueOf(answer).strip().replace(",", ""));
              yield given.subtract(q.number()).abs().compareTo(q.tolerance()) <= 0;
            } catch (NumberFormatException e) {
              yield false;
            }
          }
          case FILL -> q.answers().stream().anyMatch(a -> same(a, String.valueOf(answer)));
          default -> false;
        };
    return right ? q.points() : BigDecimal.ZERO;
  }

  /** Credit per pair matched, rounded down to a tenth: a guess never rounds up. */
  private static BigDecimal matching(Spec q, Object answer) {
    if (!(answer instanceof List<?> l)) {
      return BigDecimal.ZERO;
    }
    int hits = 0;
    for (int i = 0; i < q.pairs().size() && i < l.size(); i++) {
      if (same(q.pairs().get(i).right(), String.valueOf(l.get(i)))) {
        hits++;
      }
    }
    return hits == q.pairs().size()
        ? q.points()
        : q.points()
            .multiply(BigDecimal.valueOf(hits))
            .divide(BigDecimal.valueOf(q.pairs().size()), 1, RoundingMode.DOWN);
  }

  private static int index(Object o) {
    if (o instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(o).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Same answer: Unicode-normalised (full-width letters are the usual ones), case and spaces
   * ignored.
   */
  static boolean same(String expected, String given) {
    return norm(expected).equals(norm(given));
  }

  private static String norm(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }
}
