package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 10: separation of duties between roles. */
class RoleCombinationTest {

  @Test
  void anInmateHoldsNoOtherRole() {
    for (Role other : Role.values()) {
      if (other != Role.INMATE) {
        assertEquals(
            Optional.of("admin.error.inmateWithOtherRole"),
            RoleCombination.broken(EnumSet.of(Role.INMATE, other)),
            other.name());
      }
    }
    assertEquals(Optional.empty(), RoleCombination.broken(Set.of(Role.INMATE)));
  }

  @Test
  void anExternalReaderHoldsNoInternalRole() {
    assertEquals(
        Optional.of("admin.error.externalWithInternalRole"),
        RoleCombination.broken(EnumSet.of(Role.JUDGE, Role.SYS_ADMIN)));
    assertEquals(
        Optional.of("admin.error.externalWithInternalRole"),
        RoleCombination.broken(EnumSet.of(Role.LAWYER, Role.OFFICER)));
    assertEquals(Optional.empty(), RoleCombination.broken(EnumSet.of(Role.PROSECUTOR)));
  }

  @Test
  void staffRolesCombineAsThePrisonAssigns() {
    assertEquals(Optional.empty(), RoleCombination.broken(EnumSet.of(Role.OFFICER, Role.TEACHER)));
    assertEquals(
        Optional.empty(), RoleCombination.broken(EnumSet.of(Role.EDU_ADMIN, Role.SYS_ADMIN)));
  }

  @Test
  void theAccountItselfRefusesABadCombination() {
    Account a =
        new Account(
            "mixed1",
            "x",
            PasswordHash.create("right1!x".toCharArray(), 1_000),
            false,
            Instant.parse("2026-06-10T02:00:00Z"));
    assertThrows(
        IllegalArgumentException.class,
        () -> a.grantRoles(EnumSet.of(Role.INMATE, Role.SYS_ADMIN)));
  }
}
