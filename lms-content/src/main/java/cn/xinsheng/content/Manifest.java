package cn.xinsheng.content;

import cn.xinsheng.audit.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code manifest.json}: what a package is (id, version, title, publisher) and every file in it
 * with its SHA-256 and size. Its canonical JSON bytes are what the publisher signs.
 */
public record Manifest(
    String id,
    long version,
    String title,
    String publisher,
    String created,
    List<FileEntry> files) {

  public static final String FORMAT = "xinsheng-content/1";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** One file of the package. */
  public record FileEntry(String path, String sha256, long size) {}

  public Manifest {
    files = List.copyOf(files);
  }

  /** The longest package id (the course and programme code columns are as wide). */
  public static final int MAX_ID = 100;

  /**
   * The package id's rule, checked where a package is made ({@code content pack}) as where it is
   * opened: 2 to 100 characters, lower-case letters, digits, dot, underscore and hyphen, starting
   * with a letter or digit.
   */
  public static void checkId(String id) throws ContentRefusal {
    if (id == null || !ID.matcher(id).matches()) {
      String shown = id == null ? "" : id.length() > 120 ? id.substring(0, 120) + "…" : id;
      throw new ContentRefusal(
          "packageId",
          "包标识 \""
              + shown
              + "\" 不符合规则：须为 2–"
              + MAX_ID
              + " 个字符（现为 "
              + (id == null ? 0 : id.length())
              + "），只含小写字母、数字、点、下划线和连字符，并以字母或数字开头",
          "the package id \""
              + shown
              + "\" breaks the rule: 2 to "
              + MAX_ID
              + " characters (it has "
              + (id == null ? 0 : id.length())
              + "), only lower-case letters, digits, dot, underscore and hyphen, starting with a letter or digit");
    }
  }

  public byte[] canonicalBytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("id", id);
    m.put("version", version);
    m.put("title", title);
    m.put("publisher", publisher);
    m.put("created", created);
    List<Object> list = new ArrayList<>();
    for (FileEntry f : files) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", f.path());
      e.put("sha256", f.sha256());
      e.put("size", f.size());
      list.add(e);
    }
    m.put("files", list);
    return CanonicalJson.bytes(m);
  }

  public static Manifest parse(byte[] bytes) throws ContentRefusal {
    try {
      Object v = CanonicalJson.parse(new String(bytes, StandardCharsets.UTF_8));
      if (!(v instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
        throw malformed("format");
      }
      String id = string(m, "id");
      if (!ID.matcher(id).matches()) {
        throw malformed("id");
      }
      if (!(m.get("version") instanceof Long version) || version < 1) {
        throw malformed("version");
      }
      List<FileEntry> files = new ArrayList<>();
      if (!(m.get("files") instanceof List<?> list)) {
        throw malformed("files");
      }
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> f)
            || !(f.get("size") instanceof Long size)
            || size < 0
            || !SHA256.matcher(String.valueOf(f.get("sha256"))).matches()) {
          throw malformed("files");
        }
        files.add(new FileEntry(string(f, "path"), (String) f.get("sha256"), size));
      }
      return new Manifest(
          id, version, string(m, "title"), string(m, "publisher"), string(m, "created"), files);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw malformed("json");
    }
  }

  private static String string(Map<?, ?> m, String key) throws ContentRefusal {
    if (!(m.get(key) instanceof String s) || s.isBlank() || s.length() > 500) {
      throw malformed(key);
    }
    return s;
  }

  static ContentRefusal malformed(String what) {
    return new ContentRefusal(
        "manifest",
        "manifest.json 格式不正确（" + what + "）",
        "manifest.json is not valid (" + what + ")");
  }
}
