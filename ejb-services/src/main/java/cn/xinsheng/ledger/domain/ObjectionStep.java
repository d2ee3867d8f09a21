package cn.xinsheng.ledger.domain;

/**
 * The closed loop an objection or a finding runs (Qingpu): 发现 → 派单 → 核查 → 处置 → 结案 → 反馈. Each step
 * has an owner and a deadline in working days from the step before.
 */
public enum ObjectionStep {
  /** 发现: raised by the inmate, a prosecutor or a supervisor. */
  FIND(0),
  /** 派单: assigned to an officer to look into. */
  DISPATCH(1),
  /** 核查: the facts checked against the entry and its evidence. */
  VERIFY(3),
  /** 处置: handled; upheld objections lead to a correction, linked here. */
  HANDLE(3),
  /** 结案: closed by a reviewer. */
  CLOSE(2),
  /** 反馈: the outcome told to whoever raised it. */
  FEEDBACK(1);

  private final int workingDays;

  ObjectionStep(int workingDays) {
    this.workingDays = workingDays;
  }

  /** Working days this step may take after the one before. */
  public int workingDays() {
    return workingDays;
  }

  /** The step after this one, or null after FEEDBACK. */
  public ObjectionStep next() {
    int i = ordinal() + 1;
    return i < values().length ? values()[i] : null;
  }
}
