package cn.xinsheng.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a new password must meet. Each broken rule is reported by its message key so that the
 * user sees every problem at once, in his language.
 */
public final class PasswordPolicy {

  public static final int DEFAULT_MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private final int minLength;

  public PasswordPolicy(int minLength) {
    if (minLength < 6 || minLength > MAX_LENGTH) {
      throw new IllegalArgumentException("minimum password length must be 6.." + MAX_LENGTH);
    }
    this.minLength = minLength;
  }

  public static PasswordPolicy standard() {
    return new PasswordPolicy(DEFAULT_MIN_LENGTH);
  }

  public int minLength() {
    return minLength;
  }

  /** The message keys of the rules the candidate breaks; empty when it is acceptable. */
  public List<String> violations(String username, String candidate) {
    List<String> broken = new ArrayList<>();
    if (candidate == null || candidate.length() < minLength) {
      broken.add("password.rule.length");
      if (candidate == null) {
        return broken;
      }
    }
    if (candidate.length() > MAX_LENGTH) {
      broken.add("password.rule.maxLength");
    }
    if (candidate.chars().noneMatch(Character::isLetter)) {
      broken.add("password.rule.letter");
    }
    if (candidate.chars().noneMatch(Character::isDigit)) {
      broken.add("password.rule.digit");
    }
    if (candidate.chars().allMatch(Character::isLetterOrDigit)) {
      broken.add("password.rule.symbol");
    }
    if (candidate.chars().anyMatch(Character::isWhitespace)) {
      broken.add("password.rule.whitespace");
    }
    if (username != null
        && !username.isBlank()
        && candidate.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      broken.add("password.rule.username");
    }
    return broken;
  }
}
