package cn.xinsheng.ledger.domain;

import java.util.Collection;

/**
 * Where a section-month's close stands, from the steps taken on it: computed, approved by a
 * reviewer, published (公示) to the section, locked. A section-month with no close is open. An inmate
 * sees his month only once it is published.
 */
public final class CloseState {

  public static final String OPEN = "OPEN";
  public static final String COMPUTED = "COMPUTED";
  public static final String APPROVED = "APPROVED";
  public static final String PUBLISHED = "PUBLISHED";
  public static final String LOCKED = "LOCKED";

  private CloseState() {}

  /** The furthest step taken: LOCKED, PUBLISHED, APPROVED, else COMPUTED. */
  public static String of(Collection<String> stepsTaken) {
    return stepsTaken.contains(LOCKED)
        ? LOCKED
        : stepsTaken.contains(PUBLISHED)
            ? PUBLISHED
            : stepsTaken.contains(APPROVED) ? APPROVED : COMPUTED;
  }

  /** Whether the inmate may see a month in this state: published or locked, not before. */
  public static boolean shownToInmate(String state) {
    return !state.equals(COMPUTED) && !state.equals(APPROVED);
  }
}
