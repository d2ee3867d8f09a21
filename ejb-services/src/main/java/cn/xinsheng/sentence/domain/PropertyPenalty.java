package cn.xinsheng.sentence.domain;

/**
 * The state of a property penalty (财产性判项) of the judgment. Only an inmate able to pay who does not
 * pay is treated strictly (法释〔2016〕23号第七条) and refused parole (第二十七条).
 */
public enum PropertyPenalty {
  NONE,
  PAID,
  UNPAID_ABLE,
  UNPAID_UNABLE
}
