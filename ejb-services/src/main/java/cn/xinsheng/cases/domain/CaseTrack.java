package cn.xinsheng.cases.domain;

import cn.xinsheng.identity.domain.Role;

/**
 * Which court a case goes to, and how (issue 16, deliverable 6). Fixed terms go from the prison to
 * the intermediate court (司法部令第130号第三条; 法释〔2014〕5号第一条第（三）项). Life and 死缓 go through the provincial
 * prison administration bureau to the high court (司法部令第130号第四条; 法释〔2014〕5号第一条第（一）（二）项). The court
 * may take one more month for a fixed term or life, never for 死缓 (法释〔2014〕5号第一条第（一）项 has no
 * extension).
 */
public enum CaseTrack {
  /** 有期徒刑 (and life already commuted to a fixed term): the intermediate court. */
  FIXED_TERM(false, Role.JUDGE, true),
  /** 无期徒刑: bureau, then the high court; the court may extend by one month. */
  LIFE(true, Role.HIGH_JUDGE, true),
  /** 死刑缓期执行: bureau, then the high court; no extension. */
  DEATH_REPRIEVE(true, Role.HIGH_JUDGE, false);

  /** The article a track's court and path rest on, for the case file. */
  public static final String PATH_ARTICLE = "司法部令第130号第四条；法释〔2014〕5号第一条";

  /** The article that allows the court one more month, and denies it for 死缓. */
  public static final String EXTENSION_ARTICLE = "法释〔2014〕5号第一条";

  private final boolean viaBureau;
  private final Role court;
  private final boolean courtMayExtend;

  CaseTrack(boolean viaBureau, Role court, boolean courtMayExtend) {
    this.viaBureau = viaBureau;
    this.court = court;
    this.courtMayExtend = courtMayExtend;
  }

  /** Whether the provincial bureau reviews and approves the case before the court. */
  public boolean viaBureau() {
    return viaBureau;
  }

  /** The role that receives, posts, hears and rules: the intermediate or the high court's judge. */
  public Role court() {
    return court;
  }

  /** Whether the court may extend its month by one more (not for 死缓). */
  public boolean courtMayExtend() {
    return courtMayExtend;
  }
}
