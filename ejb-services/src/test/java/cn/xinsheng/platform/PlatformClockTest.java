package cn.xinsheng.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one clock: real, moved forward by a demonstration, or pinned by a test. */
class PlatformClockTest {

  private static PlatformClock clock(String testClock, boolean demo) {
    PlatformClock c = new PlatformClock();
    c.zoneSetting = "Asia/Shanghai";
    c.testClock = Optional.ofNullable(testClock);
    c.demoClock = demo;
    c.configure();
    return c;
  }

  @Test
  void withoutSettingsItIsTheSystemClockAndCannotBeMoved() {
    PlatformClock c = clock(null, false);
    Instant before = Clock.systemUTC().instant();
    Instant read = c.clock().instant();
    assertFalse(read.isBefore(before));
    assertTrue(Duration.between(before, read).toSeconds() < 5);
    assertFalse(c.isPinned());
    assertThrows(IllegalStateException.class, () -> c.pin(Instant.EPOCH));
    assertThrows(IllegalStateException.class, () -> c.advanceDemo(1));
  }

  @Test
  void aTestClockStandsStillWhereItIsPinnedAndMovesBothWays() throws Exception {
    PlatformClock c = clock("2026-06-30T23:59:59+08:00", false);
    Instant pinned = Instant.parse("2026-06-30T15:59:59Z");
    assertTrue(c.isPinned());
    assertEquals(pinned, c.clock().instant());
    Thread.sleep(20);
    assertEquals(pinned, c.clock().instant(), "a pinned clock does not run");
    assertEquals("2026-06-30", c.prisonTime().today().toString());
    c.pin(Instant.parse("2026-07-01T00:00:01Z"));
    assertEquals("2026-07-01T08:00:01", c.prisonTime().localNow().toString());
    c.pin(Instant.parse("2024-02-29T12:00:00Z"));
    assertEquals("2024-02", c.prisonTime().thisMonth().toString(), "back in time as well");
  }

  @Test
  void theDemoClockMovesForwardOnlyAndAPinKeepsItsDays() {
    PlatformClock c = clock("2026-12-31T10:00:00+08:00", true);
    c.advanceDemo(12);
    assertEquals(12, c.demoOffsetDays());
    assertEquals("2027-01-12", c.prisonTime().today().toString());
    assertThrows(IllegalArgumentException.class, () -> c.advanceDemo(-1));
    Instant at = Instant.parse("2027-03-01T02:00:00Z");
    c.pin(at);
    assertEquals(at, c.clock().instant(), "the platform reads exactly the pinned instant");
    c.advanceDemo(1);
    assertEquals(at.plus(Duration.ofDays(1)), c.clock().instant());
  }

  @Test
  void aZonedViewOfTheClockReadsTheSameMoment() {
    PlatformClock c = clock("2026-06-10T10:00:00+08:00", false);
    Clock zoned = c.prisonTime().clock();
    assertEquals(c.clock().instant(), zoned.instant());
    assertEquals("Asia/Shanghai", zoned.getZone().getId());
  }

  @Test
  void theDemoHistoryReplaysThePastForwardOnlyUpToTheRealClockAndThenNeverAgain() {
    PlatformClock c = clock("2026-06-10T10:00:00+08:00", true);
    Instant real = c.clock().instant();
    assertThrows(
        IllegalStateException.class,
        () -> c.replay(Instant.parse("2025-06-01T02:00:00Z")),
        "only a platform started to write the demo's history replays");

    c.demoHistory = true;
    Instant june = Instant.parse("2025-06-25T02:00:00Z");
    assertEquals(real, c.replay(june), "the replay tells the time it left");
    assertTrue(c.isReplaying());
    assertEquals("2025-06-25", c.prisonTime().today().toString());
    c.replay(june);
    assertThrows(
        IllegalArgumentException.class,
        () -> c.replay(june.minusSeconds(1)),
        "the past is written in the order it happened");
    assertThrows(
        IllegalArgumentException.class,
        () -> c.replay(real.plusSeconds(1)),
        "nothing of the demo's past lies after the real clock");
    c.replay(real);

    assertEquals(real, c.endReplay());
    assertFalse(c.isReplaying());
    assertEquals(real, c.clock().instant(), "the test clock stands where it was pinned");
    assertThrows(IllegalStateException.class, () -> c.replay(june), "once, for good");
    assertThrows(IllegalStateException.class, c::endReplay);
  }
}
