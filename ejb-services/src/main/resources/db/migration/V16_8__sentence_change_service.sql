-- The day a court's reduction or commutation ruling was served (送达) on the prison. The interval to
-- the next reduction runs from it, not from the ruling (法释〔2016〕23号第四十条第二款: "减刑间隔时间，是指
-- 前一次减刑裁定送达之日起至本次减刑报请之日止的期间"); the term itself moves from the ruling (刑法第八十条).
-- Written when the case's service step is signed, one row per change; never updated (append-only).
CREATE TABLE sentence_change_service (
  sentence_change_id  BIGINT        NOT NULL PRIMARY KEY,
  served_on           DATE          NOT NULL,
  recorded_by         VARCHAR(64)   NOT NULL,
  recorded_at         TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_sentence_change_service FOREIGN KEY (sentence_change_id)
    REFERENCES sentence_change (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
