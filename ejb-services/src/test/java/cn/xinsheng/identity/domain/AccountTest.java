package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15));

  private Account account() {
    return new Account(
        "officer9", "测试民警", PasswordHash.create("right1!x".toCharArray(), 1_000), false, T0);
  }

  @Test
  void rightPasswordLogsIn() {
    Account a = account();
    assertEquals(LoginOutcome.SUCCESS, a.attemptLogin("right1!x".toCharArray(), policy, T0));
    assertEquals(T0, a.getLastLoginAt());
  }

  @Test
  void locksAfterTheConfiguredNumberOfFailuresInARow() {
    Account a = account();
    assertEquals(LoginOutcome.INVALID_CREDENTIALS, a.attemptLogin("x".toCharArray(), policy, T0));
    assertEquals(LoginOutcome.INVALID_CREDENTIALS, a.attemptLogin("x".toCharArray(), policy, T0));
    assertEquals(LoginOutcome.LOCKED, a.attemptLogin("x".toCharArray(), policy, T0));
    // while locked, even the right password is refused and the lock does not move
    assertEquals(
        LoginOutcome.LOCKED,
        a.attemptLogin("right1!x".toCharArray(), policy, T0.plus(Duration.ofMinutes(14))));
    assertEquals(T0.plus(Duration.ofMinutes(15)), a.getLockedUntil());
    // the lock ends by itself
    assertEquals(
        LoginOutcome.SUCCESS,
        a.attemptLogin("right1!x".toCharArray(), policy, T0.plus(Duration.ofMinutes(15))));
    assertNull(a.getLockedUntil());
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    Account a = account();
    a.attemptLogin("x".toCharArray(), policy, T0);
    a.attemptLogin("x".toCharArray(), policy, T0);
    a.attemptLogin("right1!x".toCharArray(), policy, T0);
    assertEquals(0, a.getFailedAttempts());
    assertEquals(LoginOutcome.INVALID_CREDENTIALS, a.attemptLogin("x".toCharArray(), policy, T0));
  }

  @Test
  void anAdministratorUnlocks() {
    Account a = account();
    for (int i = 0; i < 3; i++) {
      a.attemptLogin("x".toCharArray(), policy, T0);
    }
    assertTrue(a.isLocked(policy, T0));
    a.unlock();
    assertFalse(a.isLocked(policy, T0));
    assertEquals(LoginOutcome.SUCCESS, a.attemptLogin("right1!x".toCharArray(), policy, T0));
  }

  @Test
  void aDisabledAccountCannotLogIn() {
    Account a = account();
    a.disable();
    assertEquals(LoginOutcome.DISABLED, a.attemptLogin("right1!x".toCharArray(), policy, T0));
    a.enable();
    assertEquals(LoginOutcome.SUCCESS, a.attemptLogin("right1!x".toCharArray(), policy, T0));
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
