package cn.xinsheng.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/** Prints a benchmark's lines and appends them to target/bench-report.txt. */
final class Report {
  private static final Path FILE = Path.of("bench-report.txt");

  private Report() {}

  static void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    try {
      Files.writeString(FILE, s + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void heading(String title) {
    line("");
    line("== %s ==", title);
  }

  /** The q-quantile (0..1) of nanosecond samples, in milliseconds. */
  static double quantileMillis(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
    return sorted[i] / 1e6;
  }

  static double meanMillis(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0) / 1e6;
  }
}
