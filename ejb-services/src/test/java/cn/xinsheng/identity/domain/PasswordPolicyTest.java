package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = PasswordPolicy.standard();

  @Test
  void acceptsAPasswordWithLettersDigitsAndASymbol() {
    assertEquals(List.of(), policy.violations("officer1", "Lake7!ring"));
    assertEquals(List.of(), policy.violations("officer1", "demo123!"));
  }

  @Test
  void reportsEveryBrokenRule() {
    assertEquals(
        List.of("password.rule.length", "password.rule.digit", "password.rule.symbol"),
        policy.violations("officer1", "abc"));
    assertEquals(List.of("password.rule.letter"), policy.violations("u", "12345678!"));
    assertEquals(List.of("password.rule.whitespace"), policy.violations("u", "abc 1234!"));
    assertEquals(List.of("password.rule.length"), policy.violations("u", null));
  }

  @Test
  void lengthBoundaryIsInclusive() {
    assertEquals(List.of(), policy.violations("u", "abcde12!"));
    assertTrue(policy.violations("u", "abcd12!").contains("password.rule.length"));
    assertTrue(policy.violations("u", "a1!" + "x".repeat(126)).contains("password.rule.maxLength"));
  }

  @Test
  void refusesThePasswordContainingTheUsername() {
    assertEquals(List.of("password.rule.username"), policy.violations("zhang", "ZHANG2024!"));
  }

  @Test
  void minimumLengthIsConfigurableWithinSaneBounds() {
    assertEquals(12, new PasswordPolicy(12).minLength());
    assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(4));
  }
}
