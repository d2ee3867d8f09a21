package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.infrastructure.ScenarioJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulations the platform ships ({@code scenarios/index.txt}), read and checked once. A
 * scenario that fails its checks stops the start, as a broken rule table would: the build's {@code
 * ShippedScenariosTest} plays every one through before that can happen.
 */
@ApplicationScoped
public class ScenarioCatalogue {

  private static final String BASE = "/cn/xinsheng/readiness/scenarios/";
  private volatile Map<String, Scenario> scenarios;

  public List<Scenario> all() {
    return List.copyOf(loaded().values());
  }

  public Optional<Scenario> find(String id) {
    return Optional.ofNullable(id == null ? null : loaded().get(id));
  }

  private Map<String, Scenario> loaded() {
    Map<String, Scenario> s = scenarios;
    if (s == null) {
      synchronized (this) {
        if (scenarios == null) {
          Map<String, Scenario> read = new LinkedHashMap<>();
          for (String file : text(BASE + "index.txt").lines().toList()) {
            if (!file.isBlank() && !file.startsWith("#")) {
              Scenario sc = ScenarioJson.read(text(BASE + file.strip()));
              read.put(sc.id(), sc);
            }
          }
          scenarios = java.util.Collections.unmodifiableMap(read);
        }
        s = scenarios;
      }
    }
    return s;
  }

  private static String text(String resource) {
    try (InputStream in = ScenarioCatalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
