-- Issue 16, deliverable 6: life and 死缓 cases go through the provincial prison administration
-- bureau to the high court (司法部令第130号第四条; 法释〔2014〕5号第一条).
-- Two new roles: the bureau's penalty-execution division (BUREAU) and the high court's judge
-- (HIGH_JUDGE).
ALTER TABLE account_role DROP CONSTRAINT ck_account_role;
ALTER TABLE account_role ADD CONSTRAINT ck_account_role CHECK (role IN ('INMATE','OFFICER',
  'REVIEWER','COMMITTEE','WARDEN','PROSECUTOR','JUDGE','SUPERVISOR','LAWYER','TEACHER','EXAMINER',
  'EDU_ADMIN','SYS_ADMIN','EXECUTION','BUREAU','HIGH_JUDGE'));

-- The track a case takes, fixed at its proposal from the sentence in execution then: FIXED_TERM to
-- the intermediate court, LIFE or DEATH_REPRIEVE through the bureau to the high court. Cases
-- proposed before this migration were all fixed-term or life cases sent to the intermediate court's
-- steps; they keep that path.
ALTER TABLE reduction_case ADD COLUMN court_track VARCHAR(16) NOT NULL DEFAULT 'FIXED_TERM';
ALTER TABLE reduction_case ADD CONSTRAINT ck_reduction_case_track CHECK (court_track IN
  ('FIXED_TERM','LIFE','DEATH_REPRIEVE'));
