package cn.xinsheng.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * How a moment is said to a person (issue 18), the one rule the screens ({@code show} in the web
 * module) and the documents (PDFs, exports) share: in the prison's zone, to the minute ({@code
 * yyyy-MM-dd HH:mm}); to the second only where the second matters (the audit page); a day as
 * {@code yyyy-MM-dd}. Never ISO with a {@code T}, never UTC. Plain Java, tested without a server.
 */
public final class Wording {

  public static final String SECONDS = "yyyy-MM-dd HH:mm:ss";
  public static final String DAY = "yyyy-MM-dd";
  public static final String NONE = "—";

  private Wording() {}

  /** A moment to the minute in the prison's zone; a day stays a day. */
  public static String minutes(Object moment, ZoneId zone) {
    return format(moment, zone, PrisonTime.MINUTES);
  }

  /** A moment to the second in the prison's zone (audit records). */
  public static String seconds(Object moment, ZoneId zone) {
    return format(moment, zone, SECONDS);
  }

  /** The prison's calendar day of a moment, or the day itself. */
  public static String day(Object moment, ZoneId zone) {
    LocalDate d = toDay(moment, zone);
    return d == null ? (moment == null ? NONE : moment.toString()) : d.toString();
  }

  /** The prison's day of a moment or a day given as a value or as ISO text; null if it is none. */
  public static LocalDate toDay(Object moment, ZoneId zone) {
    Object v = parse(moment);
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    Instant i = instant(v);
    return i == null ? null : i.atZone(zone).toLocalDate();
  }

  private static String format(Object moment, ZoneId zone, String pattern) {
    if (moment == null) {
      return NONE;
    }
    Object v = parse(moment);
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ofPattern(pattern).format(t);
    }
    Instant i = instant(v);
    if (i == null) {
      return moment.toString();
    }
    return DateTimeFormatter.ofPattern(pattern).withZone(zone).format(i);
  }

  private static Instant instant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (v instanceof TemporalAccessor t && t.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t);
    }
    return null;
  }

  /** ISO text (as some read models carry it) taken for the value it names. */
  private static Object parse(Object moment) {
    if (!(moment instanceof CharSequence cs)) {
      return moment;
    }
    String s = cs.toString().strip();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return s;
    }
  }
}
