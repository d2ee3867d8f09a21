package cn.xinsheng.ledger.domain;

/** Where an entry version stands in the four-eyes review. */
public enum EntryStatus {
  /** Waiting for a reviewer. */
  PENDING,
  APPROVED,
  /** Sent back with a reason; its author must amend it (a new version) — "您有一条信息没有通过审核". */
  RETURNED,
  /** Returned and replaced by a newer version. */
  AMENDED;

  /** The status from the version's review decision (null when none yet) and its successor. */
  public static EntryStatus of(ReviewDecision decision, boolean superseded) {
    if (superseded) {
      return AMENDED;
    }
    if (decision == null) {
      return PENDING;
    }
    return decision == ReviewDecision.APPROVED ? APPROVED : RETURNED;
  }
}
