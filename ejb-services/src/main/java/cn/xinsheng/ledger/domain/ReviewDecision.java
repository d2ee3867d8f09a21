package cn.xinsheng.ledger.domain;

/** A reviewer's decision on one entry version. */
public enum ReviewDecision {
  APPROVED,
  RETURNED
}
