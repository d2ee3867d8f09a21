-- Learning at the terminals: content packages from trusted publishers, programmes and courses,
-- lessons, quizzes, assignments, enrolment, progress, SCORM tracking. Records a grade rests on
-- (attempts, submissions, grades, imports, trusted keys) are append-only; progress and the
-- current version of a course's content are kept up to date in place.

-- A publisher's Ed25519 verifier key, trusted by an administrator.
CREATE TABLE publisher_key (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(100)  NOT NULL,
  verifier_key VARCHAR(300)  NOT NULL UNIQUE,
  description  VARCHAR(500)  NOT NULL,
  trusted_by   VARCHAR(64)   NOT NULL,
  trusted_at   TIMESTAMP(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE programme (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code             VARCHAR(40)   NOT NULL UNIQUE,
  title            VARCHAR(200)  NOT NULL,
  kind             VARCHAR(12)   NOT NULL,
  required_credits INT           NOT NULL,
  pass_mark        INT           NOT NULL,
  nominal_months   INT           NOT NULL,
  limit_months     INT           NOT NULL,
  CONSTRAINT ck_programme_kind CHECK (kind IN ('DIPLOMA','ADMISSION','RELEASE','READING','LAW','CRAFT','VOCATIONAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code            VARCHAR(40)   NOT NULL UNIQUE,
  programme_id    BIGINT        NOT NULL,
  title           VARCHAR(200)  NOT NULL,
  credits         INT           NOT NULL,
  package_id      VARCHAR(100)  NOT NULL,
  package_version BIGINT        NOT NULL,
  content_dir     VARCHAR(300)  NOT NULL,
  updated_at      TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_course_programme FOREIGN KEY (programme_id) REFERENCES programme (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every import, kept: which package, which version, who signed it, who brought it in.
CREATE TABLE content_package (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  package_id  VARCHAR(100)  NOT NULL,
  version     BIGINT        NOT NULL,
  title       VARCHAR(500)  NOT NULL,
  publisher   VARCHAR(500)  NOT NULL,
  signed_by   VARCHAR(300)  NOT NULL,
  sha256      CHAR(64)      NOT NULL,
  size_bytes  BIGINT        NOT NULL,
  course_id   BIGINT        NOT NULL,
  imported_by VARCHAR(64)   NOT NULL,
  imported_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uq_content_package UNIQUE (package_id, version),
  CONSTRAINT fk_content_package_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Lessons, quizzes and assignments by their stable key: a newer package version updates them in
-- place, so learners' progress, attempts and submissions stay attached.
CREATE TABLE lesson (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  course_id     BIGINT        NOT NULL,
  lesson_key    VARCHAR(100)  NOT NULL,
  section_no    INT           NOT NULL,
  section_title VARCHAR(200)  NOT NULL,
  position      INT           NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  kind          VARCHAR(10)   NOT NULL,
  file          VARCHAR(500)  NOT NULL,
  active        BOOLEAN       NOT NULL,
  CONSTRAINT uq_lesson UNIQUE (course_id, lesson_key),
  CONSTRAINT fk_lesson_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quiz (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  course_id          BIGINT        NOT NULL,
  quiz_key           VARCHAR(100)  NOT NULL,
  title              VARCHAR(200)  NOT NULL,
  time_limit_minutes INT           NOT NULL,
  attempts           INT           NOT NULL,
  shuffle            BOOLEAN       NOT NULL,
  pass_mark          INT           NOT NULL,
  questions          MEDIUMTEXT    NOT NULL,
  draws              TEXT          NOT NULL,
  active             BOOLEAN       NOT NULL,
  CONSTRAINT uq_quiz UNIQUE (course_id, quiz_key),
  CONSTRAINT fk_quiz_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A course's question banks (questions by category, in the question text format): a quiz may draw
-- a number of questions of a category from a bank at each attempt.
CREATE TABLE question_bank (
  id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  course_id BIGINT        NOT NULL,
  bank_key  VARCHAR(100)  NOT NULL,
  title     VARCHAR(200)  NOT NULL,
  questions MEDIUMTEXT    NOT NULL,
  CONSTRAINT uq_question_bank UNIQUE (course_id, bank_key),
  CONSTRAINT fk_question_bank_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assignment (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  course_id       BIGINT        NOT NULL,
  assignment_key  VARCHAR(100)  NOT NULL,
  title           VARCHAR(200)  NOT NULL,
  instructions    TEXT          NOT NULL,
  due_days        INT           NOT NULL,
  allow_resubmit  BOOLEAN       NOT NULL,
  max_points      INT           NOT NULL,
  rubric          TEXT          NOT NULL,
  active          BOOLEAN       NOT NULL,
  CONSTRAINT uq_assignment UNIQUE (course_id, assignment_key),
  CONSTRAINT fk_assignment_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A cohort of inmates taking a programme, with its teacher; enrolment per course.
CREATE TABLE cohort (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(200)  NOT NULL,
  programme_id BIGINT        NOT NULL,
  teacher      VARCHAR(64)   NOT NULL,
  starts_on    DATE          NOT NULL,
  created_by   VARCHAR(64)   NOT NULL,
  created_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_cohort_programme FOREIGN KEY (programme_id) REFERENCES programme (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE enrolment (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id   BIGINT        NOT NULL,
  course_id   BIGINT        NOT NULL,
  cohort_id   BIGINT        NOT NULL,
  enrolled_by VARCHAR(64)   NOT NULL,
  enrolled_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uq_enrolment UNIQUE (inmate_id, course_id),
  CONSTRAINT fk_enrolment_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_enrolment_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_enrolment_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Where a learner stands in a lesson: for resuming after a time-out, and study time.
CREATE TABLE lesson_progress (
  inmate_id        BIGINT        NOT NULL,
  lesson_id        BIGINT        NOT NULL,
  position_seconds INT           NOT NULL,
  seconds_spent    INT           NOT NULL,
  completed_at     TIMESTAMP(3)  NULL,
  last_seen_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (inmate_id, lesson_id),
  CONSTRAINT fk_lesson_progress_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quiz_attempt (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  quiz_id       BIGINT        NOT NULL,
  inmate_id     BIGINT        NOT NULL,
  started_at    TIMESTAMP(3)  NOT NULL,
  deadline_at   TIMESTAMP(3)  NULL,
  question_keys TEXT          NOT NULL,
  CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  INDEX ix_quiz_attempt (quiz_id, inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The answers handed in and each grading of them (automatic, a teacher's for essays, a re-grade):
-- the latest grading counts, the earlier ones stay.
CREATE TABLE quiz_submission (
  attempt_id   BIGINT        NOT NULL PRIMARY KEY,
  answers      MEDIUMTEXT    NOT NULL,
  submitted_at TIMESTAMP(3)  NOT NULL,
  late         BOOLEAN       NOT NULL,
  CONSTRAINT fk_quiz_submission FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE quiz_grading (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  attempt_id  BIGINT        NOT NULL,
  score       DECIMAL(8,2)  NOT NULL,
  max_score   DECIMAL(8,2)  NOT NULL,
  pending     INT           NOT NULL,
  detail      MEDIUMTEXT    NOT NULL,
  graded_by   VARCHAR(64)   NOT NULL,
  graded_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_quiz_grading FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id),
  INDEX ix_quiz_grading (attempt_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE submission (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assignment_id BIGINT        NOT NULL,
  inmate_id     BIGINT        NOT NULL,
  text          MEDIUMTEXT    NOT NULL,
  file_name     VARCHAR(255)  NULL,
  file_sha256   CHAR(64)      NULL,
  submitted_at  TIMESTAMP(3)  NOT NULL,
  late          BOOLEAN       NOT NULL,
  CONSTRAINT fk_submission_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id),
  INDEX ix_submission (assignment_id, inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE submission_grade (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  submission_id BIGINT        NOT NULL,
  points        INT           NOT NULL,
  rubric        TEXT          NOT NULL,
  feedback      TEXT          NOT NULL,
  graded_by     VARCHAR(64)   NOT NULL,
  graded_at     TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_submission_grade FOREIGN KEY (submission_id) REFERENCES submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- SCORM 1.2 run-time data per learner and SCO, as the SCO last committed it.
CREATE TABLE scorm_track (
  inmate_id       BIGINT        NOT NULL,
  lesson_id       BIGINT        NOT NULL,
  lesson_status   VARCHAR(20)   NOT NULL,
  score_raw       DECIMAL(6,2)  NULL,
  lesson_location VARCHAR(255)  NOT NULL,
  suspend_data    TEXT          NOT NULL,
  total_seconds   INT           NOT NULL,
  updated_at      TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (inmate_id, lesson_id),
  CONSTRAINT fk_scorm_track_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A completed course or a passed quiz turned into a points-ledger entry by an officer: the entry
-- then waits for a second officer's review like any other. One credit per achievement.
CREATE TABLE education_credit (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id    BIGINT        NOT NULL,
  course_id    BIGINT        NOT NULL,
  quiz_id      BIGINT        NOT NULL DEFAULT 0,
  entry_id     BIGINT        NOT NULL,
  confirmed_by VARCHAR(64)   NOT NULL,
  confirmed_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uq_education_credit UNIQUE (inmate_id, course_id, quiz_id),
  CONSTRAINT fk_education_credit_entry FOREIGN KEY (entry_id) REFERENCES point_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
