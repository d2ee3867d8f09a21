package cn.xinsheng.cases.domain;

import cn.xinsheng.identity.domain.Role;

/**
 * The steps of a case in their only order (司法部令第130号 for the prison's part, then the court's), each
 * with the role that signs it. A case cannot skip one; it may be returned to an earlier step of the
 * prison's part until it is submitted.
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
  /** 监狱长办公会. */
  DIRECTOR_MEETING(Role.WARDEN, true),
  /** 提请人民法院裁定，抄送人民检察院. */
  SUBMISSION(Role.EXECUTION, true),
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

  /** Steps the prison takes before the case leaves for the court; only these can be returned to. */
  public boolean isInsidePrison() {
    return insidePrison;
  }
}
