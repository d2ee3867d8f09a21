package cn.xinsheng.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of assessment points, in tenths: a part's bonus cap is half its base, and 35 × 50% is
 * 17.5. Whole tenths only, so sums and caps are exact and the same everywhere.
 */
public record Points(long tenths) implements Comparable<Points> {

  public static final Points ZERO = new Points(0);

  public static Points of(long whole) {
    return new Points(whole * 10);
  }

  /** "17.5", "-100", "3": at most one decimal. */
  public static Points parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no amount");
    }
    try {
      BigDecimal value = new BigDecimal(text.strip());
      BigDecimal tenths = value.movePointRight(1);
      if (tenths.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException("at most one decimal: " + text);
      }
      return new Points(tenths.longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not an amount: " + text, e);
    }
  }

  public Points plus(Points other) {
    return new Points(Math.addExact(tenths, other.tenths));
  }

  public Points minus(Points other) {
    return new Points(Math.subtractExact(tenths, other.tenths));
  }

  public Points negate() {
    return new Points(-tenths);
  }

  /** This share of the amount, in percent, rounded down to a tenth. */
  public Points percent(int percent) {
    return new Points(Math.floorDiv(tenths * percent, 100));
  }

  public static Points min(Points a, Points b) {
    return a.tenths <= b.tenths ? a : b;
  }

  public static Points max(Points a, Points b) {
    return a.tenths >= b.tenths ? a : b;
  }

  public boolean isPositive() {
    return tenths > 0;
  }

  public boolean isNegative() {
    return tenths < 0;
  }

  public boolean isZero() {
    return tenths == 0;
  }

  @Override
  public int compareTo(Points o) {
    return Long.compare(tenths, o.tenths);
  }

  @Override
  public String toString() {
    return BigDecimal.valueOf(tenths, 1)
        .setScale(1, RoundingMode.UNNECESSARY)
        .stripTrailingZeros()
        .toPlainString();
  }
}
