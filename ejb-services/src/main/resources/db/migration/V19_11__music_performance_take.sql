-- Issue 19 (items 3 and 10): a candidate's recorded performance is also kept as an EXAM take, so
-- that its pitch and tempo are analysed like any take's and drawn for the inmate, his teacher and
-- the examiners on his panel. The link says which take is which candidate's performance; an
-- examiner reads an exam take only through it (his seat on that candidate's panel). Written once.
CREATE TABLE music_performance_take (
  candidate_id  BIGINT       NOT NULL PRIMARY KEY,
  take_id       BIGINT       NOT NULL UNIQUE,
  linked_at     TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_mpt_candidate FOREIGN KEY (candidate_id) REFERENCES music_exam_candidate (id),
  CONSTRAINT fk_mpt_take FOREIGN KEY (take_id) REFERENCES music_take (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
