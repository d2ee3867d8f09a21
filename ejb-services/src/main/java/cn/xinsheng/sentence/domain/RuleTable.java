package cn.xinsheng.sentence.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The reduction and parole rule table as versioned data ({@code rules-2016-23-v2.properties}): the
 * figures of the law and the text of every reason with its article. The engine holds no figure of
 * its own.
 */
public final class RuleTable {

  public static final String RESOURCE = "rules-2016-23-v2.properties";

  private final Properties p;
  private final String version;

  private RuleTable(Properties p) {
    this.p = p;
    this.version = text("version");
  }

  private static final RuleTable STANDARD = load();

  /** The table that ships with this build. */
  public static RuleTable standard() {
    return STANDARD;
  }

  private static RuleTable load() {
    try (InputStream in = RuleTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RuleTable parse(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new RuleTable(p);
  }

  public String version() {
    return version;
  }

  String text(String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("rule table " + RESOURCE + ": " + key + " is missing");
    }
    return v.strip();
  }

  int months(String key) {
    try {
      return Integer.parseInt(text(key));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("rule table: " + key + " is not a whole number", e);
    }
  }

  /** A value by band: "60:12,120:18,*:24" gives 12 below 60 months, 18 below 120, else 24. */
  int band(String key, int termMonths) {
    for (String part : text(key).split(",")) {
      String[] kv = part.strip().split(":");
      if (kv[0].equals("*") || termMonths < Integer.parseInt(kv[0])) {
        return Integer.parseInt(kv[1]);
      }
    }
    throw new IllegalStateException("rule table: " + key + " has no row for " + termMonths);
  }

  /** A range "lo-hi" in months. */
  int[] range(String key) {
    String[] r = text(key).split("-");
    return new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])};
  }

  /** A share "1/2" as {numerator, denominator}. */
  int[] share(String key) {
    String[] r = text(key).split("/");
    return new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])};
  }

  /** Text that differs by language inside a reason (a performance type, a category). */
  record Label(String zh, String en) {}

  /** A label of the table: {@code label.<key>.zh} and {@code .en}. */
  Label label(String key) {
    return new Label(text("label." + key + ".zh"), text("label." + key + ".en"));
  }

  /**
   * Where the interval to the next reduction starts (法释〔2016〕23号第四十条第二款: "前一次减刑裁定送达之日起"): the
   * previous ruling's date and the day it was served, or, while its service is not recorded, the
   * ruling's date with that said.
   */
  Label since(SentenceChange ruling) {
    String key = ruling.servedOn() != null ? "since.served" : "since.unserved";
    Object[] args = {ruling.on(), ruling.servedOn()};
    return new Label(
        new MessageFormat(text("label." + key + ".zh"), Locale.ROOT).format(lang(args, true)),
        new MessageFormat(text("label." + key + ".en"), Locale.ROOT).format(lang(args, false)));
  }

  Reason reason(String key, Object... args) {
    String zh =
        new MessageFormat(text("reason." + key + ".zh"), Locale.ROOT).format(lang(args, true));
    String en =
        new MessageFormat(text("reason." + key + ".en"), Locale.ROOT).format(lang(args, false));
    return new Reason(key, text("reason." + key + ".article"), zh, en);
  }

  private static Object[] lang(Object[] args, boolean zh) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      // numbers as plain digits: a month count never carries a grouping separator
      out[i] =
          a instanceof Label l
              ? (zh ? l.zh() : l.en())
              : a instanceof Number n ? n.toString() : String.valueOf(a);
    }
    return out;
  }
}
