package cn.xinsheng.ledger.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the month's base rests on besides the entries (司规〔2021〕3号, DOMAIN §2, issue 16): a month
 * with 禁闭 has a base of 0; an inmate excused from labour (old, ill, disabled) has no labour part
 * and the base is split 50 / 50 over the other two; the month of admission counts from the day of
 * admission (a part month is pro-rated).
 *
 * @param activeDays days of the month the inmate was assessed, counting the admission day
 * @param monthDays days of the month
 */
public record MonthBasis(
    boolean confinement, boolean labourExcused, int activeDays, int monthDays) {

  /** A whole ordinary month. */
  public static final MonthBasis FULL = new MonthBasis(false, false, 1, 1);

  /** The split for an inmate excused from labour. */
  public static final PartSplit LABOUR_EXCUSED = new PartSplit(50, 50, 0);

  /** 禁闭 deducts this much (司规〔2021〕3号: 警告 100, 记过 200, 禁闭 400). */
  public static final Points CONFINEMENT_SANCTION = Points.of(-400);

  public MonthBasis {
    if (monthDays < 1 || activeDays < 0 || activeDays > monthDays) {
      throw new IllegalArgumentException("active days lie within the month");
    }
  }

  /**
   * The month's basis from its scored items (issue 16, DOMAIN §2): a 禁闭 this month (not reversed)
   * makes the base 0; the month of admission counts from the admission day; a month before
   * admission has no active day. Excusal from labour: see the overload.
   */
  public static MonthBasis of(List<ScoredItem> items, LocalDate admission, YearMonth month) {
    return of(items, admission, month, false);
  }

  /**
   * The same, with the inmate's approved excusal from labour: his base splits 50/50 over discipline
   * and education (司规〔2021〕3号, DOMAIN §2).
   */
  public static MonthBasis of(
      List<ScoredItem> items, LocalDate admission, YearMonth month, boolean labourExcused) {
    boolean confinement =
        items.stream()
            .anyMatch(
                i ->
                    !i.reversal()
                        && i.part() == AssessmentPart.SANCTION
                        && i.amount().equals(CONFINEMENT_SANCTION));
    int days = month.lengthOfMonth();
    int active = days;
    if (admission != null && YearMonth.from(admission).equals(month)) {
      active = days - admission.getDayOfMonth() + 1;
    } else if (admission != null && YearMonth.from(admission).isAfter(month)) {
      active = 0;
    }
    return new MonthBasis(confinement, labourExcused, active, days);
  }

  /** A part's base this month. */
  public Points base(PartSplit split, AssessmentPart part) {
    if (confinement) {
      return Points.ZERO;
    }
    Points whole = (labourExcused ? LABOUR_EXCUSED : split).base(part);
    // pro-rated in tenths, rounded down: a part month never earns more than its days
    return new Points(Math.floorDiv(whole.tenths() * activeDays, monthDays));
  }
}
