package cn.xinsheng.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The prison's day and month of a moment: its zone's, never the server's or the caller's. */
class PrisonTimeTest {

  static Iterable<AwkwardInstants> awkward() {
    return AwkwardInstants.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void theDayAndMonthAreThePrisonsWhateverTheServersZone(AwkwardInstants a) {
    TimeZone host = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "America/Los_Angeles", "Pacific/Kiritimati"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        PrisonTime time = new PrisonTime(Clock.fixed(a.instant(), ZoneId.of(zone)), zone());
        assertEquals(a.prisonDay(), time.today(), zone);
        assertEquals(a.prisonMonth(), time.thisMonth(), zone);
        assertEquals(a.prisonDay(), time.dayOf(a.instant()), zone);
      }
    } finally {
      TimeZone.setDefault(host);
    }
  }

  @Test
  void aTypedPrisonTimeIsTheMomentInTheZoneAndShownBackTheSame() {
    PrisonTime time = PrisonTime.fixedAt(Instant.parse("2026-06-30T15:59:59Z"));
    Instant typed = time.at(LocalDateTime.parse("2026-06-30T23:59"));
    assertEquals(Instant.parse("2026-06-30T15:59:00Z"), typed);
    assertEquals("2026-06-30 23:59", time.format(typed));
    assertEquals(Instant.parse("2026-06-30T16:00:00Z"), time.startOf(time.today().plusDays(1)));
    assertEquals("2026-06-30T23:59:59", time.localNow().toString());
  }

  @Test
  void anotherPrisonZoneIsASetting() {
    PrisonTime urumqi =
        new PrisonTime(
            Clock.fixed(Instant.parse("2026-06-30T17:30:00Z"), zone()), ZoneId.of("Asia/Urumqi"));
    assertEquals("2026-06-30", urumqi.today().toString());
    assertEquals(
        "2026-07-01", PrisonTime.fixedAt(Instant.parse("2026-06-30T17:30:00Z")).today().toString());
  }

  @Test
  void instantsNeedAnOffset() {
    assertEquals(
        Instant.parse("2026-06-30T15:59:59Z"),
        PlatformClock.parseInstant("2026-06-30T23:59:59+08:00"));
    assertEquals(
        Instant.parse("2026-06-30T23:59:59Z"), PlatformClock.parseInstant("2026-06-30T23:59:59Z"));
    assertThrows(DateTimeException.class, () -> PlatformClock.parseInstant("2026-06-30T23:59:59"));
    assertThrows(DateTimeException.class, () -> PlatformClock.parseInstant("tomorrow"));
  }

  private static ZoneId zone() {
    return PrisonTime.DEFAULT_ZONE;
  }
}
