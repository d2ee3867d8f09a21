package cn.xinsheng.readiness.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where imported scenario packages live (ADR 0013: the repository is the domain's, the SQL the
 * infrastructure's). Only ever added to: a newer version of a package is a new record.
 */
public interface ScenarioPackages {

  /** One imported version of a package, as recorded. */
  record ImportedPackage(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String sha256,
      long sizeBytes,
      String importedBy,
      Instant importedAt,
      List<String> scenarioIds) {
    public ImportedPackage {
      scenarioIds = List.copyOf(scenarioIds);
    }
  }

  /** One scenario of an imported version: its id and version, and its file as signed. */
  record StoredScenario(
      String packageId, long packageVersion, String scenarioId, int scenarioVersion, String json) {}

  /** Records a version and its scenarios (in index order). */
  void add(ImportedPackage record, List<StoredScenario> scenarios);

  /** Every version imported, newest first. */
  List<ImportedPackage> all();

  /**
   * The scenarios of each package's latest version, packages in the order first imported; a package
   * whose latest version is withdrawn offers none.
   */
  List<StoredScenario> inForce();

  /** A scenario as one version of its package carried it. */
  Optional<StoredScenario> scenario(String packageId, long packageVersion, String scenarioId);

  /**
   * Records a withdrawal of an imported version (a new row pointing at the import); false when that
   * version was withdrawn already (by someone else meanwhile), so nothing was added.
   */
  boolean withdraw(ScenarioPackageWithdrawal withdrawal);

  /** Every withdrawal recorded, newest first. */
  List<ScenarioPackageWithdrawal> withdrawals();

  /**
   * The scenario ids of each package's newest version when that version is withdrawn: ids that may
   * no longer be played (their past attempts stay readable).
   */
  List<String> withdrawnScenarioIds();

  /**
   * A number that changes whenever a version or a withdrawal is added (both tables only grow), to
   * refresh caches.
   */
  long generation();
}
