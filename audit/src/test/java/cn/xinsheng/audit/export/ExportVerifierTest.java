package cn.xinsheng.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.AuditEvent;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export a court receives, written and verified end to end, and each way of tampering with it
 * caught and named by the command a court runs.
 */
class ExportVerifierTest {

  @TempDir Path dir;

  private final NoteKey prison = NoteKey.generate("xinsheng.test.prison");
  private final NoteKey procuratorate = NoteKey.generate("procuratorate.test");
  private final List<StoredLeaf> leaves = new ArrayList<>();
  private final AppendOnlyTree tree = new AppendOnlyTree();
  private final List<SignedCheckpoint> checkpoints = new ArrayList<>();

  ExportVerifierTest() {
    // twelve entries, a checkpoint after each, as the sequencer signs them one by one
    for (int i = 0; i < 12; i++) {
      byte[] data =
          new AuditEvent(
                  "officer1",
                  "OFFICER",
                  "ledger.entry.recorded",
                  "inmate/33010000" + (i % 3),
                  Map.of("amount", 2 + i, "fact", "劳动任务完成 " + i),
                  List.of(),
                  Instant.ofEpochSecond(1_800_000_000L + i))
              .canonicalBytes();
      leaves.add(new StoredLeaf(i, data, MerkleTree.leafHash(data)));
      tree.append(MerkleTree.leafHash(data));
      checkpoints.add(
          SignedCheckpoint.sign(
              new Checkpoint(
                  "xinsheng.test/audit",
                  i + 1,
                  tree.rootHash(i + 1),
                  Instant.ofEpochSecond(1_800_000_000L + i)),
              prison));
    }
    // the procuratorate witnessed size 8
    checkpoints.set(
        7, checkpoints.get(7).cosignedBy(procuratorate, Instant.ofEpochSecond(1_800_000_100L)));
  }

