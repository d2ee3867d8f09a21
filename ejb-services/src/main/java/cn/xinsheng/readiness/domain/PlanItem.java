package cn.xinsheng.readiness.domain;

import java.time.LocalDate;

/**
 * One item of a release plan: what is to be done, on which pathway, who owns it, and its deadline
 * counted from the release date, so that a ruling that moves the release date moves the deadline.
 * {@code daysFromRelease} is negative before release and positive after it (reporting to community
 * corrections). An item whose time limit the law counts from the parole ruling taking effect is
 * anchored there ({@link Anchor#PAROLE_RULING}); until that date is known it counts from release.
 */
public record PlanItem(
    String code,
    Pathway pathway,
    String zh,
    String en,
    String ownerZh,
    String ownerEn,
    int daysFromRelease,
    Anchor anchor,
    String basis) {

  /** The day an item's deadline is counted from. */
  public enum Anchor {
    RELEASE,
    PAROLE_RULING
  }

  public PlanItem {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,39}")) {
      throw new IllegalArgumentException("an item code is 1-40 of A-Z, 0-9 and _: " + code);
    }
    if (anchor == null
        || pathway == null
        || zh == null
        || en == null
        || ownerZh == null
        || ownerEn == null) {
      throw new IllegalArgumentException("an item has a pathway, a name and an owner: " + code);
    }
  }

  public LocalDate deadline(LocalDate release) {
    return release.plusDays(daysFromRelease);
  }

  /** The deadline given the parole ruling's effective date, where the item counts from it. */
  public LocalDate deadline(LocalDate release, java.util.Optional<LocalDate> paroleRuling) {
    LocalDate from = anchor == Anchor.PAROLE_RULING ? paroleRuling.orElse(release) : release;
    return from.plusDays(daysFromRelease);
  }
}
