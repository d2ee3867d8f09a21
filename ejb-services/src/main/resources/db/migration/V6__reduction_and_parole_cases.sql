-- Sentence reduction and parole (减刑/假释): eligibility, the case and every step of it, the
-- review committee, the court's and the procuratorate's records. Every table here is append-only
-- (COMMENT 'append-only'): a case's state is the fold of its events; a correction is a new event.

-- The penalty-execution department (刑罚执行科): reviews proposals, runs the committee's agenda,
-- posts, submits to the court, serves the ruling, grants a lawyer access to a case.
ALTER TABLE account_role DROP CONSTRAINT ck_account_role;
ALTER TABLE account_role ADD CONSTRAINT ck_account_role CHECK (role IN ('INMATE','OFFICER',
  'REVIEWER','COMMITTEE','WARDEN','PROSECUTOR','JUDGE','SUPERVISOR','LAWYER','TEACHER','EXAMINER',
  'EDU_ADMIN','SYS_ADMIN','EXECUTION'));

-- Facts about a sentence that eligibility rests on, as the court's judgments and the execution
-- records give them: unpaid property penalties (财产性判项), major merit (重大立功), offences the
-- rules treat more strictly, earlier reductions from before this system, a life term commuted.
-- The latest row of a kind is in force.
CREATE TABLE sentence_fact (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id    BIGINT        NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  active       BOOLEAN       NOT NULL,
  effective_on DATE          NOT NULL,
  months       INT           NULL,
  note         VARCHAR(500)  NOT NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_sentence_fact_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT ck_sentence_fact_kind CHECK (kind IN ('PROPERTY_UNPAID','MAJOR_MERIT','STRICT',
    'PRIOR_REDUCTION','LIFE_COMMUTED')),
  INDEX ix_sentence_fact_inmate (inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A monthly eligibility run: which rule-table version, by whom, and one result per inmate and kind.
CREATE TABLE eligibility_run (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  as_of        DATE         NOT NULL,
  rule_version VARCHAR(40)  NOT NULL,
  scope        VARCHAR(100) NOT NULL,
  inmates      INT          NOT NULL,
  run_by       VARCHAR(64)  NOT NULL,
  run_at       TIMESTAMP(3) NOT NULL,
  INDEX ix_eligibility_run (as_of)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE eligibility_result (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id        BIGINT        NOT NULL,
  inmate_id     BIGINT        NOT NULL,
  section_id    BIGINT        NOT NULL,
  kind          VARCHAR(10)   NOT NULL,
  outcome       VARCHAR(12)   NOT NULL,
  eligible_on   DATE          NULL,
  max_months    INT           NULL,
  reason_key    VARCHAR(80)   NOT NULL,
  reason_args   VARCHAR(500)  NOT NULL,
  CONSTRAINT fk_eligibility_result_run FOREIGN KEY (run_id) REFERENCES eligibility_run (id),
  CONSTRAINT fk_eligibility_result_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT ck_eligibility_kind CHECK (kind IN ('REDUCTION','PAROLE')),
  CONSTRAINT ck_eligibility_outcome CHECK (outcome IN ('ELIGIBLE','NEAR_MISS','NOT_YET','BLOCKED')),
  INDEX ix_eligibility_result (run_id, section_id, outcome)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A reduction or parole case, as proposed by a section. Never changed: its steps are events.
CREATE TABLE reduction_case (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number             VARCHAR(20)   NOT NULL UNIQUE,
  inmate_id          BIGINT        NOT NULL,
  section_id         BIGINT        NOT NULL,
  kind               VARCHAR(10)   NOT NULL,
  proposed_months    INT           NULL,
  max_months         INT           NULL,
  rationale          VARCHAR(4000) NOT NULL,
  eligibility_id     BIGINT        NOT NULL,
  rule_version       VARCHAR(40)   NOT NULL,
  posting_days       INT           NOT NULL,
  hearing_required   BOOLEAN       NOT NULL,
  created_by         VARCHAR(64)   NOT NULL,
  created_at         TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_reduction_case_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_reduction_case_section FOREIGN KEY (section_id) REFERENCES section (id),
  CONSTRAINT fk_reduction_case_eligibility FOREIGN KEY (eligibility_id) REFERENCES eligibility_result (id),
  CONSTRAINT ck_reduction_case_kind CHECK (kind IN ('REDUCTION','PAROLE')),
  INDEX ix_reduction_case_inmate (inmate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- The assessment cycles (and their commendations) a proposal rests on.
CREATE TABLE case_cycle (
  case_id  BIGINT NOT NULL,
  cycle_id BIGINT NOT NULL,
  PRIMARY KEY (case_id, cycle_id),
  CONSTRAINT fk_case_cycle_case FOREIGN KEY (case_id) REFERENCES reduction_case (id),
  CONSTRAINT fk_case_cycle_cycle FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A review-committee meeting: its members (at least 9) and its agenda.
CREATE TABLE committee_meeting (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  held_on    DATE          NOT NULL,
  title      VARCHAR(200)  NOT NULL,
  created_by VARCHAR(64)   NOT NULL,
  created_at TIMESTAMP(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE committee_member (
  meeting_id BIGINT      NOT NULL,
  username   VARCHAR(64) NOT NULL,
  PRIMARY KEY (meeting_id, username),
  CONSTRAINT fk_committee_member_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meeting (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE committee_agenda (
  meeting_id BIGINT NOT NULL,
  case_id    BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, case_id),
  CONSTRAINT fk_committee_agenda_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meeting (id),
  CONSTRAINT fk_committee_agenda_case FOREIGN KEY (case_id) REFERENCES reduction_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Everything that happens to a case, in order: a step signed, a return with its reason, a vote, an
-- objection during posting, an opinion, the court's records, the lawyer's grant. Who signed and
-- when is on every row ("谁签字谁负责").
CREATE TABLE case_event (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id        BIGINT        NOT NULL,
  type           VARCHAR(30)   NOT NULL,
  step           VARCHAR(20)   NULL,
  signed_by      VARCHAR(64)   NOT NULL,
  signed_role    VARCHAR(200)  NOT NULL,
  signed_at      TIMESTAMP(3)  NOT NULL,
  note           VARCHAR(4000) NOT NULL,
  choice         VARCHAR(12)   NULL,
  months         INT           NULL,
  on_date        DATE          NULL,
  party          VARCHAR(64)   NULL,
  meeting_id     BIGINT        NULL,
  attachment_id  BIGINT        NULL,
  late           BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES reduction_case (id),
  CONSTRAINT fk_case_event_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meeting (id),
  CONSTRAINT fk_case_event_attachment FOREIGN KEY (attachment_id) REFERENCES evidence (id),
  INDEX ix_case_event_case (case_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- What a sentence became by a ruling: the end date before and after. The inmate row's
-- current_sentence_end follows the latest of these.
CREATE TABLE sentence_change (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  inmate_id    BIGINT        NOT NULL,
  case_id      BIGINT        NOT NULL,
  kind         VARCHAR(10)   NOT NULL,
  ruled_on     DATE          NOT NULL,
  months       INT           NOT NULL,
  previous_end DATE          NULL,
  new_end      DATE          NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_sentence_change_inmate FOREIGN KEY (inmate_id) REFERENCES inmate (id),
  CONSTRAINT fk_sentence_change_case FOREIGN KEY (case_id) REFERENCES reduction_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A finding by an external reader on a case item runs the objection loop inside the prison.
ALTER TABLE objection ADD COLUMN case_id BIGINT NULL,
  ADD CONSTRAINT fk_objection_case FOREIGN KEY (case_id) REFERENCES reduction_case (id);
ALTER TABLE objection DROP CONSTRAINT ck_objection_target;
ALTER TABLE objection ADD CONSTRAINT ck_objection_target CHECK (target_type IN ('ENTRY','MONTH','CASE'));
