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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export a court receives, written and verified end to end by the command a court runs: a key
 * the court trusts, the witnesses, the records the entries bind, an inmate's export that proves it
 * is complete, and an export written before chains and bindings that still verifies.
 */
class ExportVerifierTest {

  @TempDir Path dir;

  private final TestLog log = TamperDrillTest.log();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VerifyCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path key() throws IOException {
    Path key = dir.resolve("prison.pub");
    Files.writeString(key, log.prison.verifierKey() + "\n");
    return key;
  }

  @Test
  void aWholeLogVerifiesAgainstThePinnedKeyAndSaysWhatItProved() throws IOException {
    Path zip = log.whole(dir.resolve("all.zip"));
    Run r = run(zip.toString(), "--key", key().toString());
    assertEquals(0, r.code(), r.err());
    long size = log.tree.size();
    assertTrue(
        r.out()
            .contains(
                "verified "
                    + size
                    + " entries, tree size "
                    + size
                    + ", root "
                    + MerkleTree.hex(log.tree.rootHash(size))
                    + ", signed by "
                    + log.prison.label()
                    + " (+1 witnesses)"),
        r.out());
    assertTrue(r.out().contains("whole log, entries 0–" + (size - 1)), r.out());
    assertTrue(r.out().contains("key fingerprint: " + log.prison.fingerprint()), r.out());
    assertTrue(r.out().contains("bound records: 12"), r.out());
  }

  @Test
  void withoutATrustedKeyNothingPassesAndTheFingerprintIsShown() throws IOException {
    Run r = run(log.whole(dir.resolve("all.zip")).toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("no trusted key given"), r.err());
    assertTrue(r.err().contains(log.prison.fingerprint()), r.err());
  }

  @Test
  void aLogReSignedWithAnotherKeyPlacedInTheExportFails() throws IOException {
    // a forger rebuilds the whole log under a key of his own and puts that key in keys/log.txt
    TestLog forged = new TestLog(NoteKey.generate(TestLog.ORIGIN));
    forged.append(forged.pointEntry(1, "3301000001", "编造的事实"));
    Path zip = forged.whole(dir.resolve("forged.zip"));
    Run none = run(zip.toString());
    assertEquals(1, none.code());
    assertTrue(none.err().contains("no trusted key given"), none.err());
    Run pinned = run(zip.toString(), "--key", key().toString());
    assertEquals(1, pinned.code());
    assertTrue(pinned.err().contains("not signed by a prison key you trust"), pinned.err());
    // the real key listed in the forged export, ahead of the forger's, endorses nothing
    Map<String, byte[]> entries = TestLog.unzip(zip);
    entries.put(
        "keys/log.txt",
        (log.prison.verifierKey() + "\n" + forged.prison.verifierKey() + "\n")
            .getBytes(StandardCharsets.UTF_8));
    Run listed =
        run(TestLog.zip(dir.resolve("listed.zip"), entries).toString(), "--key", key().toString());
    assertEquals(1, listed.code(), listed.out());
  }

