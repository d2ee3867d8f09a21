package cn.xinsheng.sentence.domain;

/**
 * Facts that are missing or contradict each other: the caller learns which field, in Chinese and
 * English, and nothing is computed from them.
 */
public class SentenceFactException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String zh;
  private final String en;

  public SentenceFactException(String field, String zh, String en) {
    super(field + ": " + en);
    this.field = field;
    this.zh = zh;
    this.en = en;
  }

  public String field() {
    return field;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