  private Path wholeLog() throws IOException {
    Path file = dir.resolve("all.zip");
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, "xinsheng.test/audit", ExportFormat.SCOPE_ALL, Instant.now())) {
      w.logKeys(List.of(prison));
      w.witnessKeys(List.of(procuratorate));
      for (SignedCheckpoint cp : checkpoints) {
        w.checkpoint(cp);
      }
      w.consistency(8, 12, tree.consistencyProof(8, 12));
      for (StoredLeaf leaf : leaves) {
        w.leaf(leaf, null);
      }
    }
    return file;
  }

  private Path extract(int... indexes) throws IOException {
    Path file = dir.resolve("extract.zip");
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, "xinsheng.test/audit", "inmate 330100001", Instant.now())) {
      w.logKeys(List.of(prison));
      w.witnessKeys(List.of(procuratorate));
      w.checkpoint(checkpoints.get(7));
      w.checkpoint(checkpoints.get(11));
      w.consistency(8, 12, tree.consistencyProof(8, 12));
      for (int i : indexes) {
        w.leaf(leaves.get(i), tree.inclusionProof(i, 12));
      }
    }
    return file;
  }

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

  @Test
  void anUntouchedWholeLogVerifies() throws IOException {
    Run r = run(wholeLog().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "verified 12 entries, tree size 12, root "
                    + MerkleTree.hex(tree.rootHash(12))
                    + ", signed by "
                    + prison.label()
                    + " (+1 witnesses)"),
        r.out());
  }

  @Test
  void anExtractWithInclusionProofsVerifiesAndPinsTheKey() throws IOException {
    Path file = extract(1, 4, 7, 10);
    Path key = dir.resolve("prison.pub");
    Files.writeString(key, prison.verifierKey() + "\n");
    Run r = run(file.toString(), "--key", key.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("verified 4 entries, tree size 12"), r.out());
    // another prison's key is not the one that signed
    Run other = run(file.toString(), "--key", NoteKey.generate("elsewhere").verifierKey());
    assertEquals(1, other.code());
    assertTrue(other.err().contains("do not include the prison key"), other.err());
  }

  @Test
  void anEmptyExtractSaysSo() throws IOException {
    Run r = run(extract().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("verified 0 entries, tree size 12"), r.out());
  }

  @Test
  void aChangedPayloadIsNamed() throws IOException {
    Path file =
        rewrite(wholeLog(), ExportFormat.LEAVES, t -> t.replace("\"amount\":7,", "\"amount\":70,"));
    Run r = run(file.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("entry 5: its data do not match"), r.err());
  }

  @Test
  void aChangedPayloadWithItsHashRecomputedIsNamedByItsCheckpoint() throws IOException {
    Path file =
        rewrite(
            wholeLog(),
            ExportFormat.LEAVES,
            t -> {
              String[] lines = t.split("\n");
              String json = lines[5].split("\t", 4)[3].replace("\"amount\":7,", "\"amount\":70,");
              byte[] hash = MerkleTree.leafHash(json.getBytes(StandardCharsets.UTF_8));
              lines[5] = "5\t" + MerkleTree.hex(hash) + "\t-\t" + json;
              return String.join("\n", lines) + "\n";
            });
    Run r = run(file.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("entry 5 does not match the checkpoint signed at size 6"), r.err());
  }

  @Test
  void aDeletedEntryIsNamed() throws IOException {
    Path file =
        rewrite(
            wholeLog(),
            ExportFormat.LEAVES,
            t -> {
              List<String> lines = new ArrayList<>(List.of(t.split("\n")));
              lines.remove(3);
              return String.join("\n", lines) + "\n";
            });
    Run r = run(file.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("entry 3 is missing"), r.err());
  }

  @Test
  void swappedEntriesAreNamed() throws IOException {
    Path file =
        rewrite(
            wholeLog(),
            ExportFormat.LEAVES,
            t -> {
              String[] lines = t.split("\n");
              String a = lines[2].substring(lines[2].indexOf('\t'));
              String b = lines[3].substring(lines[3].indexOf('\t'));
              lines[2] = "2" + b;
              lines[3] = "3" + a;
              return String.join("\n", lines) + "\n";
            });
    Run r = run(file.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("entry 2 does not match the checkpoint signed at size 3"), r.err());
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() throws IOException {
    NoteKey impostor = NoteKey.generate("xinsheng.test.prison");
    SignedCheckpoint forged = SignedCheckpoint.sign(checkpoints.get(5).checkpoint(), impostor);
    Path file = rewrite(wholeLog(), "checkpoints/6.note", t -> forged.format());
    Run r = run(file.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains("the checkpoint at size 6 is not signed by the prison's key"), r.err());
  }

  @Test
  void aForgedCosignatureIsRefused() throws IOException {
    NoteKey impostor = NoteKey.generate("procuratorate.test");
    SignedCheckpoint forged =
        SignedCheckpoint.sign(checkpoints.get(7).checkpoint(), prison)
            .cosignedBy(impostor, Instant.ofEpochSecond(1_800_000_100L));
    // same witness name; the line carries the impostor's key ID, so it does not claim to be ours
    Path file = rewrite(wholeLog(), "checkpoints/8.note", t -> forged.format());
    Run r = run(file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(+0 witnesses)"), r.out());
    // a line with the real witness's key ID and a wrong signature is a forgery
    String real = checkpoints.get(7).format();
    String broken = real.substring(0, real.length() - 6) + "AAAAA\n";
    Run r2 = run(rewrite(wholeLog(), "checkpoints/8.note", t -> broken).toString());
    assertEquals(1, r2.code(), r2.out());
    assertTrue(r2.err().contains("cosignature of witness procuratorate.test"), r2.err());
  }

  @Test
  void anExtractWithAForeignEntryIsNamed() throws IOException {
    Path file =
        rewrite(
            extract(1, 4),
            ExportFormat.LEAVES,
            t ->
                t.replace("\"amount\":6,", "\"amount\":60,")
                    .replace(
                        MerkleTree.hex(leaves.get(4).storedHash()),
                        MerkleTree.hex(
                            MerkleTree.leafHash(
                                new String(leaves.get(4).data(), StandardCharsets.UTF_8)
                                    .replace("\"amount\":6,", "\"amount\":60,")
                                    .getBytes(StandardCharsets.UTF_8)))));
    Run r = run(file.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("entry 4 is not in the signed tree of size 12"), r.err());
  }

  @Test
  void badFilesGetAClearErrorNotAStackTrace() throws IOException {
    Path whole = wholeLog();
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a zip at all");
    Path noLeaves =
        rewrite(whole, ExportFormat.MANIFEST, t -> t.replace("xinsheng-audit-export/1", "other/9"));
    for (String[] args :
        new String[][] {
          {truncated.toString()},
          {text.toString()},
          {dir.resolve("missing.zip").toString()},
          {noLeaves.toString()},
          {},
          {whole.toString(), "--key", "not-a-key"}
        }) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
      assertTrue(r.err().startsWith("错误 / error: ") || r.err().startsWith("用法"), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  /** A copy of the zip with one entry's text changed. */
  private Path rewrite(Path zip, String entry, UnaryOperator<String> change) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    assertTrue(entries.containsKey(entry), entry);
    entries.put(
        entry,
        change
            .apply(new String(entries.get(entry), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("tampered-" + System.nanoTime() + ".zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out;
  }
}
