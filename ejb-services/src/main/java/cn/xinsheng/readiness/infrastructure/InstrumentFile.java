package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.domain.FactorLevel;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a risk instrument from its data file (a UTF-8 properties file; the format is described at
 * the top of {@code risk-instrument-changning-26.properties}). A malformed file is refused with the
 * key that is wrong, never half read.
 */
public final class InstrumentFile {

  /** The default instrument that ships with the platform. */
  public static final String DEFAULT =
      "/cn/xinsheng/readiness/risk-instrument-changning-26.properties";

  private InstrumentFile() {}

  public static RiskInstrument defaultInstrument() {
    try (InputStream in = InstrumentFile.class.getResourceAsStream(DEFAULT)) {
      if (in == null) {
        throw new IllegalStateException("the default risk instrument is missing: " + DEFAULT);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RiskInstrument read(InputStream in) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    List<Double> cutoffs = new ArrayList<>();
    for (String c : required(p, "cutoffs").split(",")) {
      cutoffs.add(number(c, "cutoffs"));
    }
    List<RiskFactor> factors = new ArrayList<>();
    for (String code : required(p, "factors").split(",")) {
      code = code.strip();
      String key = "factor." + code;
      String[] head = required(p, key).split("\\|", -1);
      if (head.length != 4) {
        throw new IllegalArgumentException(key + ": KIND|SOURCE|中文|English");
      }
      List<FactorLevel> levels = new ArrayList<>();
      for (String v : required(p, key + ".values").split(";")) {
        String[] f = v.split(":", -1);
        if (f.length != 4) {
          throw new IllegalArgumentException(key + ".values: VALUE:weight:中文:English, not " + v);
        }
        levels.add(
            new FactorLevel(
                f[0].strip(), number(f[1], key + ".values"), f[2].strip(), f[3].strip()));
      }
      factors.add(
          new RiskFactor(
              code,
              RiskFactor.Kind.valueOf(head[0].strip()),
              RiskFactor.Source.valueOf(head[1].strip()),
              head[2].strip(),
              head[3].strip(),
              levels));
    }
    return new RiskInstrument(
        required(p, "id"),
        Boolean.parseBoolean(required(p, "calibrated")),
        required(p, "basis.zh"),
        required(p, "basis.en"),
        number(required(p, "intercept"), "intercept"),
        cutoffs,
        factors);
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("the instrument file has no " + key);
    }
    return v.strip();
  }

  private static double number(String s, String key) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a number: " + s);
    }
  }
}
