package cn.xinsheng.web.security;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Login through our own Faces login page against the built-in account store ({@link
 * AccountIdentityStore}). The same session serves pages and the REST API.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
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
  Role.SYS_ADMIN_NAME
})
@ApplicationScoped
public class SecurityConfiguration {}
