package cn.xinsheng.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The state of the log at one moment, in the text form of c2sp.org/tlog-checkpoint: the origin line
 * naming the log, the tree size in decimal, the root hash in base64, then any extension lines. This
 * text is the body that the prison signs and witnesses cosign.
 *
 * <p>The log writes no extension lines: C2SP does not recommend them, since a log monitor cannot
 * audit them. When a checkpoint was made is in the tree instead, auditable: the last leaf of every
 * checkpoint carries the moment it was sequenced ({@link Leaf}), and a witness's cosignature
 * carries the moment it was cosigned. Checkpoints signed before that change end with a {@code
 * Timestamp:} extension line; they are read and verified with it, byte for byte.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

  private static final String TIMESTAMP = "Timestamp: ";

  public Checkpoint {
    if (origin == null || origin.isBlank() || origin.contains("\n")) {
      throw new IllegalArgumentException("a checkpoint names its log in one line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative tree size");
    }
    if (rootHash == null || rootHash.length != MerkleTree.HASH_BYTES) {
      throw new IllegalArgumentException("a root hash is 32 bytes");
    }
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
    for (String e : extensions) {
      if (e.isEmpty() || e.contains("\n")) {
        throw new IllegalArgumentException("an extension line is one non-empty line");
      }
    }
    rootHash = rootHash.clone();
  }

  /** A checkpoint as the log signs it now: origin, size and root, no extension line. */
  public Checkpoint(String origin, long size, byte[] rootHash) {
    this(origin, size, rootHash, List.of());
  }

  /**
   * A checkpoint in the form the log signed before it moved the time into the tree, with a {@code
   * Timestamp:} extension line (kept to read and test old logs).
   */
  public Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {
    this(origin, size, rootHash, List.of(TIMESTAMP + timestamp));
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The signed text: every line, including the last, ends in a newline. */
  public String body() {
    StringBuilder sb =
        new StringBuilder(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(Base64.getEncoder().encodeToString(rootHash))
            .append('\n');
    extensions.forEach(e -> sb.append(e).append('\n'));
    return sb.toString();
  }

  public byte[] bodyBytes() {
    return body().getBytes(StandardCharsets.UTF_8);
  }

  public static Checkpoint parse(String body) {
    if (body == null || !body.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint ends with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new IllegalArgumentException("a checkpoint has origin, size and root lines");
    }
    try {
      long size = Long.parseLong(lines[1]);
      if (!lines[1].equals(Long.toString(size))) {
        throw new IllegalArgumentException("the size is a plain decimal number");
      }
      return new Checkpoint(
          lines[0],
          size,
          Base64.getDecoder().decode(lines[2]),
          Arrays.asList(lines).subList(3, lines.length));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed checkpoint: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && body().equals(c.body());
  }

  @Override
  public int hashCode() {
    return body().hashCode();
  }

  @Override
  public String toString() {
    return origin + " @" + size + " " + MerkleTree.hex(rootHash);
  }
}
