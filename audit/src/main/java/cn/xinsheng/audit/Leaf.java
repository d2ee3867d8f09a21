package cn.xinsheng.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A leaf of the log as the sequencer writes it (form 2): the entry as the business transaction
 * wrote it, wrapped with its place in the log, as canonical JSON:
 *
 * <pre>
 * {"entry":{…the event…},"index":1234,"links":[{"n":5,"prev":1200,"subject":"inmate/3301000001"}],
 *  "previous":"…hex…","sequenced":1790000000123,"v":2}
 * </pre>
 *
 * <ul>
 *   <li>{@code index}: the leaf's own place, so a line renumbered in an export cannot pass for
 *       another;
 *   <li>{@code previous}: the hash of the leaf before it (32 zero bytes for leaf 0), so a leaf
 *       changed with its hash recomputed is named by the leaf after it;
 *   <li>{@code links}: for each subject the entry is about (an inmate, a case), its place in that
 *       subject's chain: the n-th leaf about it, after leaf {@code prev} (-1 for the first). The
 *       first link of a subject that already had leaves in form 1 adopts them ({@code adopts}), so
 *       a chain covers a log that began before chains;
 *   <li>{@code sequenced}: when the sequencer took it in; the time of a checkpoint is the {@code
 *       sequenced} of its last leaf, inside the tree where monitors can audit it.
 * </ul>
 *
 * The entry's bytes are kept as written: the leaf is {@code {"entry":} + entry + tail}, so the
 * stored entry and the stored tail make the leaf again without parsing. Form 1, from before, is the
 * entry alone.
 */
public final class Leaf {

  /** The action of the entry that ends an export of one subject: its head. */
  public static final String HEAD_ACTION = "audit.subject.head";

  private static final byte[] OPEN = "{\"entry\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INDEX_KEY = ",\"index\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_PREVIOUS = new byte[MerkleTree.HASH_BYTES];

  private Leaf() {}

  /** One subject-chain link. */
  public record Link(String subject, long n, long prev, List<Long> adopts) {
    public Link {
      if (subject == null || subject.isEmpty() || n < 1 || prev < -1) {
        throw new IllegalArgumentException("a chain link has a subject, n >= 1 and prev >= -1");
      }
      adopts = adopts == null ? List.of() : List.copyOf(adopts);
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", subject);
      m.put("n", n);
      m.put("prev", prev);
      if (!adopts.isEmpty()) {
        m.put("adopts", adopts);
      }
      return m;
    }
  }

  /** The hash that leaf 0 names as its predecessor. */
  public static byte[] noPrevious() {
    return NO_PREVIOUS.clone();
  }

  /** The part after the entry: {@code ,"index":…,"v":2}}. */
  public static byte[] tail(long index, List<Link> links, byte[] previous, long sequencedMillis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", index);
    m.put("links", links.stream().map(Link::json).toList());
    m.put("previous", MerkleTree.hex(previous));
    m.put("sequenced", sequencedMillis);
    m.put("v", 2L);
    byte[] all = CanonicalJson.bytes(m);
    // all is {"index":…}; the tail is that without its "{"
    byte[] tail = new byte[all.length];
    tail[0] = ',';
    System.arraycopy(all, 1, tail, 1, all.length - 1);
    return tail;
  }

  /** The leaf's bytes from the stored entry and tail. */
  public static byte[] assemble(byte[] entry, byte[] tail) {
    byte[] out = new byte[OPEN.length + entry.length + tail.length];
    System.arraycopy(OPEN, 0, out, 0, OPEN.length);
    System.arraycopy(entry, 0, out, OPEN.length, entry.length);
    System.arraycopy(tail, 0, out, OPEN.length + entry.length, tail.length);
    return out;
  }

  /** Whether these bytes are a leaf of form 2 (an entry with its place), not an entry alone. */
  public static boolean isWrapped(byte[] data) {
    return data.length > OPEN.length && Arrays.equals(data, 0, OPEN.length, OPEN, 0, OPEN.length);
  }

