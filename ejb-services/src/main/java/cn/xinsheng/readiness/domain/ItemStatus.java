package cn.xinsheng.readiness.domain;

/** Where a plan item stands. DONE needs evidence; NOT_NEEDED needs a reason. */
public enum ItemStatus {
  OPEN("未开始", "open"),
  IN_PROGRESS("办理中", "in progress"),
  DONE("已完成", "done"),
  NOT_NEEDED("无需办理", "not needed");

  private final String zh;
  private final String en;

  ItemStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public boolean settled() {
    return this == DONE || this == NOT_NEEDED;
  }
}
