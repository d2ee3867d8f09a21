package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioPackages;
import cn.xinsheng.readiness.infrastructure.ScenarioJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulations in force: the scenarios of the newest version of each imported scenario package
 * ({@link ScenarioPackageService}), packages in the order they first came, leaving out a package
 * whose newest version was withdrawn. The platform builds no scenario in: the ten standard ones
 * come as the signed standard scenario package the build makes (docs/scenarios.md, "The standard
 * scenario package"), imported through the same path as any other, so they are checked, recorded
 * and audited the same way. An imported scenario never carries another package's id ({@code
 * ScenarioPackageRule}), so an id names one source for good.
 */
@ApplicationScoped
public class ScenarioCatalogue {

  /** A scenario in force and the package version it comes from. */
  public record Entry(Scenario scenario, String packageId, Long packageVersion) {}

  @Inject ScenarioPackages packages;

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

  /**
   * The scenario an attempt was played from: the package version it names (kept, since imports only
   * add). An attempt recorded before the scenarios came as a package names none; it is shown with
   * the scenario in force under its id (the standard package carries the same files).
   */
  public Optional<Scenario> asPlayed(String id, String packageId, Long packageVersion) {
    if (packageId == null || packageVersion == null) {
      return find(id);
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
    return imported();
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
}
