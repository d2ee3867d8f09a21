package cn.xinsheng.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint as a signed note: the checkpoint body, a blank line, then one line per signature,
 * {@code — name base64(keyid || signature)}. The prison's key signs the body (Ed25519); a witness
 * cosigns per c2sp.org/tlog-cosignature: it signs {@code "cosignature/v1\ntime T\n" || body} and
 * its line carries keyid || T (8 bytes, big-endian seconds) || signature.
 */
public final class SignedCheckpoint {

  private static final String DASH = "\u2014 ";

  /** One signature line. */
  public record NoteSignature(String name, byte[] keyId, byte[] payload) {
    /** The signature line as the note holds it, newline included. */
    public String line() {
      byte[] all = new byte[keyId.length + payload.length];
      System.arraycopy(keyId, 0, all, 0, keyId.length);
      System.arraycopy(payload, 0, all, keyId.length, payload.length);
      return DASH + name + " " + Base64.getEncoder().encodeToString(all) + "\n";
    }
  }

  private final Checkpoint checkpoint;
  private final List<NoteSignature> signatures;

  private SignedCheckpoint(Checkpoint checkpoint, List<NoteSignature> signatures) {
    this.checkpoint = checkpoint;
    this.signatures = List.copyOf(signatures);
  }

  /** The log's own signature. */
  public static SignedCheckpoint sign(Checkpoint checkpoint, NoteKey logKey) {
    byte[] sig = logKey.sign(checkpoint.bodyBytes());
    return new SignedCheckpoint(
        checkpoint,
        List.of(new NoteSignature(logKey.name(), logKey.keyId(NoteKey.TYPE_ED25519), sig)));
  }

  /** Adds another log-key signature (key rotation: the old key signs the new key's first). */
  public SignedCheckpoint alsoSignedBy(NoteKey logKey) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.add(
        new NoteSignature(
            logKey.name(),
            logKey.keyId(NoteKey.TYPE_ED25519),
            logKey.sign(checkpoint.bodyBytes())));
    return new SignedCheckpoint(checkpoint, all);
  }

  /** A witness's cosignature at the given time. */
  public SignedCheckpoint cosignedBy(NoteKey witness, Instant when) {
    long seconds = when.getEpochSecond();
    byte[] sig = witness.sign(cosignedMessage(seconds));
    byte[] payload = ByteBuffer.allocate(8 + sig.length).putLong(seconds).put(sig).array();
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.add(new NoteSignature(witness.name(), witness.keyId(NoteKey.TYPE_COSIGNATURE), payload));
    return new SignedCheckpoint(checkpoint, all);
  }

  private byte[] cosignedMessage(long seconds) {
    return ("cosignature/v1\ntime " + seconds + "\n" + checkpoint.body())
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * This note with the other note's signature lines added (same body required): how the log joins
   * the cosignatures that witnesses sent in separately.
   */
  public SignedCheckpoint withSignaturesOf(SignedCheckpoint other) {
    if (!checkpoint.equals(other.checkpoint)) {
      throw new IllegalArgumentException("the notes sign different checkpoints");
    }
    List<NoteSignature> all = new ArrayList<>(signatures);
    for (NoteSignature s : other.signatures) {
      if (all.stream().noneMatch(t -> t.line().equals(s.line()))) {
        all.add(s);
      }
    }
    return new SignedCheckpoint(checkpoint, all);
  }

  /** Only the signature lines that this witness made, validly, on this body. */
  public Optional<SignedCheckpoint> cosignatureOnly(NoteKey witness) {
    byte[] id = witness.keyId(NoteKey.TYPE_COSIGNATURE);
    return signatures.stream()
        .filter(s -> s.name().equals(witness.name()) && Arrays.equals(s.keyId(), id))
        .filter(s -> validCosignature(witness, s).isPresent())
        .findFirst()
        .map(s -> new SignedCheckpoint(checkpoint, List.of(s)));
  }

  public Checkpoint checkpoint() {
    return checkpoint;
  }

  public List<NoteSignature> signatures() {
    return signatures;
  }

  /** Whether the log key (by name and key ID) signed this body. */
  public boolean isSignedBy(NoteKey logKey) {
    byte[] id = logKey.keyId(NoteKey.TYPE_ED25519);
    return signatures.stream()
        .filter(s -> s.name().equals(logKey.name()) && Arrays.equals(s.keyId(), id))
        .anyMatch(s -> logKey.verify(checkpoint.bodyBytes(), s.payload()));
  }

  /** Whether a line claims to be this witness's cosignature, valid or not. */
  public boolean hasCosignatureLine(NoteKey witness) {
    byte[] id = witness.keyId(NoteKey.TYPE_COSIGNATURE);
    return signatures.stream()
        .anyMatch(s -> s.name().equals(witness.name()) && Arrays.equals(s.keyId(), id));
  }

  /** The time of a valid cosignature by this witness, if there is one. */
  public Optional<Instant> cosignatureTime(NoteKey witness) {
    byte[] id = witness.keyId(NoteKey.TYPE_COSIGNATURE);
    return signatures.stream()
        .filter(s -> s.name().equals(witness.name()) && Arrays.equals(s.keyId(), id))
        .map(s -> validCosignature(witness, s))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private Optional<Instant> validCosignature(NoteKey witness, NoteSignature s) {
    if (s.payload().length != 8 + 64) {
      return Optional.empty();
    }
    long seconds = ByteBuffer.wrap(s.payload(), 0, 8).getLong();
    byte[] sig = Arrays.copyOfRange(s.payload(), 8, s.payload().length);
    return witness.verify(cosignedMessage(seconds), sig)
        ? Optional.of(Instant.ofEpochSecond(seconds))
        : Optional.empty();
  }

  /** The signed note as text. */
  public String format() {
    StringBuilder sb = new StringBuilder(checkpoint.body()).append('\n');
    signatures.forEach(s -> sb.append(s.line()));
    return sb.toString();
  }

  public static SignedCheckpoint parse(String note) {
    int split = note == null ? -1 : note.indexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("a signed note has a body, a blank line and signatures");
    }
    Checkpoint checkpoint = Checkpoint.parse(note.substring(0, split + 1));
    String rest = note.substring(split + 2);
    if (rest.isEmpty() || !rest.endsWith("\n")) {
      throw new IllegalArgumentException("a signed note has at least one signature line");
    }
    List<NoteSignature> sigs = new ArrayList<>();
    for (String line : rest.substring(0, rest.length() - 1).split("\n", -1)) {
      if (!line.startsWith(DASH)) {
        throw new IllegalArgumentException("malformed signature line");
      }
      String[] parts = line.substring(DASH.length()).split(" ");
      if (parts.length != 2) {
        throw new IllegalArgumentException("malformed signature line");
      }
      byte[] all;
      try {
        all = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("signature is not base64", e);
      }
      if (all.length < 5) {
        throw new IllegalArgumentException("signature too short");
      }
      sigs.add(
          new NoteSignature(
              parts[0], Arrays.copyOf(all, 4), Arrays.copyOfRange(all, 4, all.length)));
    }
    return new SignedCheckpoint(checkpoint, sigs);
  }
}
