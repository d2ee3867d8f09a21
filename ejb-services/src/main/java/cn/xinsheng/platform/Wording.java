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
 * yyyy-MM-dd HH:mm}); to the second only where the second matters (the audit page); a day as {@code
 * yyyy-MM-dd}. Never ISO with a {@code T}, never UTC. Plain Java, tested without a server.
 */
public final class Wording {

  public static final String SECONDS = "yyyy-MM-dd HH:mm:ss";
  public static final String DAY = "yyyy-MM-dd";
  public static final String NONE = "—";

  private static final java.util.ResourceBundle DOCUMENTS =
      java.util.ResourceBundle.getBundle("cn.xinsheng.platform.documents", java.util.Locale.ROOT);

  private Wording() {}

  /**
   * A code as a document says it, in Chinese and English ("同意 Agree"): the label of {@code
   * kind.CODE}, the first of several kinds given as {@code "case.vote,case.opinion"} that names it;
   * the code itself if none does.
   */
  public static String both(String kind, Object code) {
    if (code == null) {
      return NONE;
    }
    for (String k : kind.split(",")) {
      String key = k.strip() + "." + code;
      if (DOCUMENTS.containsKey(key)) {
        return DOCUMENTS.getString(key);
      }
    }
    return String.valueOf(code);
  }

  /**
   * An eligibility reason as a document says it, Chinese then English: rule table v2 carries both
   * texts as its arguments ({@code elig.v2}); v1's keys are said from the documents' words, an
   * argument that is itself a key (a sentence band) said too.
   */
  public static String reason(String key, java.util.List<String> args) {
    if (key == null) {
      return NONE;
    }
    java.util.List<String> a = args == null ? java.util.List.of() : args;
    if ("elig.v2".equals(key)) {
      return a.isEmpty() ? NONE : String.join(" / ", a);
    }
    if (!DOCUMENTS.containsKey(key)) {
      return String.join(" / ", a);
    }
    return said(key, a, "") + " / " + said(key, a, "en.");
  }

  private static String said(String key, java.util.List<String> args, String language) {
    Object[] words =
        args.stream()
            .map(x -> DOCUMENTS.containsKey(language + x) ? DOCUMENTS.getString(language + x) : x)
            .toArray();
    return new java.text.MessageFormat(DOCUMENTS.getString(language + key), java.util.Locale.ROOT)
        .format(words);
  }

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
    if (v instanceof TemporalAccessor t
        && t.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
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
