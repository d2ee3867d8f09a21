package cn.xinsheng.music.domain;

/**
 * Input the music aid does not take — notation it cannot read, audio it cannot decode, a file over
 * the limits — with a stable code and the reason in Chinese and English, so that a screen, the REST
 * boundary ({@code {error, message_zh, message_en}}) and the command line say the same thing.
 */
public class MusicRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String zh;
  private final String en;

  public MusicRefusal(String code, String zh, String en) {
    super(zh + " / " + en);
    this.code = code;
    this.zh = zh;
    this.en = en;
  }

  public MusicRefusal(String code, String zh, String en, Throwable cause) {
    this(code, zh, en);
    initCause(cause);
  }

  /** e.g. {@code notation.badToken}, {@code audio.unsupported}, {@code audio.tooLong}. */
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
