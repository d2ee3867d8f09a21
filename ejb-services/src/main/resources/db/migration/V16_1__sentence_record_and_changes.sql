-- Issue 16: the sentence record the eligibility engine computes from (rule table 2016-23/v2).
-- The kind of sentence and the facts of the judgment the reduction and parole rules look at. The
-- latest row of an inmate is in force; a correction is a new row. Without a row, the inmate's own
-- sentence columns give a fixed term or life with no further facts.
CREATE TABLE sentence_record (
  id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id              BIGINT        NOT NULL,
  kind                   VARCHAR(20)   NOT NULL,
  detention_days         INT           NOT NULL,
  limited_reduction      BOOLEAN       NOT NULL,
  no_reduction_or_parole BOOLEAN       NOT NULL,
  offences               VARCHAR(400)  NOT NULL,
  recidivist             BOOLEAN       NOT NULL,
  property_penalty       VARCHAR(20)   NOT NULL,
  juvenile               BOOLEAN       NOT NULL,
  elderly_ill_disabled   BOOLEAN       NOT NULL,
  note                   VARCHAR(500)  NOT NULL,
  recorded_by            VARCHAR(64)   NOT NULL,
  recorded_at            TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_sentence_record_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT ck_sentence_record_kind CHECK (kind IN ('FIXED','LIFE','DEATH_REPRIEVE')),
  CONSTRAINT ck_sentence_record_property CHECK (property_penalty IN ('NONE','PAID','UNPAID_ABLE',
    'UNPAID_UNABLE')),
  CONSTRAINT ck_sentence_record_detention CHECK (detention_days >= 0),
  INDEX ix_sentence_record_inmate (inmate_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Every reduction, commutation or new judgment is a dated change: a granted ruling writes one, and
-- changes from before this system are entered without a case.
ALTER TABLE sentence_change MODIFY kind VARCHAR(24) NOT NULL;
ALTER TABLE sentence_change MODIFY case_id BIGINT NULL;
ALTER TABLE sentence_change MODIFY months INT NULL;
ALTER TABLE sentence_change ADD COLUMN to_months INT NULL;
ALTER TABLE sentence_change ADD CONSTRAINT ck_sentence_change_kind CHECK (kind IN ('REDUCTION',
  'PAROLE','COMMUTATION_TO_LIFE','COMMUTATION_TO_FIXED','NEW_CRIME'));

-- The kind of performance a proposal rests on (法释〔2016〕23号第六条第二款): derived from the
-- ledger, or chosen by the proposer with a reason. The maximum of the case follows it.
CREATE TABLE case_performance (
  case_id      BIGINT        NOT NULL PRIMARY KEY,
  performance  VARCHAR(30)   NOT NULL,
  derived      VARCHAR(30)   NOT NULL,
  reason       VARCHAR(500)  NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_case_performance_case FOREIGN KEY (case_id) REFERENCES reduction_case (id),
  CONSTRAINT ck_case_performance CHECK (performance IN ('REPENTANCE','MERIT',
    'REPENTANCE_AND_MERIT','MAJOR_MERIT','REPENTANCE_AND_MAJOR_MERIT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The reasons of a v2 result carry every rule with its article in both languages.
ALTER TABLE eligibility_result MODIFY reason_args VARCHAR(8000) NOT NULL;
