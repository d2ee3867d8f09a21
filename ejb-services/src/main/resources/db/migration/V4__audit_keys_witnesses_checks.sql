-- The audit log's keys, witnesses, cosignatures and self-checks. All append-only: the
-- application's database account may insert and select, never update or delete.

-- What an entry is about, for exports of one inmate's records. An index only: the verifier reads
-- the leaf itself, never these columns.
ALTER TABLE audit_entry
  ADD COLUMN subject VARCHAR(200) NULL,
  ADD COLUMN inmate  CHAR(10)     NULL,
  ADD INDEX ix_audit_entry_inmate (inmate);

-- The prison's signing keys in the order they were used; a new key's first checkpoint (at
-- first_tree_size) is signed by the key before it too.
CREATE TABLE audit_key (
  seq             INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
  verifier_key    VARCHAR(300) NOT NULL UNIQUE,
  first_tree_size BIGINT       NOT NULL,
  created_at      TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Witnesses (the procuratorate) whose cosignatures the log accepts, registered by an administrator.
CREATE TABLE audit_witness (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(100) NOT NULL UNIQUE,
  verifier_key  VARCHAR(300) NOT NULL UNIQUE,
  description   VARCHAR(200) NOT NULL,
  registered_by VARCHAR(64)  NOT NULL,
  registered_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- A witness's cosignature of one checkpoint, as the signed note holding only the witness's line.
CREATE TABLE audit_cosignature (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  witness_id  BIGINT       NOT NULL,
  tree_size   BIGINT       NOT NULL,
  note        TEXT         NOT NULL,
  received_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT uq_audit_cosignature UNIQUE (witness_id, tree_size),
  CONSTRAINT fk_audit_cosignature_witness FOREIGN KEY (witness_id) REFERENCES audit_witness (id),
  CONSTRAINT fk_audit_cosignature_checkpoint FOREIGN KEY (tree_size)
    REFERENCES audit_checkpoint (tree_size)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Every run of the platform's own check of its log against its checkpoints.
CREATE TABLE audit_self_check (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  checked_at      TIMESTAMP(3)  NOT NULL,
  tree_size       BIGINT        NOT NULL,
  entries_checked BIGINT        NOT NULL,
  sound           BOOLEAN       NOT NULL,
  failure         VARCHAR(1000) NULL,
  duration_ms     BIGINT        NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
