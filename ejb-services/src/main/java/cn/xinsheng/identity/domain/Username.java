package cn.xinsheng.identity.domain;

import java.util.regex.Pattern;

/** Usernames are lower-case ASCII so that they can be typed on any terminal keyboard. */
public final class Username {

  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

  private Username() {}

  public static boolean isValid(String candidate) {
    return candidate != null && FORM.matcher(candidate).matches();
  }

  public static String check(String candidate) {
    if (!isValid(candidate)) {
      throw new IllegalArgumentException(
          "username must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'");
    }
    return candidate;
  }
}
