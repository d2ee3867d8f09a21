package cn.xinsheng.ledger.domain;

/** How an objection was handled. */
public enum ObjectionOutcome {
  /** The objection was right: the entry is corrected (the correction is linked). */
  UPHELD,
  /** Partly right. */
  PARTLY_UPHELD,
  /** The entry stands, with the reasons. */
  REJECTED
}
