package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.domain.ScenarioPackageWithdrawal;
import cn.xinsheng.readiness.domain.ScenarioPackages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ScenarioPackages} in native SQL through the caller's transaction; rows are only added. */
@ApplicationScoped
public class ScenarioPackageStore implements ScenarioPackages {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public void add(ImportedPackage p, List<StoredScenario> scenarios) {
    em.createNativeQuery(
            "INSERT INTO scenario_package (package_id, version, title, publisher, signed_by,"
                + " sha256, size_bytes, imported_by, imported_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, p.packageId())
        .setParameter(2, p.version())
        .setParameter(3, p.title())
        .setParameter(4, p.publisher())
        .setParameter(5, p.signedBy())
        .setParameter(6, p.sha256())
        .setParameter(7, p.sizeBytes())
        .setParameter(8, p.importedBy())
        .setParameter(9, Timestamp.from(p.importedAt()))
        .executeUpdate();
    long row =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    int position = 0;
    for (StoredScenario s : scenarios) {
      em.createNativeQuery(
              "INSERT INTO scenario_package_scenario (package_row, position, scenario_id,"
                  + " scenario_version, body) VALUES (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, row)
          .setParameter(2, ++position)
          .setParameter(3, s.scenarioId())
          .setParameter(4, s.scenarioVersion())
          .setParameter(5, s.json())
          .executeUpdate();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ImportedPackage> all() {
    Map<Long, List<String>> ids = new LinkedHashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT package_row, scenario_id FROM scenario_package_scenario"
                        + " ORDER BY package_row, position")
                .getResultList()) {
      ids.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
    }
    List<ImportedPackage> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT id, package_id, version, title, publisher, signed_by, sha256,"
                        + " size_bytes, imported_by, imported_at FROM scenario_package"
                        + " ORDER BY id DESC")
                .getResultList()) {
      out.add(
          new ImportedPackage(
              (String) r[1],
              ((Number) r[2]).longValue(),
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              ((Number) r[7]).longValue(),
              (String) r[8],
              instant(r[9]),
              ids.getOrDefault(((Number) r[0]).longValue(), List.of())));
    }
    return out;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<StoredScenario> inForce() {
    // each package's newest version; packages in the order they first came
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.package_id, p.version, s.scenario_id, s.scenario_version, s.body"
                    + " FROM scenario_package p"
                    + " JOIN scenario_package_scenario s ON s.package_row = p.id"
                    + " JOIN (SELECT package_id, MAX(version) AS v, MIN(id) AS first"
                    + " FROM scenario_package GROUP BY package_id) l"
                    + " ON l.package_id = p.package_id AND l.v = p.version"
                    + " WHERE NOT EXISTS (SELECT 1 FROM scenario_package_withdrawal w"
                    + " WHERE w.package_row = p.id)"
                    + " ORDER BY l.first, s.position")
            .getResultList();
    return rows.stream().map(ScenarioPackageStore::scenario).toList();
  }

  @Override
  public boolean withdraw(ScenarioPackageWithdrawal w) {
    // INSERT … SELECT: the import row is found and the withdrawal added in one statement; the
    // unique key on package_row makes a second withdrawal of the same version add nothing
    int added =
        em.createNativeQuery(
                "INSERT IGNORE INTO scenario_package_withdrawal (package_row, reason, withdrawn_by,"
                    + " withdrawn_at) SELECT id, ?1, ?2, ?3 FROM scenario_package"
                    + " WHERE package_id = ?4 AND version = ?5")
            .setParameter(1, w.reason())
            .setParameter(2, w.withdrawnBy())
            .setParameter(3, Timestamp.from(w.withdrawnAt()))
            .setParameter(4, w.packageId())
            .setParameter(5, w.version())
            .executeUpdate();
    return added == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ScenarioPackageWithdrawal> withdrawals() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.package_id, p.version, w.reason, w.withdrawn_by, w.withdrawn_at"
                    + " FROM scenario_package_withdrawal w"
                    + " JOIN scenario_package p ON p.id = w.package_row ORDER BY w.id DESC")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ScenarioPackageWithdrawal(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    instant(r[4])))
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> withdrawnScenarioIds() {
    return em.createNativeQuery(
            "SELECT s.scenario_id FROM scenario_package p"
                + " JOIN scenario_package_scenario s ON s.package_row = p.id"
                + " JOIN scenario_package_withdrawal w ON w.package_row = p.id"
                + " WHERE p.version = (SELECT MAX(q.version) FROM scenario_package q"
                + " WHERE q.package_id = p.package_id)")
        .getResultList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<StoredScenario> scenario(
      String packageId, long packageVersion, String scenarioId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.package_id, p.version, s.scenario_id, s.scenario_version, s.body"
                    + " FROM scenario_package p"
                    + " JOIN scenario_package_scenario s ON s.package_row = p.id"
                    + " WHERE p.package_id = ?1 AND p.version = ?2 AND s.scenario_id = ?3")
            .setParameter(1, packageId)
            .setParameter(2, packageVersion)
            .setParameter(3, scenarioId)
            .getResultList();
    return rows.stream().findFirst().map(ScenarioPackageStore::scenario);
  }

  @Override
  public long generation() {
    // both tables only grow, so the sum of their rows rises with every import and withdrawal
    return ((Number)
            em.createNativeQuery(
                    "SELECT (SELECT COUNT(*) FROM scenario_package)"
                        + " + (SELECT COUNT(*) FROM scenario_package_withdrawal)")
                .getSingleResult())
        .longValue();
  }

  private static StoredScenario scenario(Object[] r) {
    return new StoredScenario(
        (String) r[0],
        ((Number) r[1]).longValue(),
        (String) r[2],
        ((Number) r[3]).intValue(),
        (String) r[4]);
  }

  private static Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    return (Instant) o;
  }
}
