package cn.xinsheng.sentence.domain;

/** What a court did to a sentence after the judgment. */
public enum ChangeKind {
  /** A fixed term shortened by {@code months} (减刑). */
  REDUCTION,
  /** The reprieve of a 死缓 ended and the sentence became life (刑法第五十条). */
  COMMUTATION_TO_LIFE,
  /**
   * A life (or 死缓) sentence commuted to a fixed term of {@code toMonths}, counted from {@code on}.
   */
  COMMUTATION_TO_FIXED,
  /** A new crime committed in prison was judged on {@code on} (法释〔2016〕23号第二十一条). */
  NEW_CRIME
}
