-- The tamper-evident audit log. All three tables are append-only: the application's database
-- account may insert and select, never update or delete.

-- An event, written in the same transaction as the business record it covers.
CREATE TABLE audit_entry (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  leaf_data  MEDIUMBLOB   NOT NULL,
  leaf_hash  BINARY(32)   NOT NULL,
  created_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Its place in the Merkle tree, given by the sequencer: leaf indexes are dense from 0.
CREATE TABLE audit_leaf (
  leaf_index BIGINT     NOT NULL PRIMARY KEY,
  entry_id   BIGINT     NOT NULL UNIQUE,
  leaf_hash  BINARY(32) NOT NULL,
  CONSTRAINT fk_audit_leaf_entry FOREIGN KEY (entry_id) REFERENCES audit_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';

-- Every signed checkpoint, as its signed-note text.
CREATE TABLE audit_checkpoint (
  tree_size  BIGINT       NOT NULL PRIMARY KEY,
  note       TEXT         NOT NULL,
  created_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
