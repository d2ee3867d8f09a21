package cn.xinsheng.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case package: one inmate's extract ending at his head, with the court's files and the records
 * as the database held them. Every record changed after it was logged, and every file swapped or
 * missing, is named.
 */
class CasePackageTest {

  private static final String INMATE = "3301000008";

  @TempDir Path dir;

  private final byte[] photo = "JPEG bytes of the photo".getBytes(StandardCharsets.UTF_8);
  private final byte[] pdf = "%PDF-1.4 the proposal".getBytes(StandardCharsets.UTF_8);
  private final TestLog log = new TestLog();

  CasePackageTest() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", INMATE);
    p.put("entry", 1L);
    p.put("fact", "劳动任务超额完成");
    p.put("amount", "2");
    log.append(
        new AuditEvent(
            "officer1",
            "OFFICER",
            "ledger.entry.recorded",
            "point-entry/1",
            p,
            List.of(MerkleTree.sha256Hex(photo)),
            Instant.ofEpochSecond(1_800_000_000L)));
    log.append(
        TestLog.event(
            "ledger.entry.approved",
            "point-entry/1",
            Map.of("inmate", INMATE, "decision", "APPROVED"),
            1));
  }

  private Path write(String name, String factInDatabase, Map<String, byte[]> files)
      throws IOException {
    return log.inmate(
        dir.resolve(name),
        INMATE,
        new TestLog.CaseFiles() {
          @Override
          public Map<String, Object> fields(String subject) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("inmate", INMATE);
            f.put("entry", 1L);
            f.put("fact", factInDatabase);
            f.put("amount", "2");
            return f;
          }

          @Override
          public Map<String, byte[]> files() {
            return files;
          }
        });
  }

  private Map<String, byte[]> goodFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("case/JX-2026-0001.pdf", pdf);
    files.put("case/evidence/" + MerkleTree.sha256Hex(photo), photo);
    return files;
  }

  private ExportVerifier.Report verify(Path file) throws Exception {
    return ExportVerifier.verify(file, Optional.of(log.prison));
  }

  @Test
  void aSoundPackageVerifies() throws Exception {
    ExportVerifier.Report r = verify(write("ok.zip", "劳动任务超额完成", goodFiles()));
    assertTrue(r.verified(), r.failures().toString());
    // the entry, its review, the package's making and the head
    assertEquals(4, r.entries());
    assertTrue(r.scope().startsWith("inmate/" + INMATE + ", complete"), r.scope());
  }

  @Test
  void aRecordChangedInTheDatabaseIsNamedWithItsField() throws Exception {
    ExportVerifier.Report r = verify(write("changed.zip", "劳动任务超额完成（已改）", goodFiles()));
    assertFalse(r.verified());
    assertEquals(1, r.failures().size(), r.failures().toString());
    assertTrue(
        r.failures().get(0).contains("point-entry/1") && r.failures().get(0).contains("fact"));
  }

  @Test
  void aSwappedFileAndAMissingEvidenceFileAreEachNamed() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "case/JX-2026-0001.pdf", "%PDF-1.4 another proposal".getBytes(StandardCharsets.UTF_8));
    // the package's making vouches for the files it was made with: here, the other PDF; the
    // photo the entry names is not in the package
    ExportVerifier.Report r = verify(write("swapped.zip", "劳动任务超额完成", files));
    assertFalse(r.verified());
    String all = String.join("\n", r.failures());
    assertTrue(all.contains(MerkleTree.sha256Hex(photo)), "the photo is missing: " + all);
  }

  @Test
  void aFileReplacedAfterThePackageWasMadeIsNamed() throws Exception {
    Path ok = write("ok.zip", "劳动任务超额完成", goodFiles());
    Map<String, byte[]> entries = TestLog.unzip(ok);
    entries.put(
        "case/JX-2026-0001.pdf", "%PDF-1.4 a forged proposal".getBytes(StandardCharsets.UTF_8));
    ExportVerifier.Report r = verify(TestLog.zip(dir.resolve("replaced.zip"), entries));
    assertFalse(r.verified());
    assertTrue(
        String.join("\n", r.failures()).contains("case/JX-2026-0001.pdf"), r.failures().toString());
  }

  @Test
  void aChangedLogEntryIsNamedByItsRecordAndTheOthersAreStillChecked() throws Exception {
    Path ok = write("entry.zip", "劳动任务超额完成（已改）", goodFiles());
    Map<String, byte[]> entries = TestLog.unzip(ok);
    List<String> lines =
        new ArrayList<>(
            List.of(new String(entries.get("leaves.txt"), StandardCharsets.UTF_8).split("\n")));
    lines.set(1, TamperDrillTest.forged(lines.get(1)));
    entries.put("leaves.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    ExportVerifier.Report r = verify(TestLog.zip(dir.resolve("forged.zip"), entries));
    assertFalse(r.verified());
    String all = String.join("\n", r.failures());
    assertTrue(all.contains("point-entry/1: ") && all.contains("entry 1 changed"), all);
    assertTrue(all.contains("field fact"), "entry 0 was still compared: " + all);
  }

  @Test
  void aPackageWithoutItsHeadDoesNotProveItIsComplete() throws Exception {
    Path ok = write("ok.zip", "劳动任务超额完成", goodFiles());
    Map<String, byte[]> entries = TestLog.unzip(ok);
    List<String> lines =
        new ArrayList<>(
            List.of(new String(entries.get("leaves.txt"), StandardCharsets.UTF_8).split("\n")));
    lines.remove(lines.size() - 1);
    entries.put("leaves.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    entries.remove("manifest.txt");
    entries.put(
        "manifest.txt",
        "format: xinsheng-audit-export/2\nscope: range 0-3\n".getBytes(StandardCharsets.UTF_8));
    ExportVerifier.Report r = verify(TestLog.zip(dir.resolve("headless.zip"), entries));
    assertFalse(r.verified());
    assertTrue(String.join("\n", r.failures()).contains("truncated"), r.failures().toString());
  }
}
