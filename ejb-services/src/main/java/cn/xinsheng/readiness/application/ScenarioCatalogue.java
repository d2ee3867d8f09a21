package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioPackages;
import cn.xinsheng.readiness.infrastructure.ScenarioJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulations in force: the ones the platform ships ({@code scenarios/index.txt}, read and
 * checked once; a shipped scenario that fails its checks stops the start, as a broken rule table
 * would, and the build's {@code ShippedScenariosTest} plays every one through before that can
 * happen), then the scenarios of the latest version of each imported scenario package ({@link
 * ScenarioPackageService}), in the order the packages first came. An imported scenario never
 * carries a shipped id or another package's ({@code ScenarioPackageRule}), so an id names one
 * source for good.
 */
@ApplicationScoped
public class ScenarioCatalogue {

  private static final String BASE = "/cn/xinsheng/readiness/scenarios/";

  /** A scenario in force and where it comes from: an imported package version, or the platform. */
  public record Entry(Scenario scenario, String packageId, Long packageVersion) {
    public boolean imported() {
      return packageId != null;
    }
  }

  @Inject ScenarioPackages packages;

  private volatile Map<String, Scenario> shipped;
  private volatile Imported imported = new Imported(-1, Map.of(), Set.of());
  private final Map<String, Scenario> played = new ConcurrentHashMap<>();

  private record Imported(long generation, Map<String, Entry> entries, Set<String> withdrawn) {}

  public List<Scenario> all() {
    return entries().values().stream().map(Entry::scenario).toList();
  }

  public Optional<Scenario> find(String id) {
    return entry(id).map(Entry::scenario);
  }

  /** The scenario in force under this id, with the package version it comes from. */
  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(id == null ? null : entries().get(id));
  }

  /**
   * Whether this id names a scenario whose package version in force was withdrawn: it may not be
   * played again, though its attempts stay readable ({@link #asPlayed}).
   */
  public boolean withdrawn(String id) {
    if (id == null || entries().containsKey(id)) {
      return false;
    }
    return current().withdrawn().contains(id);
  }

  /** The ids of the shipped scenarios. */
  public Set<String> shippedIds() {
    return shipped().keySet();
  }

  /**
   * The scenario an attempt was played from: the package version it names (kept, since imports only
   * add), or the scenario in force for a shipped one.
   */
  public Optional<Scenario> asPlayed(String id, String packageId, Long packageVersion) {
    if (packageId == null || packageVersion == null) {
      return Optional.ofNullable(shipped().get(id));
    }
    Entry now = entries().get(id);
    if (now != null
        && packageId.equals(now.packageId())
        && packageVersion.equals(now.packageVersion())) {
      return Optional.of(now.scenario());
    }
    String key = packageId + "\n" + packageVersion + "\n" + id;
    Scenario s = played.get(key);
    if (s == null) {
      s =
          packages
              .scenario(packageId, packageVersion, id)
              .map(p -> ScenarioJson.read(p.json()))
              .orElse(null);
      if (s != null) {
        played.put(key, s);
      }
    }
    return Optional.ofNullable(s);
  }

  private Map<String, Entry> entries() {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Scenario s : shipped().values()) {
      out.put(s.id(), new Entry(s, null, null));
    }
    for (Entry e : imported().values()) {
      out.putIfAbsent(e.scenario().id(), e);
    }
    return out;
  }

  /** The imported scenarios in force. */
  private Map<String, Entry> imported() {
    return current().entries();
  }

  /** What imports say now, read again only when a package version or a withdrawal was added. */
  private Imported current() {
    long generation = packages.generation();
    Imported now = imported;
    if (now.generation() != generation) {
      Map<String, Entry> read = new LinkedHashMap<>();
      for (ScenarioPackages.StoredScenario s : packages.inForce()) {
        // checked at import; read again as the player will play it
        read.put(
            s.scenarioId(),
            new Entry(ScenarioJson.read(s.json()), s.packageId(), s.packageVersion()));
      }
      now =
          new Imported(
              generation,
              Collections.unmodifiableMap(read),
              Set.copyOf(packages.withdrawnScenarioIds()));
      imported = now;
    }
    return now;
  }

  private Map<String, Scenario> shipped() {
    Map<String, Scenario> s = shipped;
    if (s == null) {
      synchronized (this) {
        if (shipped == null) {
          Map<String, Scenario> read = new LinkedHashMap<>();
          for (String file : text(BASE + "index.txt").lines().toList()) {
            if (!file.isBlank() && !file.startsWith("#")) {
              Scenario sc = ScenarioJson.read(text(BASE + file.strip()));
              read.put(sc.id(), sc);
            }
          }
          shipped = Collections.unmodifiableMap(read);
        }
        s = shipped;
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
