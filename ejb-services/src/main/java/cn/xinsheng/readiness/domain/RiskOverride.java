package cn.xinsheng.readiness.domain;

/**
 * An officer's override of a scored level (DOMAIN §6: "an officer override needs a reason"). The
 * score stays on record; the override is a new record beside it, with the reason and the signatures
 * of two different officers, and it goes through the audit log.
 */
public record RiskOverride(
    RiskLevel scored, RiskLevel decided, String reason, String officer, String secondOfficer) {

  /** The shortest reason the rules accept: a few words, not a tick. */
  public static final int MIN_REASON = 10;

  public static final int MAX_REASON = 2000;

  public RiskOverride {
    if (scored == null || decided == null) {
      throw new ReadinessRefusal("risk.error.overrideLevel", "decided");
    }
    if (scored == decided) {
      throw new ReadinessRefusal("risk.error.overrideSame", "decided");
    }
    String r = reason == null ? "" : reason.strip();
    if (r.codePointCount(0, r.length()) < MIN_REASON || r.length() > MAX_REASON) {
      throw new ReadinessRefusal("risk.error.overrideReason", "reason");
    }
    reason = r;
    if (officer == null || officer.isBlank()) {
      throw new ReadinessRefusal("risk.error.overrideOfficer", "officer");
    }
    if (secondOfficer == null || secondOfficer.isBlank()) {
      throw new ReadinessRefusal("risk.error.overrideSecond", "secondOfficer");
    }
    if (secondOfficer.equals(officer)) {
      // four eyes, as for every scored entry: one person cannot sign twice
      throw new ReadinessRefusal("risk.error.overrideSameOfficer", "secondOfficer");
    }
  }
}
