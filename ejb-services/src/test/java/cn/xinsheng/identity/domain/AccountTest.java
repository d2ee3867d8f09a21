package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private Account account() {
    return new Account(
        "officer9", "测试民警", PasswordHash.create("right1!x".toCharArray(), 1_000), false, T0);
  }

  // the lockout moved to LoginThrottle (issue 14): see LoginThrottleTest
  @Test
  void onlyTheRightPasswordMatches() {
    Account a = account();
    assertTrue(a.passwordMatches("right1!x".toCharArray()));
    assertFalse(a.passwordMatches("x".toCharArray()));
    a.disable();
    assertFalse(a.isEnabled());
    a.enable();
    assertTrue(a.isEnabled());
  }

  @Test
  void aResetForcesTheNextChangeAndAChangeClearsIt() {
    Account a = account();
    a.resetPassword(PasswordHash.create("Init1al!x".toCharArray(), 1_000));
    assertTrue(a.isMustChangePassword());
    assertTrue(a.passwordMatches("Init1al!x".toCharArray()));
    a.changePassword(PasswordHash.create("Mine2!mine".toCharArray(), 1_000));
    assertFalse(a.isMustChangePassword());
    assertFalse(a.passwordMatches("Init1al!x".toCharArray()));
  }

  @Test
  void rolesAreReplacedWhole() {
    Account a = account();
    a.grantRoles(EnumSet.of(Role.OFFICER, Role.REVIEWER));
    a.grantRoles(EnumSet.of(Role.REVIEWER));
    assertEquals(EnumSet.of(Role.REVIEWER), a.getRoles());
  }

  @Test
  void usernamesAreLowerCaseAscii() {
    assertTrue(Username.isValid("officer1"));
    assertTrue(Username.isValid("zhang.san_2"));
    assertFalse(Username.isValid("Officer1"));
    assertFalse(Username.isValid("张三"));
    assertFalse(Username.isValid("ab"));
    assertFalse(Username.isValid("1abc"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Account("Bad Name", "x", PasswordHash.create("a1!".toCharArray(), 1), false, T0));
  }
}
