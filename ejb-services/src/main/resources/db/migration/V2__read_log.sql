-- Every page or file an external reader (procuratorate, court, supervisor, lawyer) opens.
-- Append-only: the application's database account may only insert and select.
CREATE TABLE read_event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at TIMESTAMP(3) NOT NULL,
  username    VARCHAR(64)  NOT NULL,
  roles       VARCHAR(200) NOT NULL,
  method      VARCHAR(10)  NOT NULL,
  path        VARCHAR(500) NOT NULL,
  INDEX ix_read_event_user (username, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
