-- Court-grade audit (issue 15). Leaves of form 2 and the business records entries bind.
-- Existing leaves keep tail NULL: they are leaves of form 1 (the entry alone) and verify as
-- before; the sequencer wraps every entry it takes from now on (index, the previous leaf's hash,
-- its subject-chain links, the time), and the first leaf of each subject's chain adopts the
-- subject's form-1 leaves by index, so an export of one inmate is provably complete across the
-- upgrade. Records written before the upgrade are not bound (their entries hold no binding);
-- the case package still compares them field by field with their entries, as before.

-- The part of a leaf of form 2 after the entry: {"entry":<leaf_data>,<tail>.
ALTER TABLE audit_leaf ADD COLUMN tail MEDIUMBLOB NULL;

-- Finding an entry by its subject (an export's head, a case package's marker).
ALTER TABLE audit_entry ADD INDEX ix_audit_entry_subject (subject);

-- Which business records an entry binds: an index to find the entry of a record when the record
-- is read, so the screen can check it. The binding itself is inside the entry.
CREATE TABLE audit_binding (
  table_name VARCHAR(64) NOT NULL,
  record_id  BIGINT      NOT NULL,
  entry_id   BIGINT      NOT NULL,
  PRIMARY KEY (table_name, record_id, entry_id),
  CONSTRAINT fk_audit_binding_entry FOREIGN KEY (entry_id) REFERENCES audit_entry (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
