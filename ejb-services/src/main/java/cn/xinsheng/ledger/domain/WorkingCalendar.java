package cn.xinsheng.ledger.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working days: Monday to Friday, except the public holidays entered, plus the weekends worked in
 * exchange (调休). Objection windows and deadlines count in working days.
 */
public final class WorkingCalendar {

  /** Day -> working (true) or not (false), overriding the weekday rule. */
  private final Map<LocalDate, Boolean> overrides;

  public WorkingCalendar(Map<LocalDate, Boolean> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean o = overrides.get(day);
    if (o != null) {
      return o;
    }
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /** The n-th working day after {@code from} (n ≥ 1); {@code from} itself does not count. */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one working day");
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
