-- Issue 19 (deliverables 4-7): CNOS graded exams. Sessions, placements, registrations, the
-- recorded performance (evidence before grading), panel seats, recusals, marks (append-only),
-- published results, certificates, and the ledger credits that came from passes. Every row is
-- written once: a correction is a new row, never an UPDATE.
CREATE TABLE music_exam_session (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  exam_date       DATE         NOT NULL,
  room            VARCHAR(60)  NOT NULL,
  instrument_code VARCHAR(20)  NOT NULL,
  level           INT          NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  created_at      TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mes_instrument FOREIGN KEY (instrument_code) REFERENCES music_instrument (code),
  CONSTRAINT fk_mes_level FOREIGN KEY (level) REFERENCES music_level (level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_placement (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id       BIGINT       NOT NULL,
  instrument_code VARCHAR(20)  NOT NULL,
  level           INT          NOT NULL,
  reason          VARCHAR(500) NOT NULL,
  decided_by      VARCHAR(100) NOT NULL,
  decided_at      TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mp_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_mp_instrument FOREIGN KEY (instrument_code) REFERENCES music_instrument (code),
  CONSTRAINT fk_mp_level FOREIGN KEY (level) REFERENCES music_level (level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_exam_candidate (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_id      BIGINT       NOT NULL,
  inmate_id       BIGINT       NOT NULL,
  basis           VARCHAR(30)  NOT NULL COMMENT 'FIRST_LEVEL PREVIOUS_LEVEL_PASSED PLACEMENT',
  placement_id    BIGINT       NULL,
  registered_by   VARCHAR(100) NOT NULL,
  registered_at   TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_mec UNIQUE (session_id, inmate_id),
  CONSTRAINT fk_mec_session FOREIGN KEY (session_id) REFERENCES music_exam_session (id),
  CONSTRAINT fk_mec_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_mec_placement FOREIGN KEY (placement_id) REFERENCES music_placement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_performance (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL UNIQUE,
  sha256          CHAR(64)     NOT NULL,
  media_type      VARCHAR(40)  NOT NULL,
  size_bytes      BIGINT       NOT NULL,
  seconds         DECIMAL(8,2) NOT NULL,
  recorded_by     VARCHAR(100) NOT NULL,
  recorded_at     TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mpf_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_examiner_conflict (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  examiner        VARCHAR(100) NOT NULL,
  inmate_id       BIGINT       NOT NULL,
  note            VARCHAR(500) NOT NULL,
  declared_at     TIMESTAMP(3) NOT NULL,
  INDEX ix_mecf (examiner, inmate_id),
  CONSTRAINT fk_mecf_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_panel_seat (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL,
  seat            INT          NOT NULL,
  examiner        VARCHAR(100) NOT NULL,
  assigned_by     VARCHAR(100) NOT NULL,
  assigned_at     TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_mps_seat UNIQUE (candidate_id, seat),
  CONSTRAINT uq_mps_examiner UNIQUE (candidate_id, examiner),
  CONSTRAINT ck_mps_seat CHECK (seat BETWEEN 1 AND 3),
  CONSTRAINT fk_mps_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- an examiner kept off a panel, and why (written even when the assignment itself is refused)
CREATE TABLE music_recusal (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL,
  examiner        VARCHAR(100) NOT NULL,
  reasons         VARCHAR(100) NOT NULL COMMENT 'TAUGHT SAME_SECTION DECLARED, space separated',
  recorded_by     VARCHAR(100) NOT NULL,
  recorded_at     TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mr_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_exam_mark (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL,
  examiner        VARCHAR(100) NOT NULL,
  item            VARCHAR(20)  NOT NULL COMMENT 'INTONATION RHYTHM TECHNIQUE EXPRESSION COMPLETENESS',
  score           INT          NOT NULL,
  marked_at       TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_mem UNIQUE (candidate_id, examiner, item),
  CONSTRAINT fk_mem_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_exam_result (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL UNIQUE,
  total           DECIMAL(6,2) NOT NULL,
  grade           VARCHAR(12)  NOT NULL COMMENT 'EXCELLENT GOOD PASS FAIL',
  third_examiner  BOOLEAN      NOT NULL,
  published_by    VARCHAR(100) NOT NULL,
  published_at    TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mer_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_certificate (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL UNIQUE,
  code            VARCHAR(20)  NOT NULL UNIQUE,
  sha256          CHAR(64)     NOT NULL,
  issued_at       TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mc_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_exam_credit (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidate_id    BIGINT       NOT NULL UNIQUE,
  entry_id        BIGINT       NOT NULL,
  confirmed_by    VARCHAR(100) NOT NULL,
  confirmed_at    TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mcr_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
