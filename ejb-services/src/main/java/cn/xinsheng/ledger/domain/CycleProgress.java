package cn.xinsheng.ledger.domain;

/**
 * Points carried toward the next assessment cycle: every full 600 closes one (the carry may go
 * negative, and is kept, when deductions outweigh a month).
 */
public record CycleProgress(Points carry, int cyclesClosed) {

  public static CycleProgress advance(Points carry, Points monthTotal, Points cyclePoints) {
    Points c = carry.plus(monthTotal);
    int closed = 0;
    while (c.compareTo(cyclePoints) >= 0) {
      c = c.minus(cyclePoints);
      closed++;
    }
    return new CycleProgress(c, closed);
  }
}
