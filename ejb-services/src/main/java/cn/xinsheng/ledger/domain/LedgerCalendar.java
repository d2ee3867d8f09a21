package cn.xinsheng.ledger.domain;

import cn.xinsheng.platform.PrisonTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * The ledger's dates, all on the prison's calendar (司规〔2021〕3号: entries are assessed by the month,
 * a published month is open to objections for a fixed number of working days): the month an entry
 * belongs to is the prison's month of the moment it occurred, whatever hour or zone it was typed
 * in; a window ends on a prison working day and stays open to its last second there.
 */
public final class LedgerCalendar {

  /** How far ahead of the clock an entry may be dated: terminals' clocks drift a little. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private final PrisonTime time;
  private final WorkingCalendar working;

  public LedgerCalendar(PrisonTime time, WorkingCalendar working) {
    this.time = time;
    this.working = working;
  }

  public Instant now() {
    return time.now();
  }

  public LocalDate today() {
    return time.today();
  }

  /** The month an entry that occurred at this moment is booked in. */
  public YearMonth monthOf(Instant occurredAt) {
    return time.monthOf(occurredAt);
  }

  /** An entry may not be dated after now (beyond the tolerance). */
  public boolean isInTheFuture(Instant occurredAt) {
    return occurredAt.isAfter(time.now().plus(CLOCK_TOLERANCE));
  }

  /** A month that has not begun in the prison cannot be computed. */
  public boolean isFutureMonth(YearMonth month) {
    return month.isAfter(time.thisMonth());
  }

  /** A correction is booked in the first month, from this one, that is still open for entries. */
  public YearMonth firstOpenMonth(Predicate<YearMonth> closedForEntries) {
    YearMonth month = time.thisMonth();
    while (closedForEntries.test(month)) {
      month = month.plusMonths(1);
    }
    return month;
  }

  /** The last day of the objection window of a month published today. */
  public LocalDate objectionWindowEnds(int workingDays) {
    return working.addWorkingDays(time.today(), workingDays);
  }

  /** An objection may be raised up to the end of the window's last day, in the prison. */
  public boolean isWindowOpen(LocalDate windowEnds) {
    return !time.today().isAfter(windowEnds);
  }

  /**
   * The day a step of the objection loop is due, counted from the day the step before it was done.
   */
  public LocalDate due(Instant previousStepDone, int workingDays) {
    return working.addWorkingDays(time.dayOf(previousStepDone), workingDays);
  }

  /** Due from today. */
  public LocalDate dueFromToday(int workingDays) {
    return working.addWorkingDays(time.today(), workingDays);
  }

  public boolean isLate(LocalDate due) {
    return time.today().isAfter(due);
  }
}
