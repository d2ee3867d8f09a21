-- issue 17: an administrator revokes a publisher key he trusted; a package it signed is then
-- refused at import. Kept apart from the trust, which is append-only.
CREATE TABLE publisher_key_revocation (
  key_id     BIGINT        NOT NULL PRIMARY KEY,
  reason     VARCHAR(500)  NOT NULL,
  revoked_by VARCHAR(64)   NOT NULL,
  revoked_at TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_publisher_key_revocation FOREIGN KEY (key_id) REFERENCES publisher_key (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
