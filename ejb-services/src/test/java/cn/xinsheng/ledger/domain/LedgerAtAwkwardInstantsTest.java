package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.platform.AwkwardInstants;
import cn.xinsheng.platform.PrisonTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger's story at the awkward instants (issue 12): an entry recorded at that instant, the
 * month it is booked in, the month's close, its publication and objection window, the objection
 * loop's due dates, the lock after the window and the correction's month. Each story is told again
 * at noon of the same prison day and must end the same: nothing depends on the hour.
 */
class LedgerAtAwkwardInstantsTest {

  /** National Day week 2026 and the Spring Festival 2028 as holidays; weekends as usual. */
  private static final WorkingCalendar CALENDAR =
      new WorkingCalendar(
          Map.of(
              LocalDate.of(2026, 10, 1), false,
              LocalDate.of(2027, 1, 1), false,
              LocalDate.of(2028, 2, 29), true));

  private static final int WINDOW = 3;

  static Iterable<AwkwardInstants> awkward() {
    return AwkwardInstants.all();
  }

  /** What the story decided, to compare between hours. */
  record Outcome(
      YearMonth entryMonth,
      boolean thisMonthMayBeComputed,
      boolean nextMonthRefused,
      LocalDate windowEnds,
      LocalDate dispatchDue,
      YearMonth correctionMonth) {}

  private static LedgerCalendar at(Instant instant) {
    return new LedgerCalendar(PrisonTime.fixedAt(instant), CALENDAR);
  }

  private static Instant prison(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(PrisonTime.DEFAULT_ZONE).toInstant();
  }

  private static Outcome story(Instant now) {
    LedgerCalendar dates = at(now);
    // an officer records what happened just now
    assertFalse(dates.isInTheFuture(now), "an entry of this very second is not in the future");
    assertFalse(dates.isInTheFuture(now.plus(LedgerCalendar.CLOCK_TOLERANCE)));
    assertTrue(dates.isInTheFuture(now.plus(LedgerCalendar.CLOCK_TOLERANCE).plusSeconds(1)));
    YearMonth month = dates.monthOf(now);
    LocalDate windowEnds = dates.objectionWindowEnds(WINDOW);
    // the month before this one is locked: a correction goes to this one
    YearMonth correction = dates.firstOpenMonth(Set.of(month.minusMonths(1))::contains);
    return new Outcome(
        month,
        !dates.isFutureMonth(month),
        dates.isFutureMonth(month.plusMonths(1)),
        windowEnds,
        dates.dueFromToday(1),
        correction);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void theLedgerStoryEndsTheSameAtThatSecondAsAtNoon(AwkwardInstants a) {
    Outcome awkward = story(a.instant());
    assertEquals(a.prisonMonth(), awkward.entryMonth(), "the entry's month is the prison's");
    assertTrue(awkward.thisMonthMayBeComputed());
    assertTrue(awkward.nextMonthRefused(), "a month not yet begun in the prison is refused");
    assertEquals(a.prisonMonth(), awkward.correctionMonth());
    assertEquals(CALENDAR.addWorkingDays(a.prisonDay(), WINDOW), awkward.windowEnds());
    assertEquals(story(a.noonSameDay()), awkward, "the same story at noon of the same day");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void theObjectionWindowIsOpenToTheLastSecondOfItsLastPrisonDay(AwkwardInstants a) {
    LocalDate ends = at(a.instant()).objectionWindowEnds(WINDOW);
    LedgerCalendar lastSecond = at(prison(ends, "23:59:59"));
    LedgerCalendar firstSecondAfter = at(prison(ends.plusDays(1), "00:00:01"));
    assertTrue(lastSecond.isWindowOpen(ends), "an objection at 23:59:59 of the last day");
    assertFalse(firstSecondAfter.isWindowOpen(ends), "refused at 00:00:01 the day after");
    // in UTC the last prison day ends at 15:59:59
    assertTrue(
        at(prison(ends, "00:00:00").plus(Duration.ofHours(24)).minusSeconds(1)).isWindowOpen(ends));
    assertFalse(at(prison(ends, "00:00:00").plus(Duration.ofHours(24))).isWindowOpen(ends));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void anObjectionStepIsDueByThePrisonDayOfTheStepBefore(AwkwardInstants a) {
    // the step before was done at the awkward instant; the next is due a working day later
    LocalDate due = at(a.instant()).due(a.instant(), 1);
    assertEquals(CALENDAR.addWorkingDays(a.prisonDay(), 1), due);
    assertEquals(due, at(a.noonSameDay()).due(a.noonSameDay(), 1));
    assertFalse(at(prison(due, "23:59:59")).isLate(due));
    assertTrue(at(prison(due.plusDays(1), "00:00:01")).isLate(due));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void anEntryTypedInPrisonTimeOneSecondBeforeMidnightStaysInItsDay(AwkwardInstants a) {
    // a night-shift entry typed as 23:59 of the last day belongs to that day's month, whenever
    // it is recorded afterwards
    LocalDate day = a.prisonDay();
    Instant lateNight = prison(day, "23:59:00");
    LedgerCalendar dates = at(a.instant().plus(Duration.ofDays(2)));
    assertEquals(YearMonth.from(day), dates.monthOf(lateNight));
    assertEquals(
        YearMonth.from(day.plusDays(1)), dates.monthOf(prison(day.plusDays(1), "00:00:00")));
  }
}
