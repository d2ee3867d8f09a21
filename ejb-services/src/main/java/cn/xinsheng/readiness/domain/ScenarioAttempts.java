package cn.xinsheng.readiness.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where recorded simulation attempts live (ADR 0013: the repository is the domain's, the SQL the
 * infrastructure's). Attempts are only ever added.
 */
public interface ScenarioAttempts {

  /**
   * One attempt as stored: the replayed result, whose and which it was, and the imported package
   * version it was played from (null only on attempts recorded before the standard scenarios came
   * as a package).
   */
  record StoredAttempt(
      long id,
      long inmateId,
      String scenarioId,
      int scenarioVersion,
      int attemptNo,
      int score,
      boolean passed,
      boolean timedOut,
      int hints,
      long seconds,
      List<String> mistakes,
      Instant recordedAt,
      String packageId,
      Long packageVersion) {}

  /**
   * Adds the inmate's next attempt at the scenario and returns it with its number; {@code
   * packageId} and {@code packageVersion} name the imported package version it was scored from
   * (both null only on attempts recorded before the standard scenarios came as a package).
   */
  StoredAttempt add(
      long inmateId,
      ScenarioAttempt.Result result,
      String stepsJson,
      Instant at,
      String packageId,
      Long packageVersion);

  List<StoredAttempt> ofInmate(long inmateId);

  /** Every attempt of these inmates, oldest first. */
  List<StoredAttempt> ofInmates(List<Long> inmateIds);
}
