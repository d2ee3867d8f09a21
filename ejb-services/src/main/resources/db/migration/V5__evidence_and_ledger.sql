-- Evidence and the points ledger (计分考核, 司规〔2021〕3号). Every table that a court may question
-- is append-only: the application's account may insert and select, never update or delete. A
-- state is the latest of its rows (a review, a step); a correction is a new row pointing at the old.

-- Evidence content, stored once per SHA-256 under data/evidence; the row is written after the file.
CREATE TABLE evidence_blob (
  sha256       CHAR(64)     NOT NULL PRIMARY KEY,
  size_bytes   BIGINT       NOT NULL,
  media_type   VARCHAR(100) NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  thumbnail    BOOLEAN      NOT NULL,
  stored_at    TIMESTAMP(3) NOT NULL,
  CONSTRAINT ck_evidence_blob_kind CHECK (kind IN ('PHOTO','VIDEO','AUDIO','DOCUMENT','RECORD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- One upload: who, when, from which device or system, what it shows. Two uploads of the same
-- bytes are two rows over one blob.
CREATE TABLE evidence (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sha256        CHAR(64)     NOT NULL,
  original_name VARCHAR(255) NOT NULL,
  uploaded_by   VARCHAR(64)  NOT NULL,
  uploaded_at   TIMESTAMP(3) NOT NULL,
  source        VARCHAR(100) NOT NULL,
  description   VARCHAR(500) NOT NULL,
  section_id    BIGINT       NOT NULL,
  CONSTRAINT fk_evidence_blob FOREIGN KEY (sha256) REFERENCES evidence_blob (sha256),
  CONSTRAINT fk_evidence_section FOREIGN KEY (section_id) REFERENCES section (id),
  INDEX ix_evidence_uploader (uploaded_by, uploaded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The rule catalogue, versioned per prison: a change is a new version with all its clauses.
CREATE TABLE rule_catalogue (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  prison_id  BIGINT       NOT NULL,
  version    INT          NOT NULL,
  note       VARCHAR(500) NOT NULL,
  created_by VARCHAR(64)  NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_rule_catalogue UNIQUE (prison_id, version),
  CONSTRAINT fk_rule_catalogue_prison FOREIGN KEY (prison_id) REFERENCES prison (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Amounts in tenths of a point (a part's 50% cap may be 17.5).
CREATE TABLE rule_clause (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  catalogue_id      BIGINT       NOT NULL,
  code              VARCHAR(20)  NOT NULL,
  text              VARCHAR(500) NOT NULL,
  part              VARCHAR(20)  NOT NULL,
  min_tenths        INT          NOT NULL,
  max_tenths        INT          NOT NULL,
  required_kinds    VARCHAR(100) NOT NULL,
  min_evidence      INT          NOT NULL,
  CONSTRAINT uq_rule_clause UNIQUE (catalogue_id, code),
  CONSTRAINT fk_rule_clause_catalogue FOREIGN KEY (catalogue_id) REFERENCES rule_catalogue (id),
  CONSTRAINT ck_rule_clause_part CHECK (part IN ('SUPERVISION','EDUCATION','LABOUR','SPECIAL','SANCTION')),
  CONSTRAINT ck_rule_clause_range CHECK (min_tenths <= max_tenths)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A scored entry. An amendment (after a return) supersedes the returned version; a correction
-- (after the month is locked) reverses an approved entry with its own reason and evidence.
CREATE TABLE point_entry (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id       BIGINT        NOT NULL,
  section_id      BIGINT        NOT NULL,
  clause_id       BIGINT        NOT NULL,
  amount_tenths   INT           NOT NULL,
  fact            VARCHAR(1000) NOT NULL,
  occurred_at     TIMESTAMP(3)  NOT NULL,
  month           CHAR(7)       NOT NULL,
  recorded_by     VARCHAR(64)   NOT NULL,
  recorded_at     TIMESTAMP(3)  NOT NULL,
  supersedes_id   BIGINT        NULL UNIQUE,
  reverses_id     BIGINT        NULL UNIQUE,
  reason          VARCHAR(500)  NULL,
  batch_id        BIGINT        NULL,
  CONSTRAINT fk_point_entry_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_point_entry_section FOREIGN KEY (section_id) REFERENCES section (id),
  CONSTRAINT fk_point_entry_clause FOREIGN KEY (clause_id) REFERENCES rule_clause (id),
  CONSTRAINT fk_point_entry_supersedes FOREIGN KEY (supersedes_id) REFERENCES point_entry (id),
  CONSTRAINT fk_point_entry_reverses FOREIGN KEY (reverses_id) REFERENCES point_entry (id),
  INDEX ix_point_entry_inmate (inmate_id, month),
  INDEX ix_point_entry_section_month (section_id, month),
  INDEX ix_point_entry_author (recorded_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE point_entry_evidence (
  entry_id    BIGINT NOT NULL,
  evidence_id BIGINT NOT NULL,
  PRIMARY KEY (entry_id, evidence_id),
  CONSTRAINT fk_pee_entry FOREIGN KEY (entry_id) REFERENCES point_entry (id),
  CONSTRAINT fk_pee_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The second signature: one decision per entry version, never by its author.
CREATE TABLE entry_review (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id    BIGINT       NOT NULL UNIQUE,
  decision    VARCHAR(10)  NOT NULL,
  reason      VARCHAR(500) NULL,
  reviewed_by VARCHAR(64)  NOT NULL,
  reviewed_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_entry_review_entry FOREIGN KEY (entry_id) REFERENCES point_entry (id),
  CONSTRAINT ck_entry_review_decision CHECK (decision IN ('APPROVED','RETURNED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A bulk import (e.g. a month's labour scores from a spreadsheet), saved as one batch.
CREATE TABLE entry_batch (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  section_id  BIGINT       NOT NULL,
  file_name   VARCHAR(255) NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  rows_saved  INT          NOT NULL,
  imported_by VARCHAR(64)  NOT NULL,
  imported_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_entry_batch_section FOREIGN KEY (section_id) REFERENCES section (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The month close of one section: computed, approved, published (公示) with an objection window,
-- locked. Each step is a row; a recomputation before publication is a new close.
CREATE TABLE month_close (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  section_id  BIGINT       NOT NULL,
  month       CHAR(7)      NOT NULL,
  split       VARCHAR(20)  NOT NULL,
  computed_by VARCHAR(64)  NOT NULL,
  computed_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_month_close_section FOREIGN KEY (section_id) REFERENCES section (id),
  INDEX ix_month_close (section_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE month_close_step (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  close_id      BIGINT       NOT NULL,
  step          VARCHAR(12)  NOT NULL,
  done_by       VARCHAR(64)  NOT NULL,
  done_at       TIMESTAMP(3) NOT NULL,
  window_ends   DATE         NULL,
  note          VARCHAR(500) NULL,
  CONSTRAINT uq_month_close_step UNIQUE (close_id, step),
  CONSTRAINT fk_month_close_step FOREIGN KEY (close_id) REFERENCES month_close (id),
  CONSTRAINT ck_month_close_step CHECK (step IN ('APPROVED','PUBLISHED','LOCKED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- One inmate's month: per part base, bonus counted, deductions; special and sanctions; the total
-- and the running balance toward the next 600-point cycle.
CREATE TABLE month_result (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  close_id           BIGINT       NOT NULL,
  inmate_id          BIGINT       NOT NULL,
  supervision_tenths INT          NOT NULL,
  education_tenths   INT          NOT NULL,
  labour_tenths      INT          NOT NULL,
  special_tenths     INT          NOT NULL,
  sanction_tenths    INT          NOT NULL,
  discarded_tenths   INT          NOT NULL,
  total_tenths       INT          NOT NULL,
  balance_tenths     BIGINT       NOT NULL,
  cycle_carry_tenths BIGINT       NOT NULL,
  cycles_closed      INT          NOT NULL,
  entries            INT          NOT NULL,
  CONSTRAINT uq_month_result UNIQUE (close_id, inmate_id),
  CONSTRAINT fk_month_result_close FOREIGN KEY (close_id) REFERENCES month_close (id),
  CONSTRAINT fk_month_result_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  INDEX ix_month_result_inmate (inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Each 600 accumulated points close an assessment cycle; a reviewer decides its result, recorded
-- with the entries the cycle rests on. These are what reduction and parole files cite.
CREATE TABLE assessment_cycle (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id     BIGINT       NOT NULL,
  number        INT          NOT NULL,
  closed_month  CHAR(7)      NOT NULL,
  close_id      BIGINT       NOT NULL,
  first_month   CHAR(7)      NOT NULL,
  CONSTRAINT uq_assessment_cycle UNIQUE (inmate_id, number),
  CONSTRAINT fk_assessment_cycle_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_assessment_cycle_close FOREIGN KEY (close_id) REFERENCES month_close (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE cycle_decision (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id   BIGINT       NOT NULL UNIQUE,
  result     VARCHAR(12)  NOT NULL,
  reason     VARCHAR(500) NOT NULL,
  decided_by VARCHAR(64)  NOT NULL,
  decided_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_cycle_decision FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id),
  CONSTRAINT ck_cycle_decision CHECK (result IN ('PRAISE','MATERIAL','NONE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE cycle_entry (
  cycle_id BIGINT NOT NULL,
  entry_id BIGINT NOT NULL,
  PRIMARY KEY (cycle_id, entry_id),
  CONSTRAINT fk_cycle_entry_cycle FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id),
  CONSTRAINT fk_cycle_entry_entry FOREIGN KEY (entry_id) REFERENCES point_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Objections and findings, as a closed loop: 发现 → 派单 → 核查 → 处置 → 结案 → 反馈.
CREATE TABLE objection (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id    BIGINT        NOT NULL,
  section_id   BIGINT        NOT NULL,
  target_type  VARCHAR(10)   NOT NULL,
  entry_id     BIGINT        NULL,
  month        CHAR(7)       NULL,
  text         VARCHAR(2000) NOT NULL,
  raised_by    VARCHAR(64)   NOT NULL,
  raised_role  VARCHAR(20)   NOT NULL,
  raised_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_objection_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_objection_section FOREIGN KEY (section_id) REFERENCES section (id),
  CONSTRAINT fk_objection_entry FOREIGN KEY (entry_id) REFERENCES point_entry (id),
  CONSTRAINT ck_objection_target CHECK (target_type IN ('ENTRY','MONTH')),
  INDEX ix_objection_section (section_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE objection_step (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  objection_id    BIGINT        NOT NULL,
  step            VARCHAR(10)   NOT NULL,
  owner           VARCHAR(64)   NOT NULL,
  due_on          DATE          NOT NULL,
  done_by         VARCHAR(64)   NOT NULL,
  done_at         TIMESTAMP(3)  NOT NULL,
  note            VARCHAR(2000) NOT NULL,
  outcome         VARCHAR(12)   NULL,
  linked_entry_id BIGINT        NULL,
  CONSTRAINT uq_objection_step UNIQUE (objection_id, step),
  CONSTRAINT fk_objection_step FOREIGN KEY (objection_id) REFERENCES objection (id),
  CONSTRAINT fk_objection_step_entry FOREIGN KEY (linked_entry_id) REFERENCES point_entry (id),
  CONSTRAINT ck_objection_step CHECK (step IN ('FIND','DISPATCH','VERIFY','HANDLE','CLOSE','FEEDBACK'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Days that are not working days (public holidays), or are (a weekend worked in exchange, 调休).
CREATE TABLE calendar_day (
  day        DATE         NOT NULL PRIMARY KEY,
  working    BOOLEAN      NOT NULL,
  name       VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
