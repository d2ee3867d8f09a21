package cn.xinsheng.audit.export;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.MerkleTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The part of verifying a case package that goes beyond the log extract: every file is the one a
 * verified log entry names by SHA-256, and every record, as the prison's database held it when the
 * package was made, has the same fields as the log entry written when it was made. Names every
 * record and file that fails, in Chinese and English.
 */
final class CasePackageCheck {

  private static final long MAX_LISTING = 16L << 20;

  private CasePackageCheck() {}

  /**
   * Adds a problem per failing record or file; answers the subject each leaf index stands for, so a
   * failing log entry can be named by its record.
   */
  static Map<Long, String> check(
      ZipFile zip, Map<Long, byte[]> verifiedLeaves, List<String> problems)
      throws IOException, ExportVerifier.UnreadableExportException {
    Map<Long, String> subjects = new HashMap<>();
    Map<Long, Map<String, Object>> leaves = new HashMap<>();
    Set<String> vouched = new HashSet<>();
    for (Map.Entry<Long, byte[]> e : verifiedLeaves.entrySet()) {
      Map<String, Object> leaf;
      try {
        // a leaf of form 2 wraps the entry with its place in the log; the entry is what counts
        leaf = cn.xinsheng.audit.Leaf.parse(e.getValue()).entry();
      } catch (IllegalArgumentException x) {
        throw new ExportVerifier.UnreadableExportException(
            "日志第 " + e.getKey() + " 条不是有效的 JSON", "log entry " + e.getKey() + " is not valid JSON");
      }
      leaves.put(e.getKey(), leaf);
      if (leaf.get("evidence") instanceof List<?> hashes) {
        hashes.forEach(h -> vouched.add(String.valueOf(h)));
      }
    }

    // the records
    String records = text(zip, ExportFormat.CASE_RECORDS);
    Set<Long> named = new HashSet<>();
    Set<String> neededFiles = new HashSet<>();
    long lineNo = 0;
    for (String line : records.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", 3);
      if (cols.length != 3) {
        throw new ExportVerifier.UnreadableExportException(
            "case/records.txt 第 " + lineNo + " 行格式错误",
            "case/records.txt line " + lineNo + " is malformed");
      }
      String subject = cols[0];
      long index;
      Map<String, Object> fields;
      try {
        index = Long.parseLong(cols[1]);
        fields = object(cols[2]);
      } catch (IllegalArgumentException e) {
        throw new ExportVerifier.UnreadableExportException(
            "case/records.txt 第 " + lineNo + " 行格式错误",
            "case/records.txt line " + lineNo + " is malformed");
      }
      subjects.put(index, subject);
      named.add(index);
      Map<String, Object> leaf = leaves.get(index);
      if (leaf == null) {
        // a failing entry is reported with its own reason; a missing one is reported here
        continue;
      }
      if (!subject.equals(leaf.get("subject"))) {
        problems.add(
            "记录 "
                + subject
                + " 对应的日志第 "
                + index
                + " 条记的是 "
                + leaf.get("subject")
                + " / record "
                + subject
                + ": log entry "
                + index
                + " is about "
                + leaf.get("subject"));
        continue;
      }
      Map<String, Object> payload = leaf.get("payload") instanceof Map<?, ?> m ? cast(m) : Map.of();
      for (Map.Entry<String, Object> f : fields.entrySet()) {
        Object logged = payload.get(f.getKey());
        if (!Objects.equals(logged, f.getValue())) {
          problems.add(
              "记录 "
                  + subject
                  + " 的字段 "
                  + f.getKey()
                  + " 在数据库中为 "
                  + CanonicalJson.write(f.getValue())
                  + "，而审计日志第 "
                  + index
                  + " 条记载为 "
                  + CanonicalJson.write(logged)
                  + "：记录在入账后被改动 / record "
                  + subject
                  + ": field "
                  + f.getKey()
                  + " is "
                  + CanonicalJson.write(f.getValue())
                  + " in the database but "
                  + CanonicalJson.write(logged)
                  + " in log entry "
                  + index
                  + ": changed after it was logged");
        }
      }
      // the files a record names come with the package; an earlier package's PDF, which the
      // log names when that package was made, does not
      if (leaf.get("evidence") instanceof List<?> hashes
          && !ExportFormat.PACKAGE_PRODUCED.equals(leaf.get("action"))) {
        hashes.forEach(h -> neededFiles.add(String.valueOf(h)));
      }
    }
    for (Long index : verifiedLeaves.keySet()) {
      if (!named.contains(index)) {
        problems.add(
            "日志第 "
                + index
                + " 条不在 case/records.txt 中 / log entry "
                + index
                + " is not listed in case/records.txt");
      }
    }

    // the files
    Map<String, String[]> listed = new LinkedHashMap<>();
    lineNo = 0;
    for (String line : text(zip, ExportFormat.CASE_FILES).split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 3 || !cols[1].matches("[0-9a-f]{64}")) {
        throw new ExportVerifier.UnreadableExportException(
            "case/files.txt 第 " + lineNo + " 行格式错误",
            "case/files.txt line " + lineNo + " is malformed");
      }
      listed.put(cols[0], cols);
    }
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.startsWith(ExportFormat.CASE_DIR)
          && !name.equals(ExportFormat.CASE_FILES)
          && !name.equals(ExportFormat.CASE_RECORDS)
          && !name.endsWith("/")
          && !listed.containsKey(name)) {
        problems.add(
            "文件 "
                + name
                + " 未列入 case/files.txt / file "
                + name
                + " is not listed in case/files.txt");
      }
    }
    Set<String> present = new HashSet<>();
    for (String[] f : listed.values()) {
      String name = f[0];
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        problems.add("文件 " + name + " 缺失 / file " + name + " is missing");
        continue;
      }
      String actual = sha256(zip, entry);
      if (!actual.equals(f[1])) {
        problems.add(
            "文件 "
                + name
                + " 的内容与其 SHA-256 不符（被改动）/ file "
                + name
                + " does not match its SHA-256 (changed)");
        continue;
      }
      if (name.startsWith(ExportFormat.CASE_DIR + "evidence/") && !name.endsWith("/" + actual)) {
        problems.add(
            "证据文件 " + name + " 的名称与内容不符 / evidence file " + name + " is not named by its SHA-256");
        continue;
      }
      if (!vouched.contains(actual)) {
        problems.add(
            "文件 " + name + " 没有任何经验证的日志记录为其作证 / no verified log entry vouches for file " + name);
        continue;
      }
      present.add(actual);
    }
    for (String hash : neededFiles) {
      if (!present.contains(hash)) {
        problems.add(
            "证据文件 "
                + hash
                + " 未随案卷提供或不符 / evidence file "
                + hash
                + " is missing from the package or does not verify");
      }
    }
    return subjects;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static Map<String, Object> object(String json) {
    Object v = CanonicalJson.parse(json);
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("an object expected");
    }
    return cast(m);
  }

  private static String text(ZipFile zip, String name)
      throws IOException, ExportVerifier.UnreadableExportException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new ExportVerifier.UnreadableExportException(
          "案卷包缺少 " + name, "the case package has no " + name);
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] bytes = in.readNBytes((int) MAX_LISTING + 1);
      if (bytes.length > MAX_LISTING) {
        throw new ExportVerifier.UnreadableExportException(name + " 过大", name + " is too large");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return MerkleTree.sha256Hex(in);
    }
  }
}
