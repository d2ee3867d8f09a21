package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test only: says who the container takes the caller for — the principal's name and every role of
 * the platform it grants. The boundary checks ask it first under each run-as identity: a run-as
 * identity that held no role (or every role) would make every refusal they see meaningless.
 */
@Stateless
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
@RolesAllowed({
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
public class RoleProbe {

  @Resource SessionContext context;

  public record Identity(String name, Set<String> roles) {}

  public Identity caller() {
    Set<String> roles = new TreeSet<>();
    Arrays.stream(Role.values())
        .map(Role::name)
        .filter(context::isCallerInRole)
        .forEach(roles::add);
    return new Identity(context.getCallerPrincipal().getName(), roles);
  }
}
