package cn.xinsheng.ledger.domain;

/**
 * The parts of the monthly assessment (司规〔2021〕3号): the three parts the monthly base of 100 is
 * split into, the special bonus for merit and the fixed deductions of administrative sanctions.
 */
public enum AssessmentPart {
  /** 监管改造: discipline and custody. */
  SUPERVISION,
  /** 教育和文化改造: education and culture. */
  EDUCATION,
  /** 劳动改造: labour. */
  LABOUR,
  /** 专项加分: merit, inventions, rescue; capped per event and per year. */
  SPECIAL,
  /** 处分: 警告, 记过, 禁闭, fixed deductions. */
  SANCTION;

  /** Whether the monthly base is split into this part. */
  public boolean isBasePart() {
    return this == SUPERVISION || this == EDUCATION || this == LABOUR;
  }
}
