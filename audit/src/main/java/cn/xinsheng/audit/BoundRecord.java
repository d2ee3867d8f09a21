package cn.xinsheng.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A business record bound to the audit entry written with it: the table, the row's id, and the
 * SHA-256 of the row's canonical form (its columns as canonical JSON), plus a short tag per field.
 * The hash is what binds: the row as the database holds it later must hash the same. The tags only
 * name which field differs when it does not (the first 8 bytes of the SHA-256 of {@code [name,
 * value]}); they are not the security, the full hash is.
 *
 * <p>In an entry's canonical JSON: {@code "bound":[{"fields":{"fact":"1f2e…",…},"id":21,
 * "sha256":"…","table":"point_entry"}]}.
 */
public record BoundRecord(String table, long id, String sha256, Map<String, String> fieldTags) {

  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

  public BoundRecord {
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("a bound record names its table: " + table);
    }
    if (sha256 == null || !HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("a bound record's hash is lower-case SHA-256 hex");
    }
    fieldTags = Map.copyOf(fieldTags == null ? Map.of() : fieldTags);
    for (Map.Entry<String, String> t : fieldTags.entrySet()) {
      if (!HEX16.matcher(t.getValue()).matches()) {
        throw new IllegalArgumentException("a field tag is 16 hex digits: " + t.getKey());
      }
    }
  }

  /** The binding of a row, from its canonical form (column name to value, with its id). */
  public static BoundRecord of(String table, long id, Map<String, Object> form) {
    CanonicalJson.check(form);
    Map<String, String> tags = new TreeMap<>();
    form.forEach((name, value) -> tags.put(name, tag(name, value)));
    return new BoundRecord(table, id, hash(table, form), tags);
  }

  /** SHA-256 over {@code {"record":form,"table":table}} as canonical JSON. */
  public static String hash(String table, Map<String, Object> form) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", table);
    m.put("record", form);
    return MerkleTree.sha256Hex(CanonicalJson.bytes(m));
  }

  static String tag(String name, Object value) {
    List<Object> pair = new ArrayList<>(2);
    pair.add(name);
    pair.add(value);
    return MerkleTree.sha256Hex(CanonicalJson.bytes(pair)).substring(0, 16);
  }

  /** "point_entry/21": how messages name the row. */
  public String row() {
    return table + "/" + id;
  }

  /** The JSON value held in an entry. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("table", table);
    m.put("id", id);
    m.put("sha256", sha256);
    m.put("fields", new TreeMap<>(fieldTags));
    return m;
  }

  /** Reads the JSON value of an entry's {@code bound} list item. */
  public static BoundRecord fromJson(Object json) {
    if (!(json instanceof Map<?, ?> m)
        || !(m.get("table") instanceof String table)
        || !(m.get("id") instanceof Long id)
        || !(m.get("sha256") instanceof String sha)) {
      throw new IllegalArgumentException("not a bound record: " + json);
    }
    Map<String, String> tags = new TreeMap<>();
    if (m.get("fields") instanceof Map<?, ?> f) {
      for (Map.Entry<?, ?> e : f.entrySet()) {
        tags.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
    }
    return new BoundRecord(table, id, sha, tags);
  }

  /** The bound records of an entry (its canonical JSON as parsed), in order; none for most. */
  public static List<BoundRecord> of(Map<String, Object> entry) {
    if (!(entry.get("bound") instanceof List<?> list)) {
      return List.of();
    }
    List<BoundRecord> out = new ArrayList<>(list.size());
    list.forEach(item -> out.add(fromJson(item)));
    return out;
  }

  /** Whether the row as it is now still has the bound form. */
  public boolean matches(Map<String, Object> formNow) {
    return formNow != null && sha256.equals(hash(table, formNow));
  }

  /**
   * The fields of the row as it is now that differ from the bound form, by name, in order; empty
   * when it matches. A field added or removed counts; when every tag matches but the hash does not
   * (only a forger's work), the answer is {@code ["*"]}: the record as a whole.
   */
  public List<String> changedFields(Map<String, Object> formNow) {
    Objects.requireNonNull(formNow, "a record that is gone has no fields");
    if (matches(formNow)) {
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>(fieldTags.keySet());
    names.addAll(formNow.keySet());
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String bound = fieldTags.get(name);
      if (bound == null || !formNow.containsKey(name)) {
        out.add(name);
      } else if (!bound.equals(tag(name, formNow.get(name)))) {
        out.add(name);
      }
    }
    return out.isEmpty() ? List.of("*") : out;
  }

  /**
   * The sentence a self-check, a verifier or a screen says when the row differs: table, row, the
   * fields and their values now, in Chinese and English.
   *
   * @param entry the index of the log entry that binds the row, or -1 when not yet known
   */
  public String mismatch(Map<String, Object> formNow, long entry) {
    String zhBy = entry < 0 ? "其审计记录" : "审计日志第 " + entry + " 条";
    String enBy = entry < 0 ? "its audit entry" : "log entry " + entry;
    if (formNow == null) {
      return "记录 "
          + row()
          + " 已不在数据库中（被删除），而"
          + zhBy
          + "绑定了它 / record "
          + row()
          + " is no longer in the database (deleted), but "
          + enBy
          + " binds it";
    }
    StringBuilder zh = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (String f : changedFields(formNow)) {
      String now;
      if (f.equals("*")) {
        now = "?";
      } else if (!formNow.containsKey(f)) {
        now = "(无 / absent)";
      } else {
        now = CanonicalJson.write(java.util.Collections.singletonList(formNow.get(f)));
        now = now.substring(1, now.length() - 1);
      }
      if (now.length() > 120) {
        now = now.substring(0, 117) + "...";
      }
      zh.append(zh.length() == 0 ? "" : "，").append("字段 ").append(f).append(" 现为 ").append(now);
      en.append(en.length() == 0 ? "" : ", ")
          .append("field ")
          .append(f)
          .append(" is now ")
          .append(now);
    }
    return "记录 "
        + row()
        + " 在入账后被改动："
        + zh
        + "，与"
        + zhBy
        + "绑定的内容不符 / record "
        + row()
        + " was changed after it was logged: "
        + en
        + ", which differs from what "
        + enBy
        + " binds";
  }
}
