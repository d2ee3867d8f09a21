-- issue 17: SCORM tracking that cannot be lost, and codes as wide as a package id.
--
-- A package id may be 100 characters (manifest.json's rule); `content pack` makes it the course
-- code of a SCORM package, so the course and programme codes take as many.
ALTER TABLE programme MODIFY code VARCHAR(100) NOT NULL;
ALTER TABLE course MODIFY code VARCHAR(100) NOT NULL;

-- Tracking per SCO of a lesson (a multi-SCO package has one row per item; '' is the lesson's first
-- or only SCO as tracked before), every element SCORM asks an LMS to persist, and the run-time
-- session a commit belongs to: a commit repeated (the beacon at LMSFinish and its confirming
-- fetch, a retry after a failure) counts its session time once.
ALTER TABLE scorm_track
  ADD COLUMN sco             VARCHAR(100)  NOT NULL DEFAULT '' AFTER lesson_id,
  ADD COLUMN standard        VARCHAR(10)   NOT NULL DEFAULT '1.2',
  ADD COLUMN success_status  VARCHAR(20)   NOT NULL DEFAULT 'unknown',
  ADD COLUMN score_min       DECIMAL(12,4) NULL,
  ADD COLUMN score_max       DECIMAL(12,4) NULL,
  ADD COLUMN exit_mode       VARCHAR(20)   NOT NULL DEFAULT '',
  ADD COLUMN kept_elements   MEDIUMTEXT    NULL COMMENT 'objectives, interactions, preferences, comments as JSON',
  ADD COLUMN session_key     VARCHAR(64)   NOT NULL DEFAULT '',
  ADD COLUMN session_seq     BIGINT        NOT NULL DEFAULT 0,
  ADD COLUMN session_seconds INT           NOT NULL DEFAULT 0,
  MODIFY score_raw DECIMAL(12,4) NULL,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (inmate_id, lesson_id, sco);
