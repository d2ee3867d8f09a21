-- issue 14: login counts per account name (known or not), trusted browser and source address,
-- claimed under a row lock so that parallel guesses are all counted; and the browsers a user has
-- logged in from, which keep their own count (a stranger's guesses do not shut them out).
CREATE TABLE login_throttle (
  throttle_key VARCHAR(200) NOT NULL PRIMARY KEY,
  failures     INT          NOT NULL DEFAULT 0,
  pending      INT          NOT NULL DEFAULT 0,
  locks        INT          NOT NULL DEFAULT 0,
  locked_until DATETIME(6)  NULL,
  updated_at   DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE login_browser (
  token_hash CHAR(64)    NOT NULL PRIMARY KEY,
  username   VARCHAR(64) NOT NULL,
  issued_at  DATETIME(6) NOT NULL,
  INDEX ix_login_browser_user (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
