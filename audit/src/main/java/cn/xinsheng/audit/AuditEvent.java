package cn.xinsheng.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One thing that happened, as an entry of the log: who did it in which role, what, to which
 * subject, with which payload and evidence (by SHA-256), when, and which business records it binds
 * (the hash of each row's canonical form, {@link BoundRecord}). Its canonical JSON is what is
 * hashed, so the entry is the same wherever it is computed; the sequencer wraps it into a leaf with
 * its place in the log ({@link Leaf}).
 */
public record AuditEvent(
    String actor,
    String role,
    String action,
    String subject,
    Map<String, Object> payload,
    List<String> evidenceSha256,
    Instant time,
    List<BoundRecord> bound) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public AuditEvent {
    require(actor, "actor");
    require(role, "role");
    require(action, "action");
    require(subject, "subject");
    if (time == null) {
      throw new IllegalArgumentException("an event has a time");
    }
    payload = payload == null ? Map.of() : Map.copyOf(payload);
    evidenceSha256 = evidenceSha256 == null ? List.of() : List.copyOf(evidenceSha256);
    bound = bound == null ? List.of() : List.copyOf(bound);
    for (String h : evidenceSha256) {
      if (!SHA256_HEX.matcher(h).matches()) {
        throw new IllegalArgumentException("evidence is named by lower-case SHA-256 hex: " + h);
      }
    }
    // fail now, not at hashing time, on a payload canonical JSON cannot hold
    CanonicalJson.check(payload);
  }

  /** An event that binds no business record. */
  public AuditEvent(
      String actor,
      String role,
      String action,
      String subject,
      Map<String, Object> payload,
      List<String> evidenceSha256,
      Instant time) {
    this(actor, role, action, subject, payload, evidenceSha256, time, List.of());
  }

  /** The same event, binding these records too. */
  public AuditEvent binding(List<BoundRecord> records) {
    return new AuditEvent(actor, role, action, subject, payload, evidenceSha256, time, records);
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an event has a " + what);
    }
  }

  /**
   * The prisoner number this event concerns, by the convention that such events carry it in the
   * payload under {@code "inmate"}: how an export of one inmate's records finds them.
   */
  public java.util.Optional<String> inmate() {
    return payload.get("inmate") instanceof String s
        ? java.util.Optional.of(s)
        : java.util.Optional.empty();
  }

  /** The canonical JSON of this event: the leaf's bytes. */
  public byte[] canonicalBytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", 1);
    m.put("actor", actor);
    m.put("role", role);
    m.put("action", action);
    m.put("subject", subject);
    m.put("payload", payload);
    m.put("evidence", evidenceSha256);
    // milliseconds since the epoch: one integer, no time-zone or format ambiguity
    m.put("time", time.toEpochMilli());
    if (!bound.isEmpty()) {
      // only when there is something bound, so an event without records keeps its old bytes
      m.put("bound", bound.stream().map(BoundRecord::json).toList());
    }
    return CanonicalJson.bytes(m);
  }

  public byte[] leafHash() {
    return MerkleTree.leafHash(canonicalBytes());
  }
}
