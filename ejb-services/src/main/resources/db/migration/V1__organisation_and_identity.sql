-- Organisation, people and identity. Tables whose COMMENT is 'append-only' get INSERT and SELECT
-- only for the application's database account (see the launcher's DatabaseGrants).

CREATE TABLE prison (
  id   BIGINT       NOT NULL PRIMARY KEY,
  code VARCHAR(32)  NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ward (
  id        BIGINT       NOT NULL PRIMARY KEY,
  prison_id BIGINT       NOT NULL,
  code      VARCHAR(32)  NOT NULL,
  name      VARCHAR(200) NOT NULL,
  CONSTRAINT uq_ward_code UNIQUE (prison_id, code),
  CONSTRAINT fk_ward_prison FOREIGN KEY (prison_id) REFERENCES prison (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE section (
  id      BIGINT       NOT NULL PRIMARY KEY,
  ward_id BIGINT       NOT NULL,
  code    VARCHAR(32)  NOT NULL,
  name    VARCHAR(200) NOT NULL,
  CONSTRAINT uq_section_code UNIQUE (ward_id, code),
  CONSTRAINT fk_section_ward FOREIGN KEY (ward_id) REFERENCES ward (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
  id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username             VARCHAR(64)  NOT NULL UNIQUE,
  display_name         VARCHAR(100) NOT NULL,
  password_hash        VARCHAR(255) NOT NULL,
  must_change_password BOOLEAN      NOT NULL,
  enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_attempts      INT          NOT NULL DEFAULT 0,
  locked_until         TIMESTAMP(3) NULL,
  last_login_at        TIMESTAMP(3) NULL,
  created_at           TIMESTAMP(3) NOT NULL,
  version              INT          NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account_role (
  account_id BIGINT      NOT NULL,
  role       VARCHAR(32) NOT NULL,
  PRIMARY KEY (account_id, role),
  CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT ck_account_role CHECK (role IN ('INMATE','OFFICER','REVIEWER','COMMITTEE','WARDEN',
    'PROSECUTOR','JUDGE','SUPERVISOR','LAWYER','TEACHER','EXAMINER','EDU_ADMIN','SYS_ADMIN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE officer_section (
  account_id BIGINT NOT NULL,
  section_id BIGINT NOT NULL,
  PRIMARY KEY (account_id, section_id),
  CONSTRAINT fk_officer_section_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_officer_section_section FOREIGN KEY (section_id) REFERENCES section (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inmate (
  id                   BIGINT       NOT NULL PRIMARY KEY,
  prisoner_number      CHAR(10)     NOT NULL UNIQUE,
  name                 VARCHAR(100) NOT NULL,
  section_id           BIGINT       NOT NULL,
  offence_category     VARCHAR(40)  NOT NULL,
  sentence_start       DATE         NOT NULL,
  sentence_months      INT          NULL,
  life_sentence        BOOLEAN      NOT NULL,
  current_sentence_end DATE         NULL,
  admission_date       DATE         NOT NULL,
  account_id           BIGINT       NULL UNIQUE,
  CONSTRAINT fk_inmate_section FOREIGN KEY (section_id) REFERENCES section (id),
  CONSTRAINT fk_inmate_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT ck_inmate_sentence CHECK ((life_sentence AND sentence_months IS NULL)
    OR (NOT life_sentence AND sentence_months BETWEEN 1 AND 300)),
  INDEX ix_inmate_section (section_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE identity_event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at TIMESTAMP(3) NOT NULL,
  actor       VARCHAR(64)  NULL,
  subject     VARCHAR(64)  NOT NULL,
  kind        VARCHAR(40)  NOT NULL,
  detail      VARCHAR(500) NULL,
  INDEX ix_identity_event_subject (subject, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Settings the launcher keeps about this database (e.g. that demo data was loaded).
CREATE TABLE installation_setting (
  name  VARCHAR(100) NOT NULL PRIMARY KEY,
  value VARCHAR(500) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
