package cn.xinsheng.music.domain.exam;

/** The five things every examiner marks, each on its own (DOMAIN §5; issue 19 deliverable 5). */
public enum RubricItem {
  INTONATION("音准", "intonation"),
  RHYTHM("节奏", "rhythm"),
  TECHNIQUE("技巧", "technique"),
  EXPRESSION("表现力", "expression"),
  COMPLETENESS("完整性", "completeness");

  private final String zh;
  private final String en;

  RubricItem(String zh, String en) {
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
