package cn.xinsheng.music.domain.exam;

/** The four results a CNOS exam knows; only the first three pass and earn a certificate. */
public enum ExamGrade {
  EXCELLENT("优秀", "excellent"),
  GOOD("良好", "good"),
  PASS("合格", "pass"),
  FAIL("不合格", "fail");

  private final String zh;
  private final String en;

  ExamGrade(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public boolean passed() {
    return this != FAIL;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
