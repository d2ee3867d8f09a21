package cn.xinsheng.identity.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PBKDF2 password hash in the text form Jakarta Security's {@code Pbkdf2PasswordHash} uses:
 * {@code PBKDF2WithHmacSHA256:iterations:base64(salt):base64(hash)}. The iteration count travels
 * with the hash, so raising it later leaves existing hashes verifiable.
 */
public final class PasswordHash {

  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 210_000;

  private static final int SALT_BYTES = 32;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String encoded;
  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(String encoded, int iterations, byte[] salt, byte[] hash) {
    this.encoded = encoded;
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  public static PasswordHash create(char[] password) {
    return create(password, DEFAULT_ITERATIONS);
  }

  public static PasswordHash create(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder();
    String encoded =
        ALGORITHM
            + ":"
            + iterations
            + ":"
            + b64.encodeToString(salt)
            + ":"
            + b64.encodeToString(hash);
    return new PasswordHash(encoded, iterations, salt, hash);
  }

  /** Parses a stored hash; a malformed one is rejected rather than treated as "no password". */
  public static PasswordHash parse(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    String[] parts = encoded.split(":");
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
      throw new IllegalArgumentException("not a " + ALGORITHM + " hash");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad iteration count", e);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("bad iteration count");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    return new PasswordHash(encoded, iterations, b64.decode(parts[2]), b64.decode(parts[3]));
  }

  public boolean matches(char[] password) {
    if (password == null) {
      return false;
    }
    // constant-time comparison so that timing does not leak how much of the hash matched
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  public int iterations() {
    return iterations;
  }

  public String encoded() {
    return encoded;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return ALGORITHM + ":" + iterations + ":…";
  }
}
