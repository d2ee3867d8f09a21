package cn.xinsheng.cases.domain;

import cn.xinsheng.identity.domain.Role;

/**
 * The steps of a case in their only order (司法部令第130号 for the prison's part, then the court's), each
 * with the role that signs it. A case cannot skip one; it may be returned to an earlier step of the
 * prison's part until it is submitted. Some steps are on a case's path only when its facts call for
 * them ({@link ReductionCase#path()}): the committee's 复核 after objections during the posting, the
 * bureau's two steps for life and 死缓 ({@link CaseTrack}), a hearing where one is mandatory.
 */
public enum CaseStep {
  /** 分监区集体研究提出建议. */
  PROPOSAL(Role.OFFICER, true),
  /** 监区长办公会. */
  WARD_MEETING(Role.REVIEWER, true),
  /** 刑罚执行科审查. */
  EXECUTION_REVIEW(Role.EXECUTION, true),
  /** 减刑假释评审委员会: concluded by the department once the members have voted. */
  COMMITTEE(Role.EXECUTION, true),
  /** 狱内公示: 5 working days (7 for strict cases). */
  POSTING(Role.EXECUTION, true),
  /**
   * 复核: the committee re-examines objections received during the posting and tells the result,
   * before the director's meeting (司法部令第130号第十一条). Only on the path of a case that had one.
   */
  RECHECK(Role.EXECUTION, true),
  /** 监狱长办公会. */
  DIRECTOR_MEETING(Role.WARDEN, true),
  /** 提请人民法院裁定，抄送人民检察院. */
  SUBMISSION(Role.EXECUTION, true),
  /**
   * Life and 死缓 only: the bureau's penalty-execution division examines the proposal and gives its
   * opinion (司法部令第130号第六条第二款).
   */
  BUREAU_REVIEW(Role.BUREAU, false),
  /**
   * Life and 死缓 only: the bureau's committee and director approve (审核同意) or not, by a second person
   * of the bureau (司法部令第130号第四条、第六条第二款).
   */
  BUREAU_DECISION(Role.BUREAU, false),
  /** 法院立案. */
  COURT_RECEIPT(Role.JUDGE, false),
  /** 法院公示 (5 days). */
  COURT_POSTING(Role.JUDGE, false),
  /** 开庭审理: mandatory in the listed situations, optional otherwise. */
  HEARING(Role.JUDGE, false),
  /** 裁定. */
  RULING(Role.JUDGE, false),
  /** 送达 within 7 days, and published on the public list. */
  SERVICE(Role.EXECUTION, false);

  private final Role owner;
  private final boolean insidePrison;

  CaseStep(Role owner, boolean insidePrison) {
    this.owner = owner;
    this.insidePrison = insidePrison;
  }

  public Role owner() {
    return owner;
  }

  /** The role that signs this step on a case of this track: the court's steps go to its court. */
  public Role owner(CaseTrack track) {
    return isCourts() ? track.court() : owner;
  }

  /** The court's own steps: receipt, posting, hearing and ruling. */
  public boolean isCourts() {
    return this == COURT_RECEIPT || this == COURT_POSTING || this == HEARING || this == RULING;
  }

  /** Steps the prison takes before the case leaves for the court; only these can be returned to. */
  public boolean isInsidePrison() {
    return insidePrison;
  }
}
