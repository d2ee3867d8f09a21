package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.domain.ScenarioAttempt;
import cn.xinsheng.readiness.domain.ScenarioAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@link ScenarioAttempts} in native SQL through the caller's transaction; rows are only added. */
@ApplicationScoped
public class ScenarioAttemptStore implements ScenarioAttempts {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String SELECT =
      "SELECT id, inmate_id, scenario_id, scenario_version, attempt_no, score, passed, timed_out,"
          + " hints, seconds, mistakes, recorded_at, package_id, package_version"
          + " FROM scenario_attempt";

  @Override
  public StoredAttempt add(
      long inmateId,
      ScenarioAttempt.Result result,
      String stepsJson,
      Instant at,
      String packageId,
      Long packageVersion) {
    // the row lock of the inmate's latest attempt orders two parallel finishes; the unique key
    // refuses a duplicate number if they still meet
    Number last =
        (Number)
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(attempt_no), 0) FROM scenario_attempt"
                        + " WHERE inmate_id = ?1 AND scenario_id = ?2 FOR UPDATE")
                .setParameter(1, inmateId)
                .setParameter(2, result.scenario())
                .getSingleResult();
    int number = last.intValue() + 1;
    List<String> codes = result.mistakes().stream().map(ScenarioAttempt.MistakeMade::code).toList();
    em.createNativeQuery(
            "INSERT INTO scenario_attempt (inmate_id, scenario_id, scenario_version, attempt_no,"
                + " steps, score, passed, timed_out, hints, seconds, mistakes, recorded_at,"
                + " package_id, package_version)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .setParameter(1, inmateId)
        .setParameter(2, result.scenario())
        .setParameter(3, result.version())
        .setParameter(4, number)
        .setParameter(5, stepsJson)
        .setParameter(6, result.score())
        .setParameter(7, result.passed())
        .setParameter(8, result.timedOut())
        .setParameter(9, result.hints())
        .setParameter(10, result.elapsedSeconds())
        .setParameter(11, String.join(",", codes))
        .setParameter(12, Timestamp.from(at))
        .setParameter(13, packageId)
        .setParameter(14, packageVersion)
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    return new StoredAttempt(
        id,
        inmateId,
        result.scenario(),
        result.version(),
        number,
        result.score(),
        result.passed(),
        result.timedOut(),
        result.hints(),
        result.elapsedSeconds(),
        codes,
        at,
        packageId,
        packageVersion);
  }

  @Override
  public List<StoredAttempt> ofInmate(long inmateId) {
    return rows(SELECT + " WHERE inmate_id = " + inmateId + " ORDER BY recorded_at, id");
  }

  @Override
  public List<StoredAttempt> ofInmates(List<Long> inmateIds) {
    if (inmateIds.isEmpty()) {
      return List.of();
    }
    // ids are numbers from the organisation's records, joined as literals (never text)
    String in = inmateIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    return rows(SELECT + " WHERE inmate_id IN (" + in + ") ORDER BY recorded_at, id");
  }

  @SuppressWarnings("unchecked")
  private List<StoredAttempt> rows(String sql) {
    List<StoredAttempt> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
      String mistakes = (String) r[10];
      out.add(
          new StoredAttempt(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              ((Number) r[3]).intValue(),
              ((Number) r[4]).intValue(),
              ((Number) r[5]).intValue(),
              bool(r[6]),
              bool(r[7]),
              ((Number) r[8]).intValue(),
              ((Number) r[9]).longValue(),
              mistakes.isEmpty() ? List.of() : Arrays.asList(mistakes.split(",")),
              instant(r[11]),
              (String) r[12],
              r[13] == null ? null : ((Number) r[13]).longValue()));
    }
    return out;
  }

  private static boolean bool(Object o) {
    return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
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
