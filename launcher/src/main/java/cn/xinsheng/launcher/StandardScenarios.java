package cn.xinsheng.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The standard scenario package's source (issue 20): the ten scenarios the platform's build carries
 * in {@code cn/xinsheng/readiness/scenarios/}, laid out as a scenario package folder ({@code
 * scenarios/index.txt} and the files it names, nothing else) with the package's id, version, title
 * and publisher from {@code package.properties} beside them. {@code build-bundle.sh} packs the same
 * folder from the source tree with the standard publisher key; start-dev packs it with the demo
 * key. Either way the platform takes it through the ordinary scenario package import.
 */
final class StandardScenarios {

  private static final String BASE = "/cn/xinsheng/readiness/scenarios/";

  /** The package's id, version, title and publisher. */
  record Meta(String id, long version, String title, String publisher) {}

  private StandardScenarios() {}

  static Meta meta() throws IOException {
    Properties p = new Properties();
    try (InputStream in = resource("package.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new Meta(
        p.getProperty("id"),
        Long.parseLong(p.getProperty("version")),
        p.getProperty("title"),
        p.getProperty("publisher"));
  }

  /** Writes the package folder (scenarios/index.txt and the files it names) under {@code into}. */
  static Path folder(Path into) throws IOException {
    Path scenarios = into.resolve("scenarios");
    Files.createDirectories(scenarios);
    String index = text("index.txt");
    Files.writeString(scenarios.resolve("index.txt"), index, StandardCharsets.UTF_8);
    for (String line : index.split("\n")) {
      String file = line.strip();
      if (!file.isEmpty() && !file.startsWith("#")) {
        try (InputStream in = resource(file)) {
          Files.copy(in, scenarios.resolve(file));
        }
      }
    }
    return into;
  }

  private static String text(String file) throws IOException {
    try (InputStream in = resource(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream resource(String file) throws IOException {
    InputStream in = StandardScenarios.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IOException("the standard scenarios are missing from the build: " + BASE + file);
    }
    return in;
  }
}
