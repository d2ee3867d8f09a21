-- Issue 16, from the outside law check (docs/law-check/REPORT.md N2, N3). Two facts of a judgment
-- the rules look at and the record could not hold:
-- * minor_while_serving: under 18 while serving, before the proposal (法释〔2016〕23号第十九条). The
--   old juvenile column keeps its documented meaning, under 18 at the time of the crime (第二十六条
--   第三项, parole leniency only). Rows written before this column are false: whoever relied on
--   juvenile for 第十九条 records the sentence again (a new row; records are append-only).
-- * combined_sentence: life or 死缓 imposed for several crimes together (数罪并罚), a strict category
--   of 第九条 and 第十一条.
-- * violent_term_months: in a fixed term combining several crimes, the term the violent offence
--   itself was given; 刑法第八十一条第二款 and 第七条第二款 look at it, not the total (N1). Null: the
--   whole term is the violent offence's, as before.
ALTER TABLE sentence_record
  ADD COLUMN minor_while_serving BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN combined_sentence BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN violent_term_months INT NULL;
