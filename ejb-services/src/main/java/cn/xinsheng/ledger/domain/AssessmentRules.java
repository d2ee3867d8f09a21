package cn.xinsheng.ledger.domain;

/**
 * The caps of the regulation, with its figures as defaults: a part's bonus at most half its base; a
 * special bonus at most 100 an event and 300 a year; 600 points make a cycle.
 */
public record AssessmentRules(
    PartSplit split,
    int bonusCapPercent,
    Points specialPerEvent,
    Points specialPerYear,
    Points cyclePoints) {

  public static final AssessmentRules DEFAULT =
      new AssessmentRules(PartSplit.DEFAULT, 50, Points.of(100), Points.of(300), Points.of(600));

  public AssessmentRules {
    if (bonusCapPercent < 0 || bonusCapPercent > 100) {
      throw new IllegalArgumentException("the bonus cap is a percentage");
    }
    if (!cyclePoints.isPositive() || !specialPerEvent.isPositive() || specialPerYear.isNegative()) {
      throw new IllegalArgumentException("caps and the cycle are positive");
    }
  }

  public Points bonusCap(AssessmentPart part) {
    return split.base(part).percent(bonusCapPercent);
  }
}
