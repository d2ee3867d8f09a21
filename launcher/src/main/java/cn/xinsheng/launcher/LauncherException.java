package cn.xinsheng.launcher;

/** A failure the operator can act on; printed as one line in both languages, no stack trace. */
public class LauncherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LauncherException(String zh, String en) {
    super(zh + " / " + en);
  }

  public LauncherException(String zh, String en, Throwable cause) {
    super(zh + " / " + en, cause);
  }
}
