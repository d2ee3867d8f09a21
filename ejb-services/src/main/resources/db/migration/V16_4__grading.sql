-- Issue 16, deliverable 7 (DOMAIN §2, 司规〔2021〕3号): grading (等级评定) of a closed 600-point cycle
-- is the section's proposal, approved by the prison by another person. The approval writes the
-- cycle's decision (cycle_decision), which is what proposals cite. Append-only: a rejection leaves
-- the proposal and its rejection; the section may propose again.
CREATE TABLE grading_proposal (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id    BIGINT        NOT NULL,
  result      VARCHAR(12)   NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  proposed_by VARCHAR(64)   NOT NULL,
  proposed_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_grading_proposal_cycle FOREIGN KEY (cycle_id) REFERENCES assessment_cycle (id),
  CONSTRAINT ck_grading_proposal CHECK (result IN ('PRAISE','MATERIAL','NONE')),
  INDEX ix_grading_proposal (cycle_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

CREATE TABLE grading_approval (
  proposal_id BIGINT        NOT NULL PRIMARY KEY,
  decision    VARCHAR(10)   NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  approved_by VARCHAR(64)   NOT NULL,
  approved_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_grading_approval FOREIGN KEY (proposal_id) REFERENCES grading_proposal (id),
  CONSTRAINT ck_grading_approval CHECK (decision IN ('APPROVED','REJECTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
