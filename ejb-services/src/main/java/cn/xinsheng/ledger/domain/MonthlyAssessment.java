package cn.xinsheng.ledger.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The month's score of one inmate from his approved entries (司规〔2021〕3号): each base part gets its
 * share of the monthly 100, plus its bonus up to half its base, minus its deductions; a surplus in
 * one part is dropped, never moved to cover another part. Special bonus counts up to the per-event
 * cap and what is left of the yearly cap; sanctions deduct their fixed amounts; a balance may go
 * negative and is kept.
 */
public final class MonthlyAssessment {

  private MonthlyAssessment() {}

  /**
   * @param specialCountedEarlierThisYear special bonus already counted in earlier months of the
   *     year
   */
  public static MonthScore compute(
      List<ScoredItem> items, AssessmentRules rules, Points specialCountedEarlierThisYear) {
    return compute(items, rules, specialCountedEarlierThisYear, MonthBasis.FULL);
  }

  /**
   * The same with the month's basis: 禁闭, excused from labour, admission during the month (issue
   * 16). The bonus cap is half of the base as it is this month.
   */
  public static MonthScore compute(
      List<ScoredItem> items,
      AssessmentRules rules,
      Points specialCountedEarlierThisYear,
      MonthBasis basis) {
    Map<AssessmentPart, Points> bonus = new EnumMap<>(AssessmentPart.class);
    Map<AssessmentPart, Points> deductions = new EnumMap<>(AssessmentPart.class);
    Points special = Points.ZERO;
    Points sanctions = Points.ZERO;
    Points corrections = Points.ZERO;
    for (ScoredItem item : items) {
      Points amount = item.amount();
      if (item.reversal()) {
        corrections = corrections.plus(amount);
        continue;
      }
      switch (item.part()) {
        case SPECIAL -> special = special.plus(Points.min(amount, rules.specialPerEvent()));
        case SANCTION -> sanctions = sanctions.plus(amount);
        default -> {
          if (amount.isPositive()) {
            bonus.merge(item.part(), amount, Points::plus);
          } else {
            deductions.merge(item.part(), amount, Points::plus);
          }
        }
      }
    }
    Map<AssessmentPart, PartScore> parts = new EnumMap<>(AssessmentPart.class);
    for (AssessmentPart part : AssessmentPart.values()) {
      if (!part.isBasePart()) {
        continue;
      }
      Points b = bonus.getOrDefault(part, Points.ZERO);
      Points base = basis.base(rules.split(), part);
      parts.put(
          part,
          new PartScore(
              part,
              base,
              b,
              Points.min(b, base.percent(rules.bonusCapPercent())),
              deductions.getOrDefault(part, Points.ZERO)));
    }
    Points yearLeft =
        Points.max(Points.ZERO, rules.specialPerYear().minus(specialCountedEarlierThisYear));
    Points specialCounted = special.isPositive() ? Points.min(special, yearLeft) : special;
    return new MonthScore(parts, special, specialCounted, sanctions, corrections, items.size());
  }
}