  /** A leaf read back: its entry and, for form 2, its place. */
  public record Parsed(
      int form,
      Map<String, Object> entry,
      long index,
      List<Link> links,
      byte[] previous,
      long sequenced) {

    /** The subjects the entry is about, as its chains name them. */
    public List<String> subjects() {
      return chainSubjects(entry);
    }

    public Optional<Link> link(String subject) {
      return links.stream().filter(l -> l.subject().equals(subject)).findFirst();
    }

    public String action() {
      return String.valueOf(entry.get("action"));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> payload() {
      return entry.get("payload") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    /** The chain this leaf is the head of, for the head that ends an export of one subject. */
    public Optional<String> headOf() {
      return HEAD_ACTION.equals(entry.get("action")) && payload().get("head") instanceof String s
          ? Optional.of(s)
          : Optional.empty();
    }
  }

  /**
   * Reads a leaf of either form; a leaf of form 1 has index -1 (only its line says where it is).
   *
   * @throws IllegalArgumentException when the bytes are not a leaf
   */
  @SuppressWarnings("unchecked")
  public static Parsed parse(byte[] data) {
    if (!isWrapped(data)) {
      Object v = CanonicalJson.parse(new String(data, StandardCharsets.UTF_8));
      if (!(v instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("a leaf is a JSON object");
      }
      return new Parsed(1, (Map<String, Object>) m, -1, List.of(), null, -1);
    }
    int at = lastIndexOf(data, INDEX_KEY);
    if (at < 0) {
      throw new IllegalArgumentException("a leaf of form 2 has an index");
    }
    String entryText = new String(data, OPEN.length, at - OPEN.length, StandardCharsets.UTF_8);
    String tailText = "{" + new String(data, at + 1, data.length - at - 1, StandardCharsets.UTF_8);
    Object e = CanonicalJson.parse(entryText);
    Object t = CanonicalJson.parse(tailText);
    if (!(e instanceof Map<?, ?> entry) || !(t instanceof Map<?, ?> tail)) {
      throw new IllegalArgumentException("a leaf of form 2 wraps a JSON object");
    }
    if (!(tail.get("index") instanceof Long index)
        || !(tail.get("links") instanceof List<?> links)
        || !(tail.get("previous") instanceof String previous)
        || !(tail.get("sequenced") instanceof Long sequenced)
        || !Long.valueOf(2).equals(tail.get("v"))) {
      throw new IllegalArgumentException("a leaf of form 2 has index, links, previous, sequenced");
    }
    List<Link> parsed = new ArrayList<>(links.size());
    for (Object o : links) {
      if (!(o instanceof Map<?, ?> l)
          || !(l.get("subject") instanceof String subject)
          || !(l.get("n") instanceof Long n)
          || !(l.get("prev") instanceof Long prev)) {
        throw new IllegalArgumentException("a chain link has subject, n and prev");
      }
      List<Long> adopts = new ArrayList<>();
      if (l.get("adopts") instanceof List<?> a) {
        for (Object x : a) {
          if (!(x instanceof Long i)) {
            throw new IllegalArgumentException("a chain adopts leaves by index");
          }
          adopts.add(i);
        }
      }
      parsed.add(new Link(subject, n, prev, adopts));
    }
    byte[] prev = MerkleTree.unhex(previous);
    if (prev.length != MerkleTree.HASH_BYTES) {
      throw new IllegalArgumentException("previous is a SHA-256 hash");
    }
    return new Parsed(2, (Map<String, Object>) entry, index, parsed, prev, sequenced);
  }

  /**
   * The subjects whose chains an entry joins, from its payload: {@code inmate/N} for a prisoner
   * number under {@code inmate}, {@code case/N} for a case id under {@code case}. Sorted.
   */
  public static List<String> chainSubjects(Map<String, Object> entry) {
    if (!(entry.get("payload") instanceof Map<?, ?> p)) {
      return List.of();
    }
    TreeSet<String> out = new TreeSet<>();
    if (p.get("inmate") instanceof String inmate && !inmate.isEmpty()) {
      out.add("inmate/" + inmate);
    }
    if (p.get("case") instanceof Long c) {
      out.add("case/" + c);
    }
    return List.copyOf(out);
  }

  private static int lastIndexOf(byte[] data, byte[] key) {
    for (int i = data.length - key.length; i >= 0; i--) {
      if (data[i] == key[0] && Arrays.equals(data, i, i + key.length, key, 0, key.length)) {
        return i;
      }
    }
    return -1;
  }
}
