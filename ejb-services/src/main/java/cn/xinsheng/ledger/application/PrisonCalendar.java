package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.WorkingCalendar;
import java.time.LocalDate;

/**
 * The prison's working-day calendar, kept by the ledger (its deadlines count working days) and read
 * by the cases for theirs (the posting's five working days). The one way to read or change the
 * {@code calendar_day} table. Answers in the caller's transaction; the calling service checks the
 * caller's role and writes the audit entry.
 */
public interface PrisonCalendar {

  /** The calendar with every holiday and exchanged working day as it stands. */
  WorkingCalendar calendar();

  /** Records a public holiday ({@code working} false) or a weekend worked in exchange (true). */
  void markDay(LocalDate day, boolean working, String name);

  /**
   * Working days from {@code from} (not counted) to {@code to} (counted): how many working days a
   * person still has until a deadline; 0 on the day itself, negative once it has passed (issue 18).
   */
  default long workingDaysUntil(LocalDate from, LocalDate to) {
    WorkingCalendar days = calendar();
    long n = 0;
    if (!to.isBefore(from)) {
      for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
        if (days.isWorkingDay(d)) {
          n++;
        }
      }
      return n;
    }
    for (LocalDate d = to.plusDays(1); !d.isAfter(from); d = d.plusDays(1)) {
      if (days.isWorkingDay(d)) {
        n--;
      }
    }
    return n;
  }
}
