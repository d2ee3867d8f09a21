package cn.xinsheng.readiness.domain;

/**
 * The five risk levels of the Changning design (DOMAIN §6). A level is advice for the release plan
 * and for community corrections; it decides nothing by itself.
 */
public enum RiskLevel {
  LOW("低", "low"),
  FAIRLY_LOW("较低", "fairly low"),
  MEDIUM("中", "medium"),
  FAIRLY_HIGH("较高", "fairly high"),
  HIGH("高", "high");

  private final String zh;
  private final String en;

  RiskLevel(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** 1 (low) to 5 (high), as the level is printed in the handover. */
  public int rank() {
    return ordinal() + 1;
  }
}
