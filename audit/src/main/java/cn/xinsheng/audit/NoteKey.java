package cn.xinsheng.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 key in the signed-note scheme (c2sp.org/signed-note, as used by sumdb and tlog
 * checkpoints), with the JDK's own EdDSA. A key has a name; its 4-byte key ID is the start of
 * SHA-256(name || "\n" || type || public key), type 0x01 for note signatures and 0x04 for witness
 * cosignatures.
 */
public final class NoteKey {

  static final byte TYPE_ED25519 = 0x01;
  static final byte TYPE_COSIGNATURE = 0x04;
  private static final byte[] X509_ED25519_PREFIX = MerkleTree.unhex("302a300506032b6570032100");

  private final String name;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;

  private NoteKey(String name, PublicKey publicKey, PrivateKey privateKey) {
    if (name == null
        || name.isEmpty()
        || name.contains("+")
        || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
    }
    this.name = name;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  public static NoteKey generate(String name) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new NoteKey(name, pair.getPublic(), pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
    }
  }

  /** A signing key from its name and PKCS#8 private and X.509 public encodings. */
  public static NoteKey fromEncoded(String name, byte[] pkcs8Private, byte[] x509Public) {
    try {
      KeyFactory f = KeyFactory.getInstance("Ed25519");
      return new NoteKey(
          name,
          f.generatePublic(new X509EncodedKeySpec(x509Public)),
          pkcs8Private == null ? null : f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8Private)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 key: " + e.getMessage(), e);
    }
  }

  /**
   * A verify-only key from its text form {@code name+keyidhex+base64(type||publickey)}, the form an
   * administrator exports and a court imports: type 0x01 for a log key, 0x04 for a witness's
   * cosignature key (c2sp.org/tlog-cosignature).
   */
  public static NoteKey parseVerifierKey(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no verifier key");
    }
    String[] parts = text.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a verifier key is name+keyid+key");
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key is not base64", e);
    }
    if (typed.length != 33 || (typed[0] != TYPE_ED25519 && typed[0] != TYPE_COSIGNATURE)) {
      throw new IllegalArgumentException("not an Ed25519 verifier key");
    }
    byte[] x509 = new byte[X509_ED25519_PREFIX.length + 32];
    System.arraycopy(X509_ED25519_PREFIX, 0, x509, 0, X509_ED25519_PREFIX.length);
    System.arraycopy(typed, 1, x509, X509_ED25519_PREFIX.length, 32);
    NoteKey key = fromEncoded(parts[0], null, x509);
    if (!MerkleTree.hex(key.keyId(typed[0])).equals(parts[1])) {
      throw new IllegalArgumentException("the key ID does not match the key");
    }
    return key;
  }

  /** The private key file's text: name, PKCS#8 private key and X.509 public key, base64. */
  public String privateKeyText() {
    Base64.Encoder b64 = Base64.getEncoder();
    return name
        + "\n"
        + b64.encodeToString(encodedPrivateKey())
        + "\n"
        + b64.encodeToString(encodedPublicKey())
        + "\n";
  }

  public static NoteKey parsePrivateKeyText(String text) {
    String[] lines = text == null ? new String[0] : text.strip().split("\n");
    if (lines.length != 3) {
      throw new IllegalArgumentException("not a Xinsheng private key file");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      return fromEncoded(
          lines[0].strip(), b64.decode(lines[1].strip()), b64.decode(lines[2].strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Xinsheng private key file: " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  /** The raw 32-byte Ed25519 public key. */
  public byte[] rawPublicKey() {
    byte[] x509 = publicKey.getEncoded();
    return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
  }

  public byte[] encodedPublicKey() {
    return publicKey.getEncoded();
  }

  public byte[] encodedPrivateKey() {
    if (privateKey == null) {
      throw new IllegalStateException("a verifier key has no private part");
    }
    return privateKey.getEncoded();
  }

  public boolean canSign() {
    return privateKey != null;
  }

  /** The log key's verifier key text (type 0x01). */
  public String verifierKey() {
    return verifierKey(TYPE_ED25519);
  }

  /** The verifier key text of this key as a witness's cosignature key (type 0x04). */
  public String witnessVerifierKey() {
    return verifierKey(TYPE_COSIGNATURE);
  }

  private String verifierKey(byte type) {
    byte[] typed = new byte[33];
    typed[0] = type;
    System.arraycopy(rawPublicKey(), 0, typed, 1, 32);
    return name
        + "+"
        + MerkleTree.hex(keyId(type))
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  /**
   * The key's fingerprint, to compare by eye or read over the telephone: the first 20 bytes of the
   * SHA-256 of its verifier key text, in ten groups of four hex digits. What the key ceremony
   * record prints and the verifier reports.
   */
  public String fingerprint() {
    return fingerprint(verifierKey());
  }

  /** The fingerprint of a verifier key's text (a log's or a witness's). */
  public static String fingerprint(String verifierKeyText) {
    String hex =
        MerkleTree.sha256Hex(verifierKeyText.strip().getBytes(StandardCharsets.UTF_8))
            .substring(0, 40)
            .toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder(49);
    for (int i = 0; i < hex.length(); i += 4) {
      if (i > 0) {
        sb.append(i == 20 ? "  " : " ");
      }
      sb.append(hex, i, i + 4);
    }
    return sb.toString();
  }

  /** Whether a verifier key text is a witness's cosignature key (type 0x04), not a log's. */
  public static boolean isWitnessKeyText(String text) {
    String[] parts = text.strip().split("\\+", 3);
    if (parts.length != 3) {
      return false;
    }
    try {
      byte[] typed = Base64.getDecoder().decode(parts[2]);
      return typed.length > 0 && typed[0] == TYPE_COSIGNATURE;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** "name+keyid": how messages and the verifier's report name the key. */
  public String label() {
    return name + "+" + MerkleTree.hex(keyId(TYPE_ED25519));
  }

  /** The 4-byte key ID of this key's witness cosignatures. */
  public byte[] cosignatureKeyId() {
    return keyId(TYPE_COSIGNATURE);
  }

  /** The 4-byte key ID for signatures of this type. */
  public byte[] keyId(byte type) {
    MessageDigest d = MerkleTree.sha256();
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) '\n');
    d.update(type);
    d.update(rawPublicKey());
    return Arrays.copyOf(d.digest(), 4);
  }

  /** An Ed25519 signature of these bytes (a note, or a content package's manifest). */
  public byte[] sign(byte[] message) {
    if (privateKey == null) {
      throw new IllegalStateException("key " + name + " can only verify");
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the signature of these bytes is this key's. */
  public boolean verify(byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(publicKey);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
