-- Issue 20: every attempt at a release-readiness simulation, as the server replayed and scored it
-- from the steps the terminal recorded. Append-only: a later attempt is a new row (attempt_no + 1).
CREATE TABLE scenario_attempt (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id        BIGINT       NOT NULL,
  scenario_id      VARCHAR(40)  NOT NULL,
  scenario_version INT          NOT NULL,
  attempt_no       INT          NOT NULL,
  steps            MEDIUMTEXT   NOT NULL COMMENT 'the recorded steps as JSON, replayable',
  score            INT          NOT NULL,
  passed           BOOLEAN      NOT NULL,
  timed_out        BOOLEAN      NOT NULL,
  hints            INT          NOT NULL,
  seconds          BIGINT       NOT NULL,
  mistakes         VARCHAR(2000) NOT NULL COMMENT 'mistake codes, comma separated, in the order made',
  recorded_at      TIMESTAMP(3) NOT NULL,
  UNIQUE KEY uq_scenario_attempt (inmate_id, scenario_id, attempt_no),
  KEY ix_scenario_attempt_scenario (scenario_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
