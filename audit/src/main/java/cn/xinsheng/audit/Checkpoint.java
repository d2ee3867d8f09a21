package cn.xinsheng.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The state of the log at one moment, in the text form of the transparency-dev checkpoint
 * (c2sp.org/tlog-checkpoint): the origin line naming the log, the tree size in decimal, the root
 * hash in base64, then one extension line with the time it was made. This text is the body that the
 * prison signs and witnesses cosign.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {

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
    if (timestamp == null) {
      throw new IllegalArgumentException("a checkpoint has a time");
    }
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The signed text: every line, including the last, ends in a newline. */
  public String body() {
    return origin
        + "\n"
        + size
        + "\n"
        + Base64.getEncoder().encodeToString(rootHash)
        + "\n"
        + TIMESTAMP
        + timestamp
        + "\n";
  }

  public byte[] bodyBytes() {
    return body().getBytes(StandardCharsets.UTF_8);
  }

  public static Checkpoint parse(String body) {
    if (body == null || !body.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint ends with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length != 4 || !lines[3].startsWith(TIMESTAMP)) {
      throw new IllegalArgumentException("a checkpoint has origin, size, root and timestamp lines");
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
          Instant.parse(lines[3].substring(TIMESTAMP.length())));
    } catch (NumberFormatException | DateTimeParseException e) {
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
