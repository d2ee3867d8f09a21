package cn.xinsheng.music.domain.exam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One candidate's panel and marks. Two examiners mark on their own; neither sees the other's marks
 * until both are in (independent marking). When they differ on an item by more than the board's
 * threshold, a third examiner is needed; with three, each item's mark is the median, so one outlier
 * cannot decide the result. With two, it is their mean.
 *
 * @param panel examiners by seat, seat 1 and 2 first, a third only when needed
 * @param marks each examiner's marks, all five items at once
 */
public record MarkSheet(List<String> panel, Map<String, Map<RubricItem, Integer>> marks) {

  public MarkSheet {
    panel = List.copyOf(panel);
    Map<String, Map<RubricItem, Integer>> copy = new LinkedHashMap<>();
    marks.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    marks = copy;
  }

  /** The first two seats: the panel every candidate has. */
  public static final int PANEL = 2;

  /** May this examiner take the next seat? Refusals name the rule broken. */
  public void checkSeat(String examiner, List<Recusal.Reason> reasons, ExamRules rules) {
    if (panel.contains(examiner)) {
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.alreadyOnPanel");
    }
    if (!reasons.isEmpty()) {
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.recused");
    }
    if (panel.size() >= PANEL && !thirdNeeded(rules)) {
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.panelFull");
    }
    if (panel.size() > PANEL) {
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.panelFull");
    }
  }

  /** May this examiner record these marks now? */
  public void checkMarks(
      String examiner,
      boolean performanceRecorded,
      Map<RubricItem, Integer> given,
      ExamRules rules) {
    if (!panel.contains(examiner)) {
      throw new ExamRefusal(ExamRefusal.Kind.FORBIDDEN, "music.exam.error.notOnPanel");
    }
    if (!performanceRecorded) {
      // evidence first: nothing is graded that a court could not listen to again
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.noPerformance");
    }
    if (marks.containsKey(examiner)) {
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.alreadyMarked");
    }
    if (given.size() != RubricItem.values().length) {
      throw new ExamRefusal(ExamRefusal.Kind.INVALID, "music.exam.error.allItems");
    }
    for (Integer v : given.values()) {
      if (v == null || v < 0 || v > rules.itemMax()) {
        throw new ExamRefusal(ExamRefusal.Kind.INVALID, "music.exam.error.markRange");
      }
    }
  }

  private boolean marked(int seat) {
    return panel.size() > seat && marks.containsKey(panel.get(seat));
  }

  /** Both panel examiners have marked. */
  public boolean panelMarked() {
    return marked(0) && marked(1);
  }

  /** The two panel examiners differ on some item by more than the board allows. */
  public boolean thirdNeeded(ExamRules rules) {
    if (!panelMarked()) {
      return false;
    }
    Map<RubricItem, Integer> a = marks.get(panel.get(0));
    Map<RubricItem, Integer> b = marks.get(panel.get(1));
    for (RubricItem i : RubricItem.values()) {
      if (Math.abs(a.get(i) - b.get(i)) > rules.thirdExaminerDifference()) {
        return true;
      }
    }
    return false;
  }

  /** Every mark the result needs is in. */
  public boolean complete(ExamRules rules) {
    return panelMarked() && (!thirdNeeded(rules) || marked(2));
  }

  /**
   * Whose marks a reader may see: an examiner his own, and the others' only once both panel
   * examiners have marked and he has marked himself; the board everything once both are in.
   */
  public Map<String, Map<RubricItem, Integer>> visibleTo(String reader, boolean board) {
    Map<String, Map<RubricItem, Integer>> out = new LinkedHashMap<>();
    boolean own = marks.containsKey(reader);
    for (String e : panel) {
      if (!marks.containsKey(e)) {
        continue;
      }
      if (e.equals(reader) || (panelMarked() && (own || board))) {
        out.put(e, marks.get(e));
      }
    }
    return out;
  }

  /** The marks per item that decide the result: the mean of two, or the median of three. */
  public Optional<Map<RubricItem, Double>> itemScores(ExamRules rules) {
    if (!complete(rules)) {
      return Optional.empty();
    }
    List<String> counted = new ArrayList<>(panel.subList(0, thirdNeeded(rules) ? 3 : 2));
    Map<RubricItem, Double> out = new EnumMap<>(RubricItem.class);
    for (RubricItem i : RubricItem.values()) {
      double[] v = counted.stream().mapToDouble(e -> marks.get(e).get(i)).toArray();
      Arrays.sort(v);
      out.put(i, v.length == 3 ? v[1] : (v[0] + v[1]) / 2.0);
    }
    return Optional.of(out);
  }

  /** The total the grade follows, once complete. */
  public Optional<Double> total(ExamRules rules) {
    return itemScores(rules).map(m -> m.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  public Optional<ExamGrade> grade(ExamRules rules) {
    return total(rules).map(rules::grade);
  }
}
