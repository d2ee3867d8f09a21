package cn.xinsheng.readiness.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where recorded simulation attempts live (ADR 0013: the repository is the domain's, the SQL the
 * infrastructure's). Attempts are only ever added.
 */
public interface ScenarioAttempts {

  /** One attempt as stored: the replayed result, and whose and which it was. */
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
      Instant recordedAt) {}

  /** Adds the inmate's next attempt at the scenario and returns it with its number. */
  StoredAttempt add(long inmateId, ScenarioAttempt.Result result, String stepsJson, Instant at);

  List<StoredAttempt> ofInmate(long inmateId);

  /** Every attempt of these inmates, oldest first. */
  List<StoredAttempt> ofInmates(List<Long> inmateIds);
}
