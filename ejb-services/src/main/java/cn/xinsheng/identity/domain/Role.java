package cn.xinsheng.identity.domain;

import java.util.Locale;

/**
 * The roles of Xinsheng. The role name is also the Jakarta Security group and role name, so a role
 * granted here is the role checked by {@code @RolesAllowed} and by the access matrix.
 */
public enum Role {
  INMATE(false),
  OFFICER(false),
  REVIEWER(false),
  COMMITTEE(false),
  WARDEN(false),
  PROSECUTOR(true),
  JUDGE(true),
  SUPERVISOR(true),
  LAWYER(true),
  TEACHER(false),
  EXAMINER(false),
  EDU_ADMIN(false),
  SYS_ADMIN(false),
  /** The penalty-execution department (刑罚执行科): runs reduction and parole cases. */
  EXECUTION(false),
  /**
   * The provincial prison administration bureau (省监狱管理局刑罚执行处): reviews and approves life and 死缓
   * cases before the high court (司法部令第130号第四条). Outside the prison.
   */
  BUREAU(true),
  /** A judge of the high court (高级人民法院): rules on life and 死缓 cases (法释〔2014〕5号第一条). */
  HIGH_JUDGE(true),
  /**
   * A community corrections office (社区矫正机构, issue 20): reads the handovers of the released people
   * assigned to it and records their first report (《社区矫正法》第二十一条). Outside the prison.
   */
  COMMUNITY_CORRECTIONS(true);

  // Role names as compile-time constants for @RolesAllowed, which needs literals.
  public static final String INMATE_NAME = "INMATE";
  public static final String OFFICER_NAME = "OFFICER";
  public static final String REVIEWER_NAME = "REVIEWER";
  public static final String COMMITTEE_NAME = "COMMITTEE";
  public static final String WARDEN_NAME = "WARDEN";
  public static final String PROSECUTOR_NAME = "PROSECUTOR";
  public static final String JUDGE_NAME = "JUDGE";
  public static final String SUPERVISOR_NAME = "SUPERVISOR";
  public static final String LAWYER_NAME = "LAWYER";
  public static final String TEACHER_NAME = "TEACHER";
  public static final String EXAMINER_NAME = "EXAMINER";
  public static final String EDU_ADMIN_NAME = "EDU_ADMIN";
  public static final String SYS_ADMIN_NAME = "SYS_ADMIN";
  public static final String EXECUTION_NAME = "EXECUTION";
  public static final String BUREAU_NAME = "BUREAU";
  public static final String HIGH_JUDGE_NAME = "HIGH_JUDGE";
  public static final String COMMUNITY_CORRECTIONS_NAME = "COMMUNITY_CORRECTIONS";

  private final boolean external;

  Role(boolean external) {
    this.external = external;
  }

  /** External readers (procuratorate, court, supervisors, lawyers) are read-only everywhere. */
  public boolean isExternal() {
    return external;
  }

  /** Roles whose work is bound to the sections an account is assigned to. */
  public boolean isSectionScoped() {
    return this == OFFICER || this == REVIEWER;
  }

  /** The demo login for this role: the role in lower case without underscore, plus {@code 1}. */
  public String demoUsername() {
    if (this == COMMUNITY_CORRECTIONS) {
      return "community1"; // the office's short demo login, as the README lists it
    }
    return name().toLowerCase(Locale.ROOT).replace("_", "") + "1";
  }

  /** The folder of this role's pages, e.g. {@code /officer/home.xhtml}. */
  public String homeFolder() {
    return switch (this) {
      case SYS_ADMIN -> "admin";
      case EDU_ADMIN -> "eduadmin";
      case HIGH_JUDGE -> "highjudge";
      case COMMUNITY_CORRECTIONS -> "community";
      default -> name().toLowerCase(Locale.ROOT);
    };
  }
}
