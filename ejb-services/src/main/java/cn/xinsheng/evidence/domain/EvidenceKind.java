package cn.xinsheng.evidence.domain;

/** What a piece of evidence is, as its content shows (never as its file name claims). */
public enum EvidenceKind {
  PHOTO,
  VIDEO,
  AUDIO,
  /** PDF and office documents. */
  DOCUMENT,
  /** A system record: a spreadsheet or CSV, e.g. a labour-output sheet. */
  RECORD
}
