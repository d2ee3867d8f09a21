package cn.xinsheng.readiness.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a verified scenario package may join the simulations in force (issue 20). Imports are
 * append-only, so two rules keep every recorded attempt meaningful:
 *
 * <ul>
 *   <li>a package id only moves forward: a version lower than or equal to one already imported is
 *       refused;
 *   <li>a scenario id belongs to one package for good: it may not be an id that any version of
 *       another package has ever carried (the standard scenario package included: the ten standard
 *       scenarios come as a package too). A newer version of the same package may change its own
 *       scenarios (attempts record the package version they were played from).
 * </ul>
 */
public final class ScenarioPackageRule {

  /** Why a package is refused; the application words it in Chinese and English. */
  public sealed interface Conflict {}

  /** The version is not above the latest already imported. */
  public record NotNewer(String packageId, long version, long latest) implements Conflict {}

  /** A scenario carries an id another package has already used. */
  public record TakenId(String scenarioId, String otherPackage) implements Conflict {}

  /** One version already imported: its package, version and scenario ids. */
  public record ImportedVersion(String packageId, long version, List<String> scenarioIds) {
    public ImportedVersion {
      scenarioIds = List.copyOf(scenarioIds);
    }
  }

  private final List<ImportedVersion> imported;

  public ScenarioPackageRule(List<ImportedVersion> imported) {
    this.imported = List.copyOf(imported);
  }

  /** Every reason the package is refused, the version first; empty when it may be imported. */
  public List<Conflict> conflicts(String packageId, long version, List<String> scenarioIds) {
    List<Conflict> out = new ArrayList<>();
    long latest = Long.MIN_VALUE;
    Map<String, String> owner = new HashMap<>();
    for (ImportedVersion v : imported) {
      if (v.packageId().equals(packageId)) {
        latest = Math.max(latest, v.version());
      } else {
        for (String id : v.scenarioIds()) {
          owner.putIfAbsent(id, v.packageId());
        }
      }
    }
    if (latest != Long.MIN_VALUE && version <= latest) {
      out.add(new NotNewer(packageId, version, latest));
    }
    for (String id : scenarioIds) {
      if (owner.containsKey(id)) {
        out.add(new TakenId(id, owner.get(id)));
      }
    }
    return out;
  }

  /** The first reason the package is refused, if any. */
  public Optional<Conflict> check(String packageId, long version, List<String> scenarioIds) {
    return conflicts(packageId, version, scenarioIds).stream().findFirst();
  }
}
