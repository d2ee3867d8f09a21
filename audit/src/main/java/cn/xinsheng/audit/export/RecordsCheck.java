package cn.xinsheng.audit.export;

import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier.Failure;
import cn.xinsheng.audit.LogVerifier.Kind;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compares the business records an export carries (records.txt) with the bindings in its verified
 * leaves, in step with the leaves: a record changed, deleted or left out of the export after the
 * leaf bound it is named by table, row and field. Memory stays flat for a log of any size.
 */
final class RecordsCheck implements Closeable {

  private final BufferedReader in;
  private final List<Failure> problems = new ArrayList<>();
  private String[] next;
  private long lineNo;
  private long checked;
  private java.util.Set<Long> skip = java.util.Set.of();

  RecordsCheck(ZipFile zip) throws IOException {
    ZipEntry e = zip.getEntry(ExportFormat.RECORDS);
    in =
        e == null
            ? null
            : new BufferedReader(
                new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8), 1 << 16);
    advance();
  }

  private void advance() throws IOException {
    next = null;
    if (in == null) {
      return;
    }
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", 4);
      if (cols.length != 4) {
        throw new IOException("records.txt line " + lineNo + " is malformed");
      }
      next = cols;
      return;
    }
  }

  /** Lines for these leaves are passed over: they did not verify, and are named for that. */
  RecordsCheck skipping(java.util.Set<Long> indexes) {
    this.skip = indexes;
    return this;
  }

  /** A leaf that verified: each record it binds must come next in records.txt. */
  void leaf(Leaf.Parsed leaf, long index) {
    if (!leaf.bindsRecords()) {
      return;
    }
    try {
      for (BoundRecord b : BoundRecord.of(leaf.entry())) {
        // lines for leaves before this one that bind nothing in the export: inserted
        while (next != null && parseLong(next[0]) < index) {
          extra();
        }
        if (next == null
            || parseLong(next[0]) != index
            || !next[1].equals(b.table())
            || parseLong(next[2]) != b.id()) {
          problems.add(
              new Failure(
                  Kind.MISSING,
                  index,
                  "记录 "
                      + b.row()
                      + " 缺失：审计日志第 "
                      + index
                      + " 条绑定了它，导出文件却没有 / record "
                      + b.row()
                      + " missing: log entry "
                      + index
                      + " binds it, but the export does not carry it (records.txt)"));
          continue;
        }
        checked++;
        Map<String, Object> form = null;
        if (!next[3].equals("-")) {
          Object parsed = CanonicalJson.parse(next[3]);
          if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("records.txt line " + lineNo + " is not an object");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> f = (Map<String, Object>) m;
          form = f;
        }
        if (!b.matches(form)) {
          problems.add(
              new Failure(
                  form == null ? Kind.MISSING : Kind.CHANGED, index, b.mismatch(form, index)));
        }
        advance();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void extra() throws IOException {
    if (skip.contains(parseLong(next[0]))) {
      advance();
      return;
    }
    problems.add(
        new Failure(
            Kind.INSERTED,
            parseLong(next[0]),
            "records.txt 第 "
                + lineNo
                + " 行的记录 "
                + next[1]
                + "/"
                + next[2]
                + " 没有任何日志记录绑定（被插入）/ record "
                + next[1]
                + "/"
                + next[2]
                + " inserted: records.txt line "
                + lineNo
                + " names it for entry "
                + next[0]
                + ", which binds no such record"));
    advance();
  }

  /** The problems, once every leaf was given. */
  List<Failure> finish() throws IOException {
    while (next != null) {
      extra();
    }
    return problems;
  }

  long checked() {
    return checked;
  }

  private long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("records.txt line " + lineNo + " is malformed");
    }
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
