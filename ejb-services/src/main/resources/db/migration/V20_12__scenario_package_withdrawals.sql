-- Issue 20: the education office withdraws (retires) an imported scenario package version
-- (docs/scenarios.md, "Withdrawing a package version"). Append-only: a withdrawal is a new row
-- pointing at the import, with the reason; the import and every attempt played from it stay as they
-- were. One withdrawal per version (the unique key settles two offices clicking at once).
CREATE TABLE scenario_package_withdrawal (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  package_row   BIGINT       NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  withdrawn_by  VARCHAR(100) NOT NULL,
  withdrawn_at  TIMESTAMP(3) NOT NULL,
  UNIQUE KEY uq_scenario_package_withdrawal (package_row),
  CONSTRAINT fk_scenario_package_withdrawal FOREIGN KEY (package_row) REFERENCES scenario_package (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only';
