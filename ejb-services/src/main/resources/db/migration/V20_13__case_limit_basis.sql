-- Issue 16: the lawful limit a reduction proposal kept (the maximum of one reduction, or the longest
-- term a life sentence may be commuted to) and the article of the rule that computed it — 法释〔2016〕23号
-- 第六条第二款 for the general rule, 第七条第一款/第二款 for the strict categories, 第八条 to 第十一条 for
-- life and 死缓, 第十九条/第二十条 for the larger amounts, 法释〔2019〕6号 for corruption. The court's
-- ruling above the limit is refused naming this article. One row per case, written with the
-- proposal; never changed (a case proposed before this table has none: its ruling names the article
-- the engine gives for the case on the day).
CREATE TABLE case_limit_basis (
  case_id       BIGINT        NOT NULL PRIMARY KEY,
  limit_months  INT           NULL,
  article       VARCHAR(200)  NOT NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  recorded_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_case_limit_basis_case FOREIGN KEY (case_id) REFERENCES reduction_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