  @Test
  void aTrustFileCanPinTheWitnessAndWitnessesCanBeRequired() throws IOException {
    Path trust = dir.resolve("trust.txt");
    Files.writeString(
        trust, Trust.file(log.prison, List.of(log.witness.witnessVerifierKey()), "test ceremony"));
    Path zip = log.inmate(dir.resolve("inmate.zip"), TamperDrillTest.INMATE);
    Run one = run(zip.toString(), "--trust", trust.toString(), "--witnesses", "1");
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().contains("(+1 witnesses)"), one.out());
    Run two = run(zip.toString(), "--trust", trust.toString(), "--witnesses", "2");
    assertEquals(1, two.code());
    assertTrue(two.err().contains("2 witnesses required"), two.err());
  }

  @Test
  void exportsCarryEveryCosignatureAndARemovedOneIsReported() throws IOException {
    log.cosign();
    long second = log.tree.size() - 1;
    Path whole = log.whole(dir.resolve("all.zip"));
    Map<String, byte[]> entries = TestLog.unzip(whole);
    long cosigned = 0;
    for (String name : entries.keySet()) {
      if (name.startsWith("checkpoints/")
          && new String(entries.get(name), StandardCharsets.UTF_8)
              .contains("— procuratorate.test ")) {
        cosigned++;
      }
    }
    assertEquals(2, cosigned, "both cosignatures are carried");
    // the witness's line removed from one checkpoint: the log itself says it was received
    String name = "checkpoints/" + second + ".note";
    String note = new String(entries.get(name), StandardCharsets.UTF_8);
    entries.put(
        name,
        note.replaceAll("(?m)^— procuratorate\\.test .*\\n", "").getBytes(StandardCharsets.UTF_8));
    Run r = run(TestLog.zip(dir.resolve("cut.zip"), entries).toString(), "--key", key().toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.err()
            .contains(
                "the cosignature of witness procuratorate.test on the checkpoint at size "
                    + second
                    + " is missing (removed)"),
        r.err());

    // in an inmate's export the head says which cosignature the prison had
    Path inmate = log.inmate(dir.resolve("inmate.zip"), TamperDrillTest.INMATE);
    Map<String, byte[]> ie = TestLog.unzip(inmate);
    String in = new String(ie.get(name), StandardCharsets.UTF_8);
    ie.put(
        name,
        in.replaceAll("(?m)^— procuratorate\\.test .*\\n", "").getBytes(StandardCharsets.UTF_8));
    Run ri = run(TestLog.zip(dir.resolve("icut.zip"), ie).toString(), "--key", key().toString());
    assertEquals(1, ri.code(), ri.out());
    assertTrue(ri.err().contains("is missing (removed): the head"), ri.err());
  }

  @Test
  void anInmateExportWithAnEntryRemovedAndItsManifestEditedFails() throws IOException {
    Path zip = log.inmate(dir.resolve("inmate.zip"), TamperDrillTest.INMATE);
    assertEquals(0, run(zip.toString(), "--key", key().toString()).code());
    Map<String, byte[]> entries = TestLog.unzip(zip);
    List<String> lines =
        new ArrayList<>(
            List.of(new String(entries.get("leaves.txt"), StandardCharsets.UTF_8).split("\n")));
    String removed = lines.remove(2);
    entries.put("leaves.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    String manifest = new String(entries.get("manifest.txt"), StandardCharsets.UTF_8);
    entries.put(
        "manifest.txt",
        manifest
            .replaceAll("entries: \\d+", "entries: " + lines.size())
            .getBytes(StandardCharsets.UTF_8));
    Run r = run(TestLog.zip(dir.resolve("cut.zip"), entries).toString(), "--key", key().toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("entry " + removed.split("\t")[0] + " missing"), r.err());
    // nor does calling it a range help: the entries of one inmate are not a range
    entries.put(
        "manifest.txt",
        manifest
            .replace("scope: inmate " + TamperDrillTest.INMATE, "scope: range 0-99")
            .getBytes(StandardCharsets.UTF_8));
    Run asRange =
        run(TestLog.zip(dir.resolve("range.zip"), entries).toString(), "--key", key().toString());
    assertEquals(1, asRange.code());
    assertTrue(asRange.err().contains("missing"), asRange.err());
  }

  @Test
  void aRangeVerifiesWithoutAGap() throws IOException {
    Run r = run(log.range(dir.resolve("range.zip"), 3, 9).toString(), "--key", key().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("range 3–8"), r.out());
    assertTrue(r.out().contains("verified 6 entries"), r.out());
  }

  @Test
  void aBoundRecordChangedDeletedOrLeftOutIsNamedByTableRowAndField() throws IOException {
    for (String scope : List.of("whole", "inmate")) {
      TestLog l = TamperDrillTest.log();
      Path key = dir.resolve("k-" + scope);
      Files.writeString(key, l.prison.verifierKey());
      Path zip =
          scope.equals("whole")
              ? l.whole(dir.resolve(scope + ".zip"))
              : l.inmate(dir.resolve(scope + ".zip"), TamperDrillTest.INMATE);
      Map<String, byte[]> entries = TestLog.unzip(zip);
      String records = new String(entries.get("records.txt"), StandardCharsets.UTF_8);
      assertTrue(records.contains("\tpoint_entry\t1\t"), records);

      // the fact of point entry 1, as the database's root changed it
      Map<String, byte[]> changed = new LinkedHashMap<>(entries);
      changed.put(
          "records.txt", records.replace("劳动任务完成 0", "劳动任务超额完成").getBytes(StandardCharsets.UTF_8));
      Run r = run(TestLog.zip(dir.resolve("c.zip"), changed).toString(), "--key", key.toString());
      assertEquals(1, r.code(), scope + r.out());
      assertTrue(
          r.err()
              .contains(
                  "record point_entry/1 was changed after it was logged: field fact is now"
                      + " \"劳动任务超额完成\""),
          scope + r.err());

      // the row deleted
      Map<String, byte[]> deleted = new LinkedHashMap<>(entries);
      deleted.put(
          "records.txt",
          records
              .replaceAll("(?m)^(\\d+\tpoint_entry\t1\t).*$", "$1-")
              .getBytes(StandardCharsets.UTF_8));
      Run d = run(TestLog.zip(dir.resolve("d.zip"), deleted).toString(), "--key", key.toString());
      assertTrue(d.err().contains("point_entry/1 is no longer in the database"), scope + d.err());

      // the line left out of the export
      Map<String, byte[]> left = new LinkedHashMap<>(entries);
      left.put(
          "records.txt",
          records
              .replaceAll("(?m)^\\d+\tpoint_entry\t1\t.*\\n", "")
              .getBytes(StandardCharsets.UTF_8));
      Run o = run(TestLog.zip(dir.resolve("o.zip"), left).toString(), "--key", key.toString());
      assertTrue(o.err().contains("record point_entry/1 missing"), scope + o.err());
    }
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() throws IOException {
    Path zip = log.whole(dir.resolve("all.zip"));
    NoteKey impostor = NoteKey.generate(TestLog.ORIGIN);
    long size = log.checkpoints.keySet().stream().filter(s -> s > 5).findFirst().orElseThrow();
    SignedCheckpoint cp = log.checkpoints.get(size);
    SignedCheckpoint forged = SignedCheckpoint.sign(cp.checkpoint(), impostor);
    Path file = rewrite(zip, "checkpoints/" + size + ".note", t -> forged.format());
    Run r = run(file.toString(), "--key", key().toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains("the checkpoint at size " + size + " is not signed by the prison's key"),
        r.err());
  }

  @Test
  void aForgedCosignatureIsRefused() throws IOException {
    long size = log.cosignedSizes.get(0);
    String name = "checkpoints/" + size + ".note";
    String real = log.checkpoints.get(size).format();
    String broken = real.substring(0, real.length() - 6) + "AAAAA\n";
    Run r =
        run(
            rewrite(log.whole(dir.resolve("all.zip")), name, t -> broken).toString(),
            "--key",
            key().toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("cosignature of witness procuratorate.test"), r.err());
  }

  /**
   * A log and an export written before chains and bindings (leaves of form 1, checkpoints with a
   * Timestamp line, export format 1) still verify.
   */
  @Test
  void anExportOfALogFromBeforeStillVerifies() throws IOException {
    NoteKey prison = NoteKey.generate("xinsheng.test.prison");
    AppendOnlyTree tree = new AppendOnlyTree();
    List<StoredLeaf> leaves = new ArrayList<>();
    List<SignedCheckpoint> cps = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      byte[] data =
          new AuditEvent(
                  "officer1",
                  "OFFICER",
                  "ledger.entry.recorded",
                  "inmate/33010000" + (i % 3),
                  Map.of("amount", 2 + i),
                  List.of(),
                  Instant.ofEpochSecond(1_800_000_000L + i))
              .canonicalBytes();
      leaves.add(new StoredLeaf(i, data, MerkleTree.leafHash(data)));
      tree.append(MerkleTree.leafHash(data));
      cps.add(
          SignedCheckpoint.sign(
              new Checkpoint(
                  "xinsheng.test/audit",
                  i + 1,
                  tree.rootHash(i + 1),
                  Instant.ofEpochSecond(1_800_000_000L + i)),
              prison));
    }
    Path file = dir.resolve("old.zip");
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, "xinsheng.test/audit", ExportFormat.SCOPE_ALL, Instant.now())) {
      w.logKeys(List.of(prison));
      w.witnessKeys(List.of());
      for (SignedCheckpoint cp : cps) {
        w.checkpoint(cp);
      }
      for (StoredLeaf leaf : leaves) {
        w.leaf(leaf, null);
      }
    }
    Map<String, byte[]> entries = TestLog.unzip(file);
    entries.remove("records.txt");
    entries.put(
        "manifest.txt",
        new String(entries.get("manifest.txt"), StandardCharsets.UTF_8)
            .replace(ExportFormat.FORMAT, ExportFormat.FORMAT_1)
            .getBytes(StandardCharsets.UTF_8));
    Path old = TestLog.zip(dir.resolve("format1.zip"), entries);
    Run r = run(old.toString(), "--key", prison.verifierKey());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("verified 6 entries, tree size 6"), r.out());
    // the old form is checked as before: a changed entry is named
    Path changed = rewrite(old, "leaves.txt", t -> t.replace("\"amount\":4}", "\"amount\":40}"));
    Run c = run(changed.toString(), "--key", prison.verifierKey());
    assertEquals(1, c.code());
    assertTrue(c.err().contains("entry 2 changed: its data do not match"), c.err());
  }

  @Test
  void badFilesGetAClearErrorNotAStackTrace() throws IOException {
    Path whole = log.whole(dir.resolve("all.zip"));
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a zip at all");
    Path other = rewrite(whole, "manifest.txt", t -> t.replace(ExportFormat.FORMAT, "other/9"));
    Path badRecords = rewrite(whole, "records.txt", t -> "nonsense\n");
    for (String[] args :
        new String[][] {
          {truncated.toString()},
          {text.toString()},
          {dir.resolve("missing.zip").toString()},
          {other.toString()},
          {badRecords.toString(), "--key", key().toString()},
          {},
          {whole.toString(), "--key", "not-a-key"},
          {whole.toString(), "--witnesses", "many"}
        }) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
      assertTrue(r.err().startsWith("错误 / error: ") || r.err().startsWith("用法"), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void theRecordsTheExportCarriesAreTheRowsAsCanonicalJson() throws IOException {
    Map<String, byte[]> entries = TestLog.unzip(log.whole(dir.resolve("all.zip")));
    String line = new String(entries.get("records.txt"), StandardCharsets.UTF_8).split("\n")[0];
    String[] cols = line.split("\t", 4);
    assertEquals("point_entry", cols[1]);
    assertEquals(log.database.get("point_entry/" + cols[2]), CanonicalJson.parse(cols[3]));
  }

  /** A copy of the zip with one entry's text changed. */
  private Path rewrite(Path zip, String entry, UnaryOperator<String> change) throws IOException {
    Map<String, byte[]> entries = TestLog.unzip(zip);
    assertTrue(entries.containsKey(entry), entry);
    entries.put(
        entry,
        change
            .apply(new String(entries.get(entry), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
    return TestLog.zip(dir.resolve("tampered-" + System.nanoTime() + ".zip"), entries);
  }
}
