package cn.xinsheng.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

/**
 * The instants at which a prison's day and month are easiest to get wrong (issue 12): a second
 * before and after midnight in Shanghai on the last day of a month, the same in UTC (which is 08:00
 * in the prison: the next day already), 29 February, New Year's Eve. Each with the prison's day it
 * falls on.
 */
public record AwkwardInstants(String name, Instant instant, LocalDate prisonDay) {

  public YearMonth prisonMonth() {
    return YearMonth.from(prisonDay);
  }

  /** Noon of the same prison day: a story must end the same at this hour and at the awkward one. */
  public Instant noonSameDay() {
    return prisonDay.atTime(LocalTime.NOON).atZone(PrisonTime.DEFAULT_ZONE).toInstant();
  }

  public static List<AwkwardInstants> all() {
    return List.of(
        of("last second of June, Shanghai", "2026-06-30T23:59:59+08:00", "2026-06-30"),
        of("first second of July, Shanghai", "2026-07-01T00:00:01+08:00", "2026-07-01"),
        of("last second of June, UTC", "2026-06-30T23:59:59Z", "2026-07-01"),
        of("first second of July, UTC", "2026-07-01T00:00:01Z", "2026-07-01"),
        of("last second of 29 February, Shanghai", "2028-02-29T23:59:59+08:00", "2028-02-29"),
        of("first second of 29 February, Shanghai", "2028-02-29T00:00:01+08:00", "2028-02-29"),
        of("last second of 28 February in a leap year, UTC", "2028-02-28T23:59:59Z", "2028-02-29"),
        of("last second of 29 February, UTC", "2028-02-29T23:59:59Z", "2028-03-01"),
        of("New Year's Eve, last second, Shanghai", "2026-12-31T23:59:59+08:00", "2026-12-31"),
        of("New Year's Day, first second, Shanghai", "2027-01-01T00:00:01+08:00", "2027-01-01"),
        of("New Year's Eve, last second, UTC", "2026-12-31T23:59:59Z", "2027-01-01"),
        of("New Year's Eve, 16:00 UTC = midnight Shanghai", "2026-12-31T16:00:00Z", "2027-01-01"),
        of("New Year's Eve, 15:59:59 UTC", "2026-12-31T15:59:59Z", "2026-12-31"));
  }

  private static AwkwardInstants of(String name, String instant, String day) {
    return new AwkwardInstants(name, PlatformClock.parseInstant(instant), LocalDate.parse(day));
  }

  @Override
  public String toString() {
    return name + " (" + instant + ")";
  }
}
