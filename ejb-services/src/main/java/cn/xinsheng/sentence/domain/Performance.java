package cn.xinsheng.sentence.domain;

/**
 * The kind of performance a proposal rests on. The maximum of a reduction follows it, not the
 * sentence band (法释〔2016〕23号第六条第二款).
 */
public enum Performance {
  /** 确有悔改表现. */
  REPENTANCE,
  /** 有立功表现. */
  MERIT,
  /** 确有悔改表现并有立功表现. */
  REPENTANCE_AND_MERIT,
  /** 有重大立功表现. */
  MAJOR_MERIT,
  /** 确有悔改表现并有重大立功表现. */
  REPENTANCE_AND_MAJOR_MERIT;

  /** Major merit lets the court waive the first wait and the interval (第六条第四款). */
  public boolean majorMerit() {
    return this == MAJOR_MERIT || this == REPENTANCE_AND_MAJOR_MERIT;
  }
}
