-- Issue 12: two races of check-then-insert closed in the database.
--
-- Case numbers (JX-2026-0001) came from COUNT(*)+1, so two proposals at once took the same number
-- and one failed on the unique key. Each year's last serial is now a row that a proposal takes
-- under its lock, as the first thing it does; so proposals wait for each other, and the check that
-- an inmate has no open case reads what the one before committed.
CREATE TABLE case_serial (
  year        INT NOT NULL PRIMARY KEY,
  last_serial INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='counter';

INSERT INTO case_serial (year, last_serial)
SELECT CAST(SUBSTRING(number, 4, 4) AS UNSIGNED), MAX(CAST(SUBSTRING(number, 9) AS UNSIGNED))
FROM reduction_case
GROUP BY CAST(SUBSTRING(number, 4, 4) AS UNSIGNED);

-- A quiz's attempts are numbered per inmate; two attempts started at once cannot both be number n,
-- so no limit of attempts is ever exceeded.
ALTER TABLE quiz_attempt ADD COLUMN attempt_no INT NULL AFTER inmate_id;

UPDATE quiz_attempt a
JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY quiz_id, inmate_id ORDER BY id) AS n
      FROM quiz_attempt) x ON x.id = a.id
SET a.attempt_no = x.n;

ALTER TABLE quiz_attempt MODIFY attempt_no INT NOT NULL;
ALTER TABLE quiz_attempt ADD CONSTRAINT uq_quiz_attempt_no UNIQUE (quiz_id, inmate_id, attempt_no);
