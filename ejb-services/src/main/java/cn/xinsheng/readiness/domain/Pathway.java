package cn.xinsheng.readiness.domain;

/**
 * The pathways of a release plan (Shanghai's 三位一体: prison, community corrections and resettlement
 * agencies share one plan; DOMAIN §6).
 */
public enum Pathway {
  IDENTITY_DOCUMENTS("身份证件", "identity documents"),
  HOUSING("住所", "housing"),
  EMPLOYMENT("就业", "employment"),
  FAMILY("家庭", "family"),
  HEALTH_AND_MEDICATION("健康与用药", "health and medication"),
  MONEY_AND_DEBTS("钱款与债务", "money and debts"),
  EDUCATION_RECORD("学习记录", "education record"),
  COMMUNITY_CORRECTIONS("社区矫正报到", "reporting to community corrections");

  private final String zh;
  private final String en;

  Pathway(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
