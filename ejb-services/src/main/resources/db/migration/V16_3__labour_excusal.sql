-- Issue 16, deliverable 7 (DOMAIN §2, 司规〔2021〕3号): an inmate excused from labour (old, ill,
-- disabled) has no labour part; his monthly base splits 50/50 over the other two. The excusal is a
-- record: entered by a section officer with its reason, reviewed by another person, audited; the
-- monthly assessment uses it only once approved. Append-only: the review is its own row.
CREATE TABLE labour_excusal (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id   BIGINT        NOT NULL,
  section_id  BIGINT        NOT NULL,
  from_month  CHAR(7)       NOT NULL,
  to_month    CHAR(7)       NULL,
  reason      VARCHAR(500)  NOT NULL,
  entered_by  VARCHAR(64)   NOT NULL,
  entered_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_labour_excusal_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_labour_excusal_section FOREIGN KEY (section_id) REFERENCES section (id),
  INDEX ix_labour_excusal (section_id, inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE labour_excusal_review (
  excusal_id  BIGINT        NOT NULL PRIMARY KEY,
  decision    VARCHAR(10)   NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  reviewed_by VARCHAR(64)   NOT NULL,
  reviewed_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_labour_excusal_review FOREIGN KEY (excusal_id) REFERENCES labour_excusal (id),
  CONSTRAINT ck_labour_excusal_review CHECK (decision IN ('APPROVED','REJECTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
