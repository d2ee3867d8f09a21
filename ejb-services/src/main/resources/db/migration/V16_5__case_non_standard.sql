-- Issue 16: a proposal that departs from the general rule — before the general first wait or
-- interval (重大立功, 法释〔2016〕23号第六条第四款 etc.; 第十九条、第二十条), or above the general amount
-- (第十九条、第二十条) — with the article of the exception it rests on. Such a case must be heard
-- (法释〔2014〕5号第六条第（二）项). One row per case, written with the proposal.
CREATE TABLE case_non_standard (
  case_id      BIGINT        NOT NULL PRIMARY KEY,
  ground       VARCHAR(10)   NOT NULL,
  article      VARCHAR(200)  NOT NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_case_non_standard_case FOREIGN KEY (case_id) REFERENCES reduction_case (id),
  CONSTRAINT ck_case_non_standard_ground CHECK (ground IN ('WAIT','AMOUNT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
