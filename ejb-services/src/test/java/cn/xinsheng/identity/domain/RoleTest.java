package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void sixteenRolesWithTheDemoLoginNamingRule() {
    assertEquals(
        List.of(
            "inmate1",
            "officer1",
            "reviewer1",
            "committee1",
            "warden1",
            "prosecutor1",
            "judge1",
            "supervisor1",
            "lawyer1",
            "teacher1",
            "examiner1",
            "eduadmin1",
            "sysadmin1",
            "execution1",
            "bureau1",
            "highjudge1",
            "community1"),
        Arrays.stream(Role.values()).map(Role::demoUsername).toList());
  }

  @Test
  void roleNameConstantsMatchTheEnum() {
    assertEquals(Role.EDU_ADMIN.name(), Role.EDU_ADMIN_NAME);
    assertEquals(Role.SYS_ADMIN.name(), Role.SYS_ADMIN_NAME);
    assertEquals(Role.INMATE.name(), Role.INMATE_NAME);
  }

  @Test
  void externalReadersAreTheSixOutsideRoles() {
    // issue 16: the provincial bureau and the high court sit outside the prison too
    assertEquals(
        List.of(
            Role.PROSECUTOR,
            Role.JUDGE,
            Role.SUPERVISOR,
            Role.LAWYER,
            Role.BUREAU,
            Role.HIGH_JUDGE,
            Role.COMMUNITY_CORRECTIONS),
        Arrays.stream(Role.values()).filter(Role::isExternal).toList());
  }

  @Test
  void onlyOfficersAndReviewersAreSectionScoped() {
    assertTrue(Role.OFFICER.isSectionScoped());
    assertTrue(Role.REVIEWER.isSectionScoped());
    assertFalse(Role.WARDEN.isSectionScoped());
    assertEquals("admin", Role.SYS_ADMIN.homeFolder());
    assertEquals("eduadmin", Role.EDU_ADMIN.homeFolder());
    assertEquals("highjudge", Role.HIGH_JUDGE.homeFolder());
    assertEquals("bureau", Role.BUREAU.homeFolder());
    assertEquals("community", Role.COMMUNITY_CORRECTIONS.homeFolder());
  }
}
