package cn.xinsheng.music.domain.exam;

/**
 * A rule of the exam says no. {@code key} names the bilingual message in the resource bundles; the
 * application layer turns it into the platform's refusal.
 */
public class ExamRefusal extends RuntimeException {

  public enum Kind {
    INVALID,
    CONFLICT,
    FORBIDDEN
  }

  private final Kind kind;
  private final String key;

  public ExamRefusal(Kind kind, String key) {
    super(key);
    this.kind = kind;
    this.key = key;
  }

  public Kind kind() {
    return kind;
  }

  public String key() {
    return key;
  }
}
