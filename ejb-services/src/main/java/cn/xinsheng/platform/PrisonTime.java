package cn.xinsheng.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The prison's time: the platform's one clock read in the prison's zone ({@code xinsheng.zone},
 * default Asia/Shanghai). It is the only thing that turns an instant into a day, a month or a
 * deadline: an entry recorded at 23:59:59 on the last day of a month belongs to that month in the
 * prison, whatever zone the server or the caller's browser runs in, and a window of working days
 * ends on the prison's calendar. Plain Java, so the rules can be tested at any instant with a fixed
 * clock.
 */
public final class PrisonTime {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** How people read a moment: minutes, in the prison's zone. */
  public static final String MINUTES = "yyyy-MM-dd HH:mm";

  private final Clock clock;
  private final ZoneId zone;

  public PrisonTime(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock);
    this.zone = Objects.requireNonNull(zone);
  }

  /** The given instant, fixed, in the default zone: for tests and tools. */
  public static PrisonTime fixedAt(Instant instant) {
    return new PrisonTime(Clock.fixed(instant, DEFAULT_ZONE), DEFAULT_ZONE);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The clock itself, in the prison's zone. */
  public Clock clock() {
    return clock.withZone(zone);
  }

  public Instant now() {
    return clock.instant();
  }

  /** The prison's calendar day now. */
  public LocalDate today() {
    return dayOf(now());
  }

  /** The prison's month now: the month an entry recorded now is booked in. */
  public YearMonth thisMonth() {
    return monthOf(now());
  }

  public LocalDateTime localNow() {
    return LocalDateTime.ofInstant(now(), zone);
  }

  /** The prison's calendar day of a moment. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The prison's month of a moment. */
  public YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atZone(zone));
  }

  /** A wall-clock time in the prison (as an officer types it) as a moment. */
  public Instant at(LocalDateTime prisonTime) {
    return prisonTime.atZone(zone).toInstant();
  }

  /** The first moment of a prison day. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  public ZonedDateTime inPrison(Instant instant) {
    return instant.atZone(zone);
  }

  /** {@code yyyy-MM-dd HH:mm} in the prison's zone, as screens and documents show a moment. */
  public DateTimeFormatter minutes() {
    return DateTimeFormatter.ofPattern(MINUTES).withZone(zone);
  }

  public String format(Instant instant) {
    return instant == null ? "" : minutes().format(instant);
  }
}
