package cn.xinsheng.cases.domain;

/** Where an inmate stands on the run date for one kind of case. */
public enum EligibilityOutcome {
  /** May be proposed now. */
  ELIGIBLE,
  /** Becomes eligible within the near-miss window: listed so the section can prepare. */
  NEAR_MISS,
  /** Not yet, and not soon. */
  NOT_YET,
  /** A rule bars it (unpaid property penalty, sentence ended, …) whatever the time served. */
  BLOCKED
}
