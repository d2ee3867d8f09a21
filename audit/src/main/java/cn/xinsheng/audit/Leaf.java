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
    // written straight out, keys in canonical order (issue 22: a map and the canonical writer per
    // leaf were a sixth of the sequencer's time); the same bytes as tailByMap, as a test checks
    StringBuilder sb = new StringBuilder(160 + 64 * links.size());
    sb.append(",\"index\":").append(index).append(",\"links\":[");
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      if (!l.adopts().isEmpty()) {
        sb.append("\"adopts\":[");
        for (int j = 0; j < l.adopts().size(); j++) {
          if (j > 0) {
            sb.append(',');
          }
          sb.append(l.adopts().get(j).longValue());
        }
        sb.append("],");
      }
      sb.append("\"n\":").append(l.n()).append(",\"prev\":").append(l.prev());
      sb.append(",\"subject\":");
      if (!plain(l.subject())) {
        return tailByMap(index, links, previous, sequencedMillis);
      }
      sb.append('"').append(l.subject()).append("\"}");
    }
    sb.append("],\"previous\":\"").append(MerkleTree.hex(previous));
    sb.append("\",\"sequenced\":").append(sequencedMillis).append(",\"v\":2}");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Printable ASCII without a quote or a backslash: canonical JSON writes it as it is. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** {@link #tail} by the canonical writer: for subjects with other characters, and the tests. */
  static byte[] tailByMap(long index, List<Link> links, byte[] previous, long sequencedMillis) {
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

  /**
   * A leaf read back: its entry and, for form 2, its place. The entry is parsed only when asked
   * for: a verifier reading millions of leaves needs only the subjects and the action, which are
   * found by scanning the bytes.
   */
  public static final class Parsed {
    private final int form;
    private final byte[] data;
    private final int entryFrom;
    private final int entryTo;
    private final long index;
    private final List<Link> links;
    private final byte[] previous;
    private final long sequenced;
    private Map<String, Object> entry;
    private Scan.Summary summary;

    Parsed(
        int form,
        byte[] data,
        int entryFrom,
        int entryTo,
        long index,
        List<Link> links,
        byte[] previous,
        long sequenced) {
      this.form = form;
      this.data = data;
      this.entryFrom = entryFrom;
      this.entryTo = entryTo;
      this.index = index;
      this.links = links;
      this.previous = previous;
      this.sequenced = sequenced;
    }

    public int form() {
      return form;
    }

    public long index() {
      return index;
    }

    public List<Link> links() {
      return links;
    }

    public byte[] previous() {
      return previous;
    }

    public long sequenced() {
      return sequenced;
    }

    /** The entry as parsed JSON (parsed on the first call). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> entry() {
      if (entry == null) {
        Object v =
            CanonicalJson.parse(
                new String(data, entryFrom, entryTo - entryFrom, StandardCharsets.UTF_8));
        if (!(v instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("a leaf's entry is a JSON object");
        }
        entry = (Map<String, Object>) m;
      }
      return entry;
    }

    /** What one scan of the entry's bytes found (made once, when first asked). */
    private Scan.Summary summary() {
      if (summary == null) {
        summary = Scan.summarize(data, entryFrom, entryTo);
      }
      return summary;
    }

    /** Whether the entry binds business records (it has a {@code bound} list). */
    public boolean bindsRecords() {
      return entry != null ? entry.get("bound") instanceof List<?> : summary().binds();
    }

    /** Whether the entry's bytes hold these bytes (a quick look before parsing). */
    public boolean entryContains(byte[] needle) {
      outer:
      for (int i = entryFrom; i + needle.length <= entryTo; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (data[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    /** The subjects the entry is about, as its chains name them. */
    public List<String> subjects() {
      return entry != null ? chainSubjects(entry) : summary().subjects();
    }

    public Optional<Link> link(String subject) {
      return links.stream().filter(l -> l.subject().equals(subject)).findFirst();
    }

    public String action() {
      return entry != null
          ? String.valueOf(entry.get("action"))
          : String.valueOf(summary().action());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> payload() {
      return entry().get("payload") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    /** The chain this leaf is the head of, for the head that ends an export of one subject. */
    public Optional<String> headOf() {
      return HEAD_ACTION.equals(action()) && payload().get("head") instanceof String s
          ? Optional.of(s)
          : Optional.empty();
    }
  }

  /**
   * Reads a leaf of either form; a leaf of form 1 has index -1 (only its line says where it is).
   * The entry is checked to be one JSON object without building it.
   *
   * @throws IllegalArgumentException when the bytes are not a leaf
   */
  public static Parsed parse(byte[] data) {
    if (!isWrapped(data)) {
      Parsed p = new Parsed(1, data, 0, data.length, -1, List.of(), null, -1);
      p.summary = Scan.summarize(data, 0, data.length);
      return p;
    }
    int at = lastIndexOf(data, INDEX_KEY);
    if (at < 0) {
      throw new IllegalArgumentException("a leaf of form 2 has an index");
    }
    // one pass over the entry: it is one JSON object, and what the verifier needs of it
    Scan.Summary summary = Scan.summarize(data, OPEN.length, at);
    Parsed fast = Tail.read(data, at);
    if (fast != null) {
      fast.summary = summary;
      return fast;
    }
    // not in the exact form the sequencer writes: read it as any JSON, and judge it by its fields
    String tailText = "{" + new String(data, at + 1, data.length - at - 1, StandardCharsets.UTF_8);
    Object t = CanonicalJson.parse(tailText);
    if (!(t instanceof Map<?, ?> tail)) {
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
    Parsed p = new Parsed(2, data, OPEN.length, at, index, parsed, prev, sequenced);
    p.summary = summary;
    return p;
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

  /**
   * The tail as the sequencer writes it, read straight from the bytes: {@code ,"index":N,"links":
   * [{"adopts":[…],"n":N,"prev":N,"subject":"…"}…],"previous":"hex","sequenced":N,"v":2}}. Null
   * when the bytes are in any other form (then the general reader decides).
   */
  static final class Tail {
    /** Lower-case hex digit values; -1 for every other byte. */
    private static final byte[] HEX_VALUE = new byte[256];

    static {
      Arrays.fill(HEX_VALUE, (byte) -1);
      for (int i = 0; i < 16; i++) {
        HEX_VALUE["0123456789abcdef".charAt(i)] = (byte) i;
      }
    }

    private final byte[] b;
    private int pos;

    private Tail(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    static Parsed read(byte[] data, int at) {
      Tail t = new Tail(data, at);
      try {
        if (!t.literal(",\"index\":")) {
          return null;
        }
        long index = t.number();
        if (!t.literal(",\"links\":[")) {
          return null;
        }
        List<Link> links = new ArrayList<>(2);
        if (!t.literal("]")) {
          while (true) {
            if (!t.literal("{")) {
              return null;
            }
            List<Long> adopts = List.of();
            if (t.literal("\"adopts\":[")) {
              adopts = new ArrayList<>();
              if (!t.literal("]")) {
                while (true) {
                  adopts.add(t.number());
                  if (t.literal("]")) {
                    break;
                  }
                  if (!t.literal(",")) {
                    return null;
                  }
                }
              }
              if (!t.literal(",")) {
                return null;
              }
            }
            if (!t.literal("\"n\":")) {
              return null;
            }
            long n = t.number();
            if (!t.literal(",\"prev\":")) {
              return null;
            }
            long prev = t.number();
            if (!t.literal(",\"subject\":\"")) {
              return null;
            }
            int from = t.pos;
            while (t.b[t.pos] != '"') {
              if (t.b[t.pos] == '\\' || t.b[t.pos] < 0x20) {
                return null;
              }
              t.pos++;
            }
            String subject = new String(t.b, from, t.pos - from, StandardCharsets.UTF_8);
            t.pos++;
            if (!t.literal("}")) {
              return null;
            }
            links.add(new Link(subject, n, prev, adopts));
            if (t.literal("]")) {
              break;
            }
            if (!t.literal(",")) {
              return null;
            }
          }
        }
        if (!t.literal(",\"previous\":\"")) {
          return null;
        }
        byte[] previous = new byte[MerkleTree.HASH_BYTES];
        for (int i = 0; i < previous.length; i++) {
          // lower-case hex only, as the sequencer writes it
          int hi = HEX_VALUE[t.b[t.pos++] & 0xff];
          int lo = HEX_VALUE[t.b[t.pos++] & 0xff];
          if (hi < 0 || lo < 0) {
            return null;
          }
          previous[i] = (byte) ((hi << 4) | lo);
        }
        if (!t.literal("\",\"sequenced\":")) {
          return null;
        }
        long sequenced = t.number();
        if (!t.literal(",\"v\":2}") || t.pos != t.b.length) {
          return null;
        }
        return new Parsed(2, data, OPEN.length, at, index, List.copyOf(links), previous, sequenced);
      } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
        return null;
      }
    }

    private boolean literal(String s) {
      if (pos + s.length() > b.length) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if (b[pos + i] != s.charAt(i)) {
          return false;
        }
      }
      pos += s.length();
      return true;
    }

    /** A canonical integer: no leading zeros, no plus sign. */
    private long number() {
      int from = pos;
      if (b[pos] == '-') {
        pos++;
      }
      int digits = pos;
      while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
        pos++;
      }
      if (pos == digits || pos - digits > 18 || (b[digits] == '0' && pos - digits > 1)) {
        throw new IllegalArgumentException("not a canonical integer");
      }
      // at most 18 digits: no overflow (what Long.parseLong of the same text gives)
      long v = 0;
      for (int i = digits; i < pos; i++) {
        v = v * 10 + (b[i] - '0');
      }
      return digits > from ? -v : v;
    }
  }

  /**
   * A reader of JSON bytes that walks without building anything: whether a span is one object, a
   * top-level string field, the subjects of an entry. What the verifier needs of millions of
   * leaves.
   */
  static final class Scan {
    private final byte[] b;
    private int pos;
    private final int end;

    private Scan(byte[] b, int from, int to) {
      this.b = b;
      this.pos = from;
      this.end = to;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at " + pos);
    }

    /** What the verifier needs of an entry: its action, its subjects, whether it binds records. */
    record Summary(String action, List<String> subjects, boolean binds) {}

    /**
     * One pass over an entry: it must be one JSON object and nothing else; on the way, its
     * top-level {@code action}, whether it has a {@code bound} list, and its subjects (as {@link
     * #subjects}).
     */
    static Summary summarize(byte[] b, int from, int to) {
      Summary fast = Fast.summarize(b, from, to);
      return fast != null ? fast : general(b, from, to);
    }

    /** {@link #summarize} by the general walk: any JSON, and the errors it names. */
    private static Summary general(byte[] b, int from, int to) {
      Scan s = new Scan(b, from, to);
      s.space();
      if (s.pos >= s.end || s.b[s.pos] != '{') {
        throw s.error("an object expected");
      }
      String[] found = new String[3];
      boolean[] binds = new boolean[1];
      s.fields(
          (kf, kt, at) -> {
            if (s.keyIs(kf, kt, "action")) {
              found[2] = s.b[at] == '"' ? s.string() : null;
              return s.b[at] == '"';
            }
            if (s.keyIs(kf, kt, "bound")) {
              binds[0] = s.b[at] == '[';
              return false;
            }
            if (s.keyIs(kf, kt, "payload")) {
              found[0] = null;
              found[1] = null;
              if (s.b[at] != '{') {
                return false;
              }
              s.payload(found);
              return true;
            }
            return false;
          },
          0);
      s.space();
      if (s.pos != s.end) {
        throw s.error("trailing text");
      }
      return new Summary(found[2], subjectsOf(found), binds[0]);
    }

    /** The payload's inmate (found[0]) and case (found[1]); of a key given twice, the last. */
    private void payload(String[] found) {
      fields(
          (kf, kt, at) -> {
            byte c = b[at];
            if (keyIs(kf, kt, "inmate")) {
              found[0] = c == '"' ? string() : null;
              return c == '"';
            }
            if (keyIs(kf, kt, "case")) {
              found[1] = null;
              if (c == '-' || (c >= '0' && c <= '9')) {
                int start = pos;
                skip(1);
                try {
                  found[1] =
                      Long.toString(
                          Long.parseLong(
                              new String(b, start, pos - start, StandardCharsets.US_ASCII)));
                } catch (NumberFormatException e) {
                  // not a long: no chain, as with a parsed entry
                }
                return true;
              }
            }
            return false;
          },
          1);
    }

    private static List<String> subjectsOf(String[] found) {
      boolean inmate = found[0] != null && !found[0].isEmpty();
      if (inmate && found[1] != null) {
        // sorted: "case/…" before "inmate/…"
        return List.of("case/" + found[1], "inmate/" + found[0]);
      }
      if (inmate) {
        return List.of("inmate/" + found[0]);
      }
      return found[1] != null ? List.of("case/" + found[1]) : List.of();
    }

    /** The span is one JSON object and nothing else. */
    static void object(byte[] b, int from, int to) {
      Scan s = new Scan(b, from, to);
      s.space();
      if (s.pos >= s.end || s.b[s.pos] != '{') {
        throw s.error("an object expected");
      }
      s.skip(0);
      s.space();
      if (s.pos != s.end) {
        throw s.error("trailing text");
      }
    }

    static String topLevelString(byte[] b, int from, int to, String key) {
      Scan s = new Scan(b, from, to);
      String[] found = new String[1];
      s.fields(
          (from2, to2, at) -> {
            if (found[0] == null && s.keyIs(from2, to2, key) && s.b[at] == '"') {
              found[0] = s.string();
              return true;
            }
            return false;
          },
          0);
      return found[0];
    }

    /**
     * {@code inmate/N} for the payload's {@code inmate} string, {@code case/N} for its integer
     * {@code case}. As a parsed map would have it: of a key given twice, the last counts.
     */
    static List<String> subjects(byte[] b, int from, int to) {
      return summarize(b, from, to).subjects();
    }

    /** Takes a field when it consumed the value itself. */
    private interface Field {
      boolean take(int keyFrom, int keyTo, int valueAt);
    }

    /** Whether the key between these positions (inside its quotes) is this ASCII name. */
    private boolean keyIs(int from, int to, String name) {
      boolean escaped = false;
      for (int i = from; i < to; i++) {
        if (b[i] == '\\') {
          escaped = true;
          break;
        }
      }
      if (escaped) {
        return CanonicalJson.parse(new String(b, from - 1, to - from + 2, StandardCharsets.UTF_8))
            .equals(name);
      }
      return asciiEquals(b, from, to, name);
    }

    /** Walks the fields of the object at pos, leaving pos after it. */
    private void fields(Field f, int depth) {
      space();
      expect('{');
      space();
      if (peek() == '}') {
        pos++;
        return;
      }
      while (true) {
        space();
        int keyFrom = pos + 1;
        skipString();
        int keyTo = pos - 1;
        space();
        expect(':');
        space();
        peek();
        if (!f.take(keyFrom, keyTo, pos)) {
          skip(depth + 1);
        }
        space();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return;
        }
      }
    }

    private void space() {
      while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) {
        pos++;
      }
    }

    private byte peek() {
      if (pos >= end) {
        throw error("unexpected end");
      }
      return b[pos];
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "' expected");
      }
      pos++;
    }

    /** Skips one value. */
    private void skip(int depth) {
      if (depth > 64) {
        throw error("nested too deep");
      }
      space();
      byte c = peek();
      if (c == '{') {
        fields((from, to, at) -> false, depth);
      } else if (c == '[') {
        pos++;
        space();
        if (peek() == ']') {
          pos++;
          return;
        }
        while (true) {
          skip(depth + 1);
          space();
          if (peek() == ',') {
            pos++;
          } else {
            expect(']');
            return;
          }
        }
      } else if (c == '"') {
        skipString();
      } else if (c == 't' || c == 'f' || c == 'n') {
        int len = c == 'f' ? 5 : 4;
        String word = new String(b, pos, Math.min(len, end - pos), StandardCharsets.US_ASCII);
        if (!word.equals("true") && !word.equals("false") && !word.equals("null")) {
          throw error("unexpected value");
        }
        pos += len;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        pos++;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
          pos++;
        }
      } else {
        throw error("unexpected '" + (char) c + "'");
      }
    }

    private void skipString() {
      expect('"');
      while (true) {
        byte c = peek();
        pos++;
        if (c == '"') {
          return;
        }
        if (c == '\\') {
          peek();
          pos++;
        }
      }
    }

    private String string() {
      int start = pos;
      skipString();
      // strings without escapes are the rule: decode them directly
      for (int i = start + 1; i < pos - 1; i++) {
        if (b[i] == '\\') {
          return (String)
              CanonicalJson.parse(new String(b, start, pos - start, StandardCharsets.UTF_8));
        }
      }
      return new String(b, start + 1, pos - start - 2, StandardCharsets.UTF_8);
    }
  }

  /**
   * The fast path of {@link Scan#summarize} for entries in the form the platform writes them
   * (canonical JSON: no whitespace, no escapes, integers of at most 18 digits), in one tight loop
   * over the bytes (issue 22: the general walk, with a lambda per field and a bounds check per
   * byte, was the largest cost of the verifier). It answers null on anything else (whitespace, an
   * escape, a longer number, deep nesting, any error), and the general walk then decides with its
   * own messages. So what it answers is what the general walk answers, and every entry it accepts
   * {@link CanonicalJson#parse} reads as one object too (what {@link Sequencing} relies on).
   */
  static final class Fast {
    private static final int MAX_DEPTH = 32;
    private static final int FAIL = -1;
    private final byte[] b;
    private final int end;

    private Fast(byte[] b, int end) {
      this.b = b;
      this.end = end;
    }

    static Scan.Summary summarize(byte[] b, int from, int to) {
      if (from < 0 || to > b.length || from >= to || b[from] != '{') {
        return null;
      }
      Fast f = new Fast(b, to);
      String action = null;
      boolean binds = false;
      String[] found = new String[3];
      int p = from + 1;
      if (p < to && b[p] == '}') {
        p++;
      } else {
        while (true) {
          if (p >= to || b[p] != '"') {
            return null;
          }
          int keyFrom = p + 1;
          p = f.string(p);
          if (p == FAIL || p >= to || b[p] != ':') {
            return null;
          }
          int keyTo = p - 1;
          int at = p + 1;
          if (at >= to) {
            return null;
          }
          if (f.keyIs(keyFrom, keyTo, "action")) {
            if (b[at] == '"') {
              p = f.string(at);
              if (p == FAIL) {
                return null;
              }
              action = new String(b, at + 1, p - at - 2, StandardCharsets.UTF_8);
            } else {
              action = null;
              p = f.value(at, 1);
            }
          } else if (f.keyIs(keyFrom, keyTo, "bound")) {
            binds = b[at] == '[';
            p = f.value(at, 1);
          } else if (f.keyIs(keyFrom, keyTo, "payload")) {
            found[0] = null;
            found[1] = null;
            p = b[at] == '{' ? f.payload(at, found) : f.value(at, 1);
          } else {
            p = f.value(at, 1);
          }
          if (p == FAIL || p >= to) {
            return null;
          }
          if (b[p] == ',') {
            p++;
          } else if (b[p] == '}') {
            p++;
            break;
          } else {
            return null;
          }
        }
      }
      if (p != to) {
        return null;
      }
      return new Scan.Summary(action, Scan.subjectsOf(found), binds);
    }

    /**
     * The payload object at p: its inmate (found[0]) and case (found[1]), of a key twice the last.
     */
    private int payload(int p, String[] found) {
      p++;
      if (p < end && b[p] == '}') {
        return p + 1;
      }
      while (true) {
        if (p >= end || b[p] != '"') {
          return FAIL;
        }
        int keyFrom = p + 1;
        p = string(p);
        if (p == FAIL || p >= end || b[p] != ':') {
          return FAIL;
        }
        int keyTo = p - 1;
        int at = p + 1;
        if (at >= end) {
          return FAIL;
        }
        byte c = b[at];
        if (keyIs(keyFrom, keyTo, "inmate")) {
          if (c == '"') {
            p = string(at);
            if (p == FAIL) {
              return FAIL;
            }
            found[0] = new String(b, at + 1, p - at - 2, StandardCharsets.UTF_8);
          } else {
            found[0] = null;
            p = value(at, 2);
          }
        } else if (keyIs(keyFrom, keyTo, "case")) {
          found[1] = null;
          if (c == '-' || (c >= '0' && c <= '9')) {
            p = number(at);
            if (p == FAIL) {
              return FAIL;
            }
            found[1] = Long.toString(parseLong(at, p));
          } else {
            p = value(at, 2);
          }
        } else {
          p = value(at, 2);
        }
        if (p == FAIL || p >= end) {
          return FAIL;
        }
        if (b[p] == ',') {
          p++;
        } else if (b[p] == '}') {
          return p + 1;
        } else {
          return FAIL;
        }
      }
    }

    private boolean keyIs(int from, int to, String name) {
      return asciiEquals(b, from, to, name);
    }

    /** The position after the value at p, or FAIL. */
    private int value(int p, int depth) {
      if (p >= end) {
        return FAIL;
      }
      byte c = b[p];
      if (c == '"') {
        return string(p);
      }
      if (c == '{') {
        return object(p, depth + 1);
      }
      if (c == '[') {
        return array(p, depth + 1);
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        return number(p);
      }
      if (c == 't') {
        return word(p, "true");
      }
      if (c == 'f') {
        return word(p, "false");
      }
      if (c == 'n') {
        return word(p, "null");
      }
      return FAIL;
    }

    /** The position after the string at p (b[p] is its quote); FAIL at an escape or the end. */
    private int string(int p) {
      for (int i = p + 1; i < end; i++) {
        byte c = b[i];
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\') {
          return FAIL;
        }
      }
      return FAIL;
    }

    /** An integer of 1 to 18 digits, with an optional minus sign. */
    private int number(int p) {
      int i = p;
      if (b[i] == '-') {
        i++;
      }
      int digits = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      return i == digits || i - digits > 18 ? FAIL : i;
    }

    private long parseLong(int from, int to) {
      boolean negative = b[from] == '-';
      long v = 0;
      for (int i = negative ? from + 1 : from; i < to; i++) {
        v = v * 10 + (b[i] - '0');
      }
      return negative ? -v : v;
    }

    private int word(int p, String w) {
      if (p + w.length() > end) {
        return FAIL;
      }
      for (int i = 0; i < w.length(); i++) {
        if (b[p + i] != w.charAt(i)) {
          return FAIL;
        }
      }
      return p + w.length();
    }

    private int object(int p, int depth) {
      if (depth > MAX_DEPTH) {
        return FAIL;
      }
      p++;
      if (p < end && b[p] == '}') {
        return p + 1;
      }
      while (true) {
        if (p >= end || b[p] != '"') {
          return FAIL;
        }
        p = string(p);
        if (p == FAIL || p >= end || b[p] != ':') {
          return FAIL;
        }
        p = value(p + 1, depth);
        if (p == FAIL || p >= end) {
          return FAIL;
        }
        if (b[p] == ',') {
          p++;
        } else if (b[p] == '}') {
          return p + 1;
        } else {
          return FAIL;
        }
      }
    }

    private int array(int p, int depth) {
      if (depth > MAX_DEPTH) {
        return FAIL;
      }
      p++;
      if (p < end && b[p] == ']') {
        return p + 1;
      }
      while (true) {
        p = value(p, depth);
        if (p == FAIL || p >= end) {
          return FAIL;
        }
        if (b[p] == ',') {
          p++;
        } else if (b[p] == ']') {
          return p + 1;
        } else {
          return FAIL;
        }
      }
    }
  }

  /** Whether the unescaped bytes b[from, to) spell the ASCII name (both readers' key test). */
  private static boolean asciiEquals(byte[] b, int from, int to, String name) {
    if (to - from != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (b[from + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
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
