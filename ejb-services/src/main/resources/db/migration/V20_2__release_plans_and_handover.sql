-- Issue 20 (deliverables 3 and 5): the release plan's appended item updates, community corrections
-- offices and their members, the handover issued to an office, and the first report it records.
-- Every table here is append-only: a status change, a reassignment or a corrected first report is a
-- new row, and each is also an audit entry.

-- A new external role: community corrections (社区矫正机构), read-only on the handovers of the
-- people assigned to its office, except for recording the person's first report.
ALTER TABLE account_role DROP CONSTRAINT ck_account_role;
ALTER TABLE account_role ADD CONSTRAINT ck_account_role CHECK (role IN ('INMATE','OFFICER',
  'REVIEWER','COMMITTEE','WARDEN','PROSECUTOR','JUDGE','SUPERVISOR','LAWYER','TEACHER','EXAMINER',
  'EDU_ADMIN','SYS_ADMIN','EXECUTION','BUREAU','HIGH_JUDGE','COMMUNITY_CORRECTIONS'));

-- A plan is opened for a person once (at admission, or the first time it is read for a person
-- admitted before plans existed); its items come from the standard template.
CREATE TABLE release_plan (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id   BIGINT       NOT NULL,
  opened_on   DATE         NOT NULL COMMENT 'the admission date the plan starts from',
  opened_by   VARCHAR(64)  NOT NULL,
  opened_at   TIMESTAMP(3) NOT NULL,
  UNIQUE KEY uq_release_plan_inmate (inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- An update of one item of a plan: a new row pointing at the item; the latest stands.
CREATE TABLE plan_item_update (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id     BIGINT        NOT NULL,
  item_code   VARCHAR(40)   NOT NULL,
  status      VARCHAR(16)   NOT NULL,
  note        VARCHAR(2000) NOT NULL,
  evidence_id BIGINT        NULL COMMENT 'the evidence context''s file this update rests on',
  recorded_by VARCHAR(64)   NOT NULL,
  recorded_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_plan_item_update_plan FOREIGN KEY (plan_id) REFERENCES release_plan (id),
  CONSTRAINT ck_plan_item_update_status CHECK (status IN ('OPEN','IN_PROGRESS','DONE','NOT_NEEDED')),
  KEY ix_plan_item_update (plan_id, item_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Community corrections offices (社区矫正机构) and the accounts that work for each.
CREATE TABLE cc_office (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code      VARCHAR(40)  NOT NULL UNIQUE,
  name_zh   VARCHAR(200) NOT NULL,
  name_en   VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cc_office_member (
  office_id BIGINT      NOT NULL,
  username  VARCHAR(64) NOT NULL,
  PRIMARY KEY (office_id, username),
  CONSTRAINT fk_cc_office_member_office FOREIGN KEY (office_id) REFERENCES cc_office (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A handover as issued: the person is assigned to the office by it, and the office reads it. The
-- JSON and PDF are kept as issued, and their SHA-256 are in the audit entry that issued them, so
-- the package the office downloads verifies offline.
CREATE TABLE handover (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id       BIGINT       NOT NULL,
  prisoner_number VARCHAR(10)  NOT NULL,
  office_id       BIGINT       NOT NULL,
  release_on      DATE         NULL,
  report_due      DATE         NULL COMMENT 'the last day of the first report (社区矫正法第二十一条)',
  document        MEDIUMTEXT   NOT NULL COMMENT 'the handover as canonical JSON',
  pdf             MEDIUMBLOB   NOT NULL,
  json_sha256     CHAR(64)     NOT NULL,
  pdf_sha256      CHAR(64)     NOT NULL,
  issued_by       VARCHAR(64)  NOT NULL,
  issued_at       TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_handover_office FOREIGN KEY (office_id) REFERENCES cc_office (id),
  KEY ix_handover_office (office_id, issued_at),
  KEY ix_handover_inmate (inmate_id, issued_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The person's first report to the office, as the office records it: the loop back to the prison.
CREATE TABLE first_report (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  handover_id BIGINT        NOT NULL,
  reported_on DATE          NOT NULL,
  late        BOOLEAN       NOT NULL,
  note        VARCHAR(2000) NOT NULL,
  recorded_by VARCHAR(64)   NOT NULL,
  recorded_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_first_report_handover FOREIGN KEY (handover_id) REFERENCES handover (id),
  KEY ix_first_report_handover (handover_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
