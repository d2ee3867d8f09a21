package cn.xinsheng.cases.domain;

/** What a row of a case's history records. */
public enum CaseEventType {
  /** A step signed by its owner. */
  STEP,
  /** Sent back to an earlier step, with the reason. */
  RETURN,
  /** A committee member's vote or abstention. */
  VOTE,
  /** An objection received during the posting inside the prison. */
  POSTING_OBJECTION,
  /** The procuratorate's opinion: agree or object, with reasons. */
  PROCURATORATE_OPINION,
  /** The procuratorate's deadline extended by its second period. */
  PROCURATORATE_EXTENSION,
  /**
   * An objection received during the court's posting (法释〔2014〕5号第三条), recorded by the court: the
   * hearing becomes mandatory (第六条第（三）项).
   */
  COURT_POSTING_OBJECTION,
  /** The court takes one more month (法释〔2014〕5号第一条), never for 死缓. */
  COURT_EXTENSION,
  /** A lawyer given access to this case by the department. */
  LAWYER_GRANT,
  /** A granted lawyer's written opinion. */
  LAWYER_OPINION
}
