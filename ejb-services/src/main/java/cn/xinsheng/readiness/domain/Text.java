package cn.xinsheng.readiness.domain;

/** A text shown to a learner, in Chinese (shown first) and English. */
public record Text(String zh, String en) {

  public Text {
    if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
      throw new ReadinessRefusal("scenario.error.text", zh == null ? en : zh);
    }
  }
}
