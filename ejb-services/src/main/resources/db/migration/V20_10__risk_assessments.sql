-- Issue 20: recidivism risk assessments (advice, never a decision; DOMAIN §6). Append-only: a new
-- assessment is a new row, an override is a row beside the score it overrides, and it stands only
-- once the second officer it names has signed in a row of its own.
CREATE TABLE risk_assessment (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id     BIGINT        NOT NULL,
  instrument_id VARCHAR(60)   NOT NULL COMMENT 'the versioned instrument the score was made with',
  factor_values VARCHAR(4000) NOT NULL COMMENT 'FACTOR=VALUE per line, every factor of the instrument',
  sources       VARCHAR(4000) NOT NULL COMMENT 'FACTOR=where the value came from, per line',
  log_odds      DOUBLE        NOT NULL,
  probability   DOUBLE        NOT NULL,
  level         VARCHAR(20)   NOT NULL,
  assessed_by   VARCHAR(64)   NOT NULL,
  assessed_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_risk_assessment_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT ck_risk_assessment_level CHECK (level IN ('LOW','FAIRLY_LOW','MEDIUM','FAIRLY_HIGH','HIGH')),
  INDEX ix_risk_assessment_inmate (inmate_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE risk_override (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assessment_id  BIGINT        NOT NULL,
  scored_level   VARCHAR(20)   NOT NULL,
  decided_level  VARCHAR(20)   NOT NULL,
  reason         VARCHAR(2000) NOT NULL,
  requested_by   VARCHAR(64)   NOT NULL,
  second_officer VARCHAR(64)   NOT NULL COMMENT 'the officer named to countersign; never requested_by',
  requested_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_risk_override_assessment FOREIGN KEY (assessment_id) REFERENCES risk_assessment (id),
  CONSTRAINT ck_risk_override_levels CHECK (scored_level <> decided_level),
  CONSTRAINT ck_risk_override_four_eyes CHECK (second_officer <> requested_by),
  INDEX ix_risk_override_assessment (assessment_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE risk_override_signature (
  override_id BIGINT       NOT NULL PRIMARY KEY,
  signed_by   VARCHAR(64)  NOT NULL,
  signed_at   TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_risk_override_signature FOREIGN KEY (override_id) REFERENCES risk_override (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A validation report computed on imported past releases with outcomes: the figures as measured,
-- and the file's SHA-256, so a report can be traced to the data it was computed on.
CREATE TABLE risk_validation (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instrument_id VARCHAR(60)   NOT NULL,
  source        VARCHAR(200)  NOT NULL,
  file_sha256   CHAR(64)      NOT NULL,
  cases         INT           NOT NULL,
  reoffended    INT           NOT NULL,
  auc           DOUBLE        NULL,
  report        MEDIUMTEXT    NOT NULL COMMENT 'the whole report as JSON',
  imported_by   VARCHAR(64)   NOT NULL,
  imported_at   TIMESTAMP(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
