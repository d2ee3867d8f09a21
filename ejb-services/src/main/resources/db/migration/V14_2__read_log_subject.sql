-- issue 14, finding 7: a read names what was read (the case or the inmate) and keeps its query
ALTER TABLE read_event
  ADD COLUMN query   VARCHAR(500) NULL,
  ADD COLUMN subject VARCHAR(200) NULL,
  ADD INDEX ix_read_event_subject (subject, occurred_at);
