package cn.xinsheng.ledger.domain;

/**
 * One of the three base parts in one month: its base, bonus (counted up to the cap), deductions.
 */
public record PartScore(
    AssessmentPart part, Points base, Points bonus, Points bonusCounted, Points deductions) {

  public Points score() {
    return base.plus(bonusCounted).plus(deductions);
  }

  public Points discarded() {
    return bonus.minus(bonusCounted);
  }
}
