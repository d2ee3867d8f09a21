package cn.xinsheng.ledger.domain;

import java.util.Map;

/** One inmate's month, part by part, as the month close computes it. */
public record MonthScore(
    Map<AssessmentPart, PartScore> parts,
    Points special,
    Points specialCounted,
    Points sanctions,
    Points corrections,
    int entries) {

  public Points part(AssessmentPart part) {
    return parts.get(part).score();
  }

  /** Bonus over a part's cap and special bonus over the yearly cap: not counted, never moved. */
  public Points discarded() {
    Points d = special.isPositive() ? special.minus(specialCounted) : Points.ZERO;
    for (PartScore p : parts.values()) {
      d = d.plus(p.discarded());
    }
    return d;
  }

  public Points total() {
    Points t = specialCounted.plus(sanctions).plus(corrections);
    for (PartScore p : parts.values()) {
      t = t.plus(p.score());
    }
    return t;
  }
}
