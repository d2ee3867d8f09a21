-- Issue 19 (music-study): syllabi from signed content packages, the practice log, takes kept as
-- content-addressed evidence, their analysis (a background job's progress and result) and the
-- teacher's feedback. Records a court or an inmate may question are append-only (the application
-- account gets SELECT and INSERT only, SchemaMigration): a correction is a new row pointing at the
-- old one. Only the analysis job's row moves (queued → running → done), and the result is in the
-- audit log by its hash.

CREATE TABLE music_syllabus_package (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  package_id   VARCHAR(100) NOT NULL,
  version      BIGINT       NOT NULL,
  title        VARCHAR(500) NOT NULL,
  publisher    VARCHAR(500) NOT NULL,
  signed_by    VARCHAR(200) NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  content_dir  VARCHAR(300) NOT NULL,
  imported_by  VARCHAR(100) NOT NULL,
  imported_at  TIMESTAMP(3) NOT NULL,
  UNIQUE KEY uq_music_package (package_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- a syllabus per instrument and level and version; the newest version of an instrument and level
-- is the one in force, older ones stay because takes name their items
CREATE TABLE music_syllabus (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  package_row      BIGINT       NOT NULL,
  instrument_code  VARCHAR(20)  NOT NULL,
  level            INT          NOT NULL,
  version          BIGINT       NOT NULL,
  title            VARCHAR(200) NOT NULL,
  UNIQUE KEY uq_music_syllabus (instrument_code, level, version),
  CONSTRAINT fk_music_syllabus_package FOREIGN KEY (package_row) REFERENCES music_syllabus_package (id),
  CONSTRAINT fk_music_syllabus_instrument FOREIGN KEY (instrument_code) REFERENCES music_instrument (code),
  CONSTRAINT fk_music_syllabus_level FOREIGN KEY (level) REFERENCES music_level (level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_syllabus_item (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  syllabus_id       BIGINT       NOT NULL,
  item_key          VARCHAR(60)  NOT NULL,
  position          INT          NOT NULL,
  kind              VARCHAR(10)  NOT NULL COMMENT 'SCALE ETUDE PIECE',
  title             VARCHAR(200) NOT NULL,
  key_text          VARCHAR(20)  NOT NULL,
  tempo_bpm         DOUBLE       NOT NULL,
  tempo_mark        VARCHAR(40)  NOT NULL,
  expected_seconds  INT          NOT NULL,
  notation          MEDIUMTEXT   NOT NULL,
  sheet_file        VARCHAR(300) NOT NULL,
  sheet_type        VARCHAR(40)  NOT NULL,
  reference_file    VARCHAR(300) NOT NULL,
  UNIQUE KEY uq_music_item (syllabus_id, item_key),
  CONSTRAINT fk_music_item_syllabus FOREIGN KEY (syllabus_id) REFERENCES music_syllabus (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_practice (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id        BIGINT        NOT NULL,
  instrument_code  VARCHAR(20)   NOT NULL,
  practised_on     DATE          NOT NULL,
  minutes          INT           NOT NULL,
  items            VARCHAR(1000) NOT NULL COMMENT 'syllabus item ids, comma separated',
  note             VARCHAR(500)  NULL,
  entered_by       VARCHAR(100)  NOT NULL,
  entered_at       TIMESTAMP(3)  NOT NULL,
  KEY ix_music_practice_inmate (inmate_id, practised_on),
  CONSTRAINT fk_music_practice_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_music_practice_instrument FOREIGN KEY (instrument_code) REFERENCES music_instrument (code),
  CONSTRAINT ck_music_practice_minutes CHECK (minutes BETWEEN 1 AND 600)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE music_take (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id         BIGINT       NOT NULL,
  instrument_code   VARCHAR(20)  NULL,
  item_id           BIGINT       NULL,
  purpose           VARCHAR(10)  NOT NULL COMMENT 'PRACTICE EXAM',
  source            VARCHAR(10)  NOT NULL COMMENT 'TERMINAL UPLOAD',
  sha256            CHAR(64)     NOT NULL,
  media_type        VARCHAR(60)  NOT NULL,
  format_label      VARCHAR(40)  NOT NULL,
  size_bytes        BIGINT       NOT NULL,
  duration_seconds  DOUBLE       NOT NULL,
  recorded_by       VARCHAR(100) NOT NULL,
  recorded_at       TIMESTAMP(3) NOT NULL,
  KEY ix_music_take_inmate (inmate_id, recorded_at),
  CONSTRAINT fk_music_take_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_music_take_item FOREIGN KEY (item_id) REFERENCES music_syllabus_item (id),
  CONSTRAINT fk_music_take_instrument FOREIGN KEY (instrument_code) REFERENCES music_instrument (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- the background job's state: QUEUED, RUNNING (progress 0–100), DONE (result JSON), FAILED
CREATE TABLE music_take_analysis (
  take_id      BIGINT        NOT NULL PRIMARY KEY,
  state        VARCHAR(10)   NOT NULL,
  progress     INT           NOT NULL DEFAULT 0,
  queued_at    TIMESTAMP(3)  NOT NULL,
  started_at   TIMESTAMP(3)  NULL,
  finished_at  TIMESTAMP(3)  NULL,
  result       LONGTEXT      NULL,
  result_sha256 CHAR(64)     NULL,
  failure_zh   VARCHAR(500)  NULL,
  failure_en   VARCHAR(500)  NULL,
  CONSTRAINT fk_music_analysis_take FOREIGN KEY (take_id) REFERENCES music_take (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE music_take_feedback (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  take_id     BIGINT        NOT NULL,
  text        VARCHAR(2000) NOT NULL,
  corrects    BIGINT        NULL COMMENT 'the earlier feedback this one corrects',
  written_by  VARCHAR(100)  NOT NULL,
  written_at  TIMESTAMP(3)  NOT NULL,
  KEY ix_music_feedback_take (take_id),
  CONSTRAINT fk_music_feedback_take FOREIGN KEY (take_id) REFERENCES music_take (id),
  CONSTRAINT fk_music_feedback_corrects FOREIGN KEY (corrects) REFERENCES music_take_feedback (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
