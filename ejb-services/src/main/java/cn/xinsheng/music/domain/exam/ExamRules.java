package cn.xinsheng.music.domain.exam;

/**
 * The exam board's settings, as numbers: each rubric item is marked 0..{@code itemMax}; a
 * difference between the two panel examiners above {@code thirdExaminerDifference} on any item
 * brings in a third; the total (sum of the items) decides the grade by the three lower bounds.
 *
 * @param itemMax the highest mark for one rubric item
 * @param thirdExaminerDifference the largest per-item difference two examiners may have without a
 *     third examiner
 * @param excellentFrom lowest total for 优秀
 * @param goodFrom lowest total for 良好
 * @param passFrom lowest total for 合格; below it 不合格
 */
public record ExamRules(
    int itemMax, int thirdExaminerDifference, int excellentFrom, int goodFrom, int passFrom) {

  public static final ExamRules STANDARD = new ExamRules(20, 4, 90, 80, 60);

  public ExamRules {
    int total = itemMax * RubricItem.values().length;
    if (itemMax < 1
        || thirdExaminerDifference < 0
        || !(0 < passFrom && passFrom <= goodFrom && goodFrom <= excellentFrom)
        || excellentFrom > total) {
      throw new IllegalArgumentException(
          "exam rules: 0 < pass <= good <= excellent <= " + total + ", item max >= 1");
    }
  }

  public int totalMax() {
    return itemMax * RubricItem.values().length;
  }

  /** The grade a total earns. */
  public ExamGrade grade(double total) {
    if (total >= excellentFrom) {
      return ExamGrade.EXCELLENT;
    }
    if (total >= goodFrom) {
      return ExamGrade.GOOD;
    }
    if (total >= passFrom) {
      return ExamGrade.PASS;
    }
    return ExamGrade.FAIL;
  }
}
