package cn.xinsheng.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case package: an extract with the court's files and the records as the database held them.
 * Every record changed after it was logged, and every file swapped or missing, is named.
 */
class CasePackageTest {

  @TempDir Path dir;

  private final NoteKey prison = NoteKey.generate("xinsheng.test.prison");
  private final byte[] photo = "JPEG bytes of the photo".getBytes(StandardCharsets.UTF_8);
  private final byte[] pdf = "%PDF-1.4 the proposal".getBytes(StandardCharsets.UTF_8);
  private final List<StoredLeaf> leaves = new ArrayList<>();
  private final AppendOnlyTree tree = new AppendOnlyTree();

  private static String sha(byte[] b) throws Exception {
    return MerkleTree.hex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private void log(
      String action, String subject, Map<String, Object> payload, List<String> hashes) {
    byte[] data =
        new AuditEvent(
                "officer1",
                "OFFICER",
                action,
                subject,
                payload,
                hashes,
                Instant.ofEpochSecond(1_800_000_000L + leaves.size()))
            .canonicalBytes();
    leaves.add(new StoredLeaf(leaves.size(), data, MerkleTree.leafHash(data)));
    tree.append(MerkleTree.leafHash(data));
  }

  private Map<String, Object> entry(String fact) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", "3301000008");
    p.put("entry", 1L);
    p.put("fact", fact);
    p.put("amount", "2");
    return p;
  }

  /** Writes the package with the given database view of entry 1 and the files given. */
  private Path write(String name, String factInDatabase, Map<String, byte[]> files)
      throws Exception {
    SignedCheckpoint anchor =
        SignedCheckpoint.sign(
            new Checkpoint(
                "xinsheng.test/audit",
                tree.size(),
                tree.rootHash(tree.size()),
                Instant.ofEpochSecond(1_800_000_100L)),
            prison);
    Path file = dir.resolve(name);
    StringBuilder records = new StringBuilder();
    records
        .append("point-entry/1\t0\t")
        .append(CanonicalJson.write(entry(factInDatabase)))
        .append('\n');
    records.append("point-entry/1\t1\t{}\n");
    records.append("case-package/1/x\t2\t{}\n");
    StringBuilder listing = new StringBuilder();
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, "xinsheng.test/audit", "inmate 3301000008", Instant.now())) {
      w.logKeys(List.of(prison));
      w.witnessKeys(List.of());
      w.checkpoint(anchor);
      for (StoredLeaf l : leaves) {
        w.leaf(l, tree.inclusionProof(l.index(), tree.size()));
      }
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        w.caseFile(f.getKey(), f.getValue());
        listing
            .append(f.getKey())
            .append('\t')
            .append(sha(f.getValue()))
            .append('\t')
            .append(f.getValue().length)
            .append('\n');
      }
      w.caseFile(ExportFormat.CASE_FILES, listing.toString().getBytes(StandardCharsets.UTF_8));
      w.caseFile(ExportFormat.CASE_RECORDS, records.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private Map<String, byte[]> goodFiles() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("case/JX-2026-0001.pdf", pdf);
    files.put("case/evidence/" + sha(photo), photo);
    return files;
  }

  CasePackageTest() throws Exception {
    log("ledger.entry.recorded", "point-entry/1", entry("劳动任务超额完成"), List.of(sha(photo)));
    log(
        "ledger.entry.approved",
        "point-entry/1",
        Map.of("inmate", "3301000008", "decision", "APPROVED"),
        List.of());
    log(
        ExportFormat.PACKAGE_PRODUCED,
        "case-package/1/x",
        Map.of("inmate", "3301000008"),
        List.of(sha(pdf)));
  }

  @Test
  void aSoundPackageVerifies() throws Exception {
    ExportVerifier.Report r =
        ExportVerifier.verify(write("ok.zip", "劳动任务超额完成", goodFiles()), Optional.empty());
    assertTrue(r.verified(), r.failures().toString());
    assertEquals(3, r.entries());
  }

  @Test
  void aRecordChangedInTheDatabaseIsNamedWithItsField() throws Exception {
    Path file = write("changed.zip", "劳动任务超额完成（已改）", goodFiles());
    ExportVerifier.Report r = ExportVerifier.verify(file, Optional.empty());
    assertFalse(r.verified());
    assertEquals(1, r.failures().size(), r.failures().toString());
    assertTrue(
        r.failures().get(0).contains("point-entry/1") && r.failures().get(0).contains("fact"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VerifyCommand.run(
            new String[] {file.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(VerifyCommand.FAILED, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("point-entry/1"));
  }

  @Test
  void aSwappedFileAnUnvouchedFileAndAMissingEvidenceFileAreEachNamed() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "case/JX-2026-0001.pdf", "%PDF-1.4 another proposal".getBytes(StandardCharsets.UTF_8));
    ExportVerifier.Report r =
        ExportVerifier.verify(write("swapped.zip", "劳动任务超额完成", files), Optional.empty());
    assertFalse(r.verified());
    String all = String.join("\n", r.failures());
    assertTrue(all.contains("case/JX-2026-0001.pdf"), all);
    assertTrue(all.contains(sha(photo)), "the photo the entry names is missing: " + all);
    assertEquals(2, r.failures().size(), all);
  }

  @Test
  void aChangedLogEntryIsNamedByItsRecordAndTheOthersAreStillChecked() throws Exception {
    byte[] data = leaves.get(1).data().clone();
    data[data.length - 3] ^= 1;
    leaves.set(1, new StoredLeaf(1, data, leaves.get(1).storedHash()));
    ExportVerifier.Report r =
        ExportVerifier.verify(write("entry.zip", "劳动任务超额完成（已改）", goodFiles()), Optional.empty());
    assertFalse(r.verified());
    String all = String.join("\n", r.failures());
    assertTrue(all.contains("point-entry/1: ") && all.contains("entry 1"), all);
    assertTrue(all.contains("field fact"), "entry 0 was still compared: " + all);
  }
}
