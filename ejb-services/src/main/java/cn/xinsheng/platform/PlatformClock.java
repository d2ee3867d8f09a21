package cn.xinsheng.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's one clock, produced for injection as {@link Clock} and {@link PrisonTime}. In
 * production it is the system clock. Two settings move it, and {@code bin/xinsheng start} refuses
 * both:
 *
 * <ul>
 *   <li>{@code xinsheng.cases.demo-clock} ({@code start-dev}): a demonstration may move the
 *       calendar forward by whole days, never back, so a case passes its waits (5 working days of
 *       posting, the court's 5 days) in minutes.
 *   <li>{@code xinsheng.test-clock} ({@code start-dev --test-clock=INSTANT}): the clock is pinned
 *       at that instant and stands still until a test moves it ({@link #pin}); tests never take a
 *       business date from the wall clock, so they pass at any hour.
 *   <li>{@code xinsheng.demo-history} ({@code start-dev}, first start of a demo prison only): the
 *       demo's past is written through the services while the clock replays past instants ({@link
 *       #replay}), forward only and never past the real clock, and then returns to the real clock
 *       for good ({@link #endReplay}); see ADR 0010.
 * </ul>
 *
 * Elapsed time (time-outs, waits) is measured with {@link System#nanoTime()}, never with this
 * clock: a pinned clock does not run.
 */
@ApplicationScoped
public class PlatformClock {

  private static final Logger LOG = Logger.getLogger(PlatformClock.class.getName());

  @Inject
  @ConfigProperty(name = "xinsheng.zone", defaultValue = "Asia/Shanghai")
  String zoneSetting;

  @Inject
  @ConfigProperty(name = "xinsheng.test-clock")
  Optional<String> testClock;

  @Inject
  @ConfigProperty(name = "xinsheng.cases.demo-clock", defaultValue = "false")
  boolean demoClock;

  @Inject
  @ConfigProperty(name = "xinsheng.demo-history", defaultValue = "false")
  boolean demoHistory;

  private ZoneId zone;
  private final Movable clock = new Movable();
  private boolean replayEnded;

  @PostConstruct
  void configure() {
    zone = ZoneId.of(zoneSetting.strip());
    Optional<Instant> pinned =
        testClock.map(String::strip).filter(s -> !s.isEmpty()).map(PlatformClock::parseInstant);
    if (pinned.isPresent()) {
      clock.pinnedAt = pinned.get();
      LOG.warning(
          "TEST CLOCK: the platform's clock is pinned at "
              + pinned.get()
              + " (xinsheng.test-clock); a production start refuses this setting");
    }
    if (demoHistory) {
      LOG.warning(
          "DEMO HISTORY: the clock may replay the demo prison's past once (xinsheng.demo-history)");
    }
    if (demoClock) {
      LOG.warning("DEMO CLOCK: the calendar may be moved forward (xinsheng.cases.demo-clock)");
    }
  }

  /** An instant as ISO-8601, with {@code Z} or an offset ({@code 2026-06-30T23:59:59+08:00}). */
  public static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException again) {
        throw new DateTimeException("not an instant with a zone offset: " + text, again);
      }
    }
  }

  @Produces
  public Clock clock() {
    return clock;
  }

  @Produces
  public PrisonTime prisonTime() {
    return new PrisonTime(clock, zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** True on a test platform whose clock is pinned ({@code xinsheng.test-clock}). */
  public boolean isPinned() {
    return clock.pinnedAt != null;
  }

  /** True in a demonstration, whose calendar may be moved forward. */
  public boolean isDemo() {
    return demoClock;
  }

  public long demoOffsetDays() {
    return clock.offset.toDays();
  }

  /** Moves a demonstration's calendar forward by whole days; refused outside a demonstration. */
  public synchronized void advanceDemo(int days) {
    if (!demoClock) {
      throw new IllegalStateException("not a demonstration");
    }
    if (days < 0) {
      throw new IllegalArgumentException("the demo clock moves forward only");
    }
    clock.offset = clock.offset.plusDays(days);
  }

  /**
   * Sets a test platform's time to this instant, forward or back; refused unless the platform was
   * started with a test clock. A demonstration's days already moved stay counted: the platform
   * reads exactly this instant afterwards, and later demo moves add to it.
   */
  public synchronized void pin(Instant instant) {
    if (clock.pinnedAt == null) {
      throw new IllegalStateException("the clock is not a test clock");
    }
    LOG.warning("TEST CLOCK: moved from " + clock.instant() + " to " + instant);
    clock.pinnedAt = instant.minus(clock.offset);
  }

  /** True while the demo's past is being written ({@link #replay}). */
  public boolean isReplaying() {
    return clock.replayAt != null;
  }

  /**
   * Sets the clock to an instant of the demo prison's past while its history is written through the
   * services (ADR 0010). Only on a platform started with {@code xinsheng.demo-history} (start-dev
   * on a demo prison without history; {@code start} refuses the setting), only until {@link
   * #endReplay}, only forward from the last replayed instant and never past the real clock: the
   * history is written in the order it happened and nothing is dated in the future.
   *
   * @return the clock's instant before the move
   */
  public synchronized Instant replay(Instant instant) {
    if (!demoHistory || replayEnded) {
      throw new IllegalStateException("not a demo prison's first start");
    }
    Instant real = clock.underlying();
    if (instant.isAfter(real)) {
      throw new IllegalArgumentException("the demo's past lies before the real clock");
    }
    Instant before = clock.instant();
    if (clock.replayAt != null && instant.isBefore(clock.replayAt)) {
      throw new IllegalArgumentException("the demo's past is replayed forward only");
    }
    LOG.warning("DEMO HISTORY: the clock replays " + instant);
    clock.replayAt = instant;
    return before;
  }

  /** Ends the replay for the life of this platform: the clock is the real (or test) clock again. */
  public synchronized Instant endReplay() {
    if (!demoHistory || replayEnded) {
      throw new IllegalStateException("not a demo prison's first start");
    }
    replayEnded = true;
    clock.replayAt = null;
    LOG.warning("DEMO HISTORY: the clock is back at " + clock.instant());
    return clock.instant();
  }

  /** The system clock, or the pinned instant, plus the demonstration's days. */
  static final class Movable extends Clock {
    private final Clock system = Clock.systemUTC();
    volatile Instant pinnedAt;
    volatile Duration offset = Duration.ZERO;

    /** While the demo's past is written: the instant replayed (ADR 0010). */
    volatile Instant replayAt;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      Movable self = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
          return self.withZone(other);
        }

        @Override
        public Instant instant() {
          return self.instant();
        }
      };
    }

    @Override
    public Instant instant() {
      Instant r = replayAt;
      return r != null ? r : underlying();
    }

    /** The clock without a replay: the system clock or the pinned instant, plus the demo's days. */
    Instant underlying() {
      Instant p = pinnedAt;
      return (p != null ? p : system.instant()).plus(offset);
    }
  }
}
