package cn.xinsheng.sentence.domain;

/**
 * An offence of the judgment by the category the reduction and parole rules name. A judgment may
 * list several; {@link #OTHER} is every offence no rule names.
 */
public enum Offence {
  // 刑法第八十一条第二款 and 法释〔2016〕23号第七条第二款: violent offences
  INTENTIONAL_HOMICIDE(Category.VIOLENT),
  RAPE(Category.VIOLENT),
  ROBBERY(Category.VIOLENT),
  KIDNAPPING(Category.VIOLENT),
  ARSON(Category.VIOLENT),
  EXPLOSION(Category.VIOLENT),
  POISONING(Category.VIOLENT),
  ORGANISED_VIOLENCE(Category.VIOLENT),
  // 法释〔2016〕23号第七条第一款: strict categories whatever the term
  DUTY_CRIME(Category.STRICT),
  FINANCIAL_ORDER(Category.STRICT),
  FINANCIAL_FRAUD(Category.STRICT),
  ORGANISED_CRIME(Category.STRICT),
  STATE_SECURITY(Category.STRICT),
  TERRORISM(Category.STRICT),
  DRUG_RINGLEADER(Category.STRICT),
  DRUG_REOFFENDER(Category.STRICT),
  /**
   * A strict category of 第七条第一款 recorded before offences were coded (the old {@code STRICT}
   * sentence fact): strict, but no particular offence.
   */
  STRICT_OTHER(Category.STRICT),
  // 法释〔2019〕6号: 贪污贿赂 by (former) state functionaries, stricter than 第七条
  CORRUPTION_BY_OFFICIAL(Category.CORRUPTION),
  OTHER(Category.NONE);

  /** What the rules make of an offence. */
  public enum Category {
    VIOLENT,
    STRICT,
    CORRUPTION,
    NONE
  }

  private final Category category;

  Offence(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }
}
