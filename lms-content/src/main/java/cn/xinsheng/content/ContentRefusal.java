package cn.xinsheng.content;

/**
 * A package that is not taken, with the reason in Chinese and English and a stable code the
 * platform turns into its message: unsigned, untrusted, tampered, oversized, an unsafe path, a zip
 * bomb, XML with a DTD, a malformed description.
 */
public class ContentRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String zh;
  private final String en;

  public ContentRefusal(String code, String zh, String en) {
    super(zh + " / " + en);
    this.code = code;
    this.zh = zh;
    this.en = en;
  }

  /** e.g. {@code unsigned}, {@code untrusted}, {@code tampered}, {@code zipSlip}. */
  public String code() {
    return code;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
