package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void matchesOnlyTheSamePassword() {
    PasswordHash hash = PasswordHash.create("demo123!".toCharArray(), 1_000);
    assertTrue(hash.matches("demo123!".toCharArray()));
    assertFalse(hash.matches("demo123?".toCharArray()));
    assertFalse(hash.matches("".toCharArray()));
    assertFalse(hash.matches(null));
  }

  @Test
  void encodedFormRoundTripsAndCarriesIterations() {
    PasswordHash hash = PasswordHash.create("s3cret!pw".toCharArray(), 1_234);
    String encoded = hash.encoded();
    assertTrue(encoded.startsWith("PBKDF2WithHmacSHA256:1234:"), encoded);
    PasswordHash parsed = PasswordHash.parse(encoded);
    assertEquals(1_234, parsed.iterations());
    assertTrue(parsed.matches("s3cret!pw".toCharArray()));
  }

  @Test
  void defaultUsesTheOwaspIterationCount() {
    assertEquals(210_000, PasswordHash.create("x1!".toCharArray()).iterations());
  }

  @Test
  void sameSecretHashesDifferentlyBecauseOfTheSalt() {
    assertNotEquals(
        PasswordHash.create("same1!".toCharArray(), 1_000).encoded(),
        PasswordHash.create("same1!".toCharArray(), 1_000).encoded());
  }

  @Test
  void malformedHashesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("plain"));
    assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("MD5:1:a:b"));
    assertThrows(
        IllegalArgumentException.class, () -> PasswordHash.parse("PBKDF2WithHmacSHA256:x:a:b"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PasswordHash.parse("PBKDF2WithHmacSHA256:0:AA==:AA=="));
  }

  @Test
  void toStringNeverShowsTheHash() {
    PasswordHash hash = PasswordHash.create("pw1!pw1!".toCharArray(), 1_000);
    assertFalse(hash.toString().contains(hash.encoded().split(":")[3]));
  }
}
