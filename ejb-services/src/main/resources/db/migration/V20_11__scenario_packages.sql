-- Issue 20: release-readiness simulations imported at the platform as signed scenario packages
-- (docs/scenarios.md, "Scenario packages"). Append-only: a newer version of a package is a new row
-- with its scenarios; nothing is updated in place, so an attempt played from an older version can
-- still be shown with that version's scenario (its mistakes and their texts).
CREATE TABLE scenario_package (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  package_id   VARCHAR(100) NOT NULL,
  version      BIGINT       NOT NULL,
  title        VARCHAR(500) NOT NULL,
  publisher    VARCHAR(500) NOT NULL,
  signed_by    VARCHAR(200) NOT NULL,
  sha256       CHAR(64)     NOT NULL COMMENT 'of the package file as uploaded',
  size_bytes   BIGINT       NOT NULL,
  imported_by  VARCHAR(100) NOT NULL,
  imported_at  TIMESTAMP(3) NOT NULL,
  UNIQUE KEY uq_scenario_package (package_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The scenarios of one imported version, in the package's index order, as the signed JSON files.
CREATE TABLE scenario_package_scenario (
  package_row      BIGINT      NOT NULL,
  position         INT         NOT NULL,
  scenario_id      VARCHAR(40) NOT NULL,
  scenario_version INT         NOT NULL,
  body             MEDIUMTEXT  NOT NULL COMMENT 'the xinsheng-scenario/1 file as signed',
  PRIMARY KEY (package_row, position),
  UNIQUE KEY uq_scenario_package_scenario (package_row, scenario_id),
  KEY ix_scenario_package_scenario_id (scenario_id),
  CONSTRAINT fk_scenario_package_scenario FOREIGN KEY (package_row) REFERENCES scenario_package (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Which imported package version an attempt was played and scored from (null: a shipped scenario).
ALTER TABLE scenario_attempt
  ADD COLUMN package_id      VARCHAR(100) NULL AFTER scenario_version,
  ADD COLUMN package_version BIGINT       NULL AFTER package_id;
