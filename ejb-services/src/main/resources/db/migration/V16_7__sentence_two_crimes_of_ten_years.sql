-- Issue 16, 法释〔2016〕23号第七条第二款: "数罪并罚且其中两罪以上被判处十年以上有期徒刑的罪犯" are reduced
-- as a strict category (two years before the first reduction, at most one year each, eighteen months
-- apart) whatever the offences. The judgment's total alone cannot tell it: a 15-year combined term
-- may be one crime of 12 years and one of 5. Rows written before this column are false, as the
-- engine read them; a record showing otherwise is recorded again (a new row; append-only).
ALTER TABLE sentence_record
  ADD COLUMN two_crimes_of_ten_years BOOLEAN NOT NULL DEFAULT FALSE;
