package cn.xinsheng.web.security;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles the application declares. Login goes through our own Faces login page and {@code POST
 * /api/v1/session} against the built-in account store ({@link AccountIdentityStore}), by {@link
 * SessionAuthenticationMechanism}; the same session serves pages and the REST API.
 */
@DeclareRoles({
  Role.INMATE_NAME,
  Role.OFFICER_NAME,
  Role.REVIEWER_NAME,
  Role.COMMITTEE_NAME,
  Role.WARDEN_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.LAWYER_NAME,
  Role.TEACHER_NAME,
  Role.EXAMINER_NAME,
  Role.EDU_ADMIN_NAME,
  Role.SYS_ADMIN_NAME,
  Role.EXECUTION_NAME,
  Role.BUREAU_NAME,
  Role.HIGH_JUDGE_NAME,
  Role.COMMUNITY_CORRECTIONS_NAME
})
@ApplicationScoped
public class SecurityConfiguration {}
