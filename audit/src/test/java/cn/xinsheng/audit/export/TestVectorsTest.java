package cn.xinsheng.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test vectors published in {@code docs/audit-test-vectors}, for another implementation to
 * check itself against: leaves, roots, inclusion and consistency proofs, a signed and cosigned
 * checkpoint, a whole-log and an inmate's export. Made from fixed keys and times, so they come out
 * the same every time; this test fails when the code no longer gives the published bytes. To write
 * them again after a deliberate change: {@code mvn -pl audit test -Dtest=TestVectorsTest
 * -Dxinsheng.vectors.write=true}.
 */
class TestVectorsTest {

  static final Path PUBLISHED = Path.of("..", "docs", "audit-test-vectors");
  static final String INMATE = "3301000001";

  @TempDir Path dir;

  /** An Ed25519 key from a fixed 32-byte seed, through the JDK's own key generation. */
  static NoteKey fixedKey(String name, byte seed) {
    try {
      byte[] bytes = new byte[32];
      java.util.Arrays.fill(bytes, seed);
      SecureRandom fixed =
          new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] out) {
              System.arraycopy(bytes, 0, out, 0, out.length);
            }
          };
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, fixed);
      KeyPair pair = g.generateKeyPair();
      return NoteKey.fromEncoded(
          name, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The files of the vectors, by relative path. */
  static Map<String, String> vectors(Path work) throws IOException {
    NoteKey prison = fixedKey(TestLog.ORIGIN, (byte) 0x11);
    NoteKey witness = fixedKey("procuratorate.test", (byte) 0x22);
    TestLog log = new TestLog(prison, witness);
    log.registerWitness();
    log.write(log.pointEntry(1, INMATE, "劳动任务完成"));
    log.write(log.pointEntry(2, "3301000002", "学习考试合格"));
    log.sequence();
    log.append(TestLog.event("read", "/api/v1/cases", Map.of("method", "GET"), 3));
    log.append(log.pointEntry(3, INMATE, "遵守监规"));
    log.cosign();
    log.append(log.pointEntry(4, INMATE, "内务卫生优秀"));
    log.write(TestLog.event("read", "/api/v1/ledger", Map.of("method", "GET"), 7));
    log.write(log.pointEntry(5, "3301000002", "劳动任务超额完成"));
    log.write(log.pointEntry(6, INMATE, "考试合格"));
    log.sequence();

    Map<String, String> files = new TreeMap<>();
    files.put(
        "keys.txt",
        "# fixed test keys: Ed25519 seeds (32 bytes, hex), verifier keys, fingerprints\n"
            + "log seed "
            + "11".repeat(32)
            + "\nlog key "
            + prison.verifierKey()
            + "\nlog fingerprint "
            + prison.fingerprint()
            + "\nwitness seed "
            + "22".repeat(32)
            + "\nwitness key "
            + witness.witnessVerifierKey()
            + "\nwitness fingerprint "
            + NoteKey.fingerprint(witness.witnessVerifierKey())
            + "\n");
    Path whole = log.whole(work.resolve("whole.zip"));
    Path inmate = log.inmate(work.resolve("inmate.zip"), INMATE);
    long size = log.tree.size();

    StringBuilder leaves = new StringBuilder("# index TAB leaf hash TAB leaf (canonical JSON)\n");
    for (StoredLeaf l : log.leaves) {
      leaves
          .append(l.index())
          .append('\t')
          .append(MerkleTree.hex(l.storedHash()))
          .append('\t')
          .append(new String(l.data(), StandardCharsets.UTF_8))
          .append('\n');
    }
    files.put("leaves.txt", leaves.toString());
    StringBuilder roots = new StringBuilder("# size TAB RFC 6962 root hash\n");
    for (long n = 1; n <= size; n++) {
      roots.append(n).append('\t').append(MerkleTree.hex(log.tree.rootHash(n))).append('\n');
    }
    files.put("roots.txt", roots.toString());
    StringBuilder inclusion = new StringBuilder("# index TAB size TAB audit path (hex, comma)\n");
    StringBuilder consistency = new StringBuilder("# from TAB to TAB proof (hex, comma)\n");
    for (long to = 1; to <= size; to++) {
      for (long i = 0; i < to; i++) {
        inclusion.append(i).append('\t').append(to).append('\t');
        inclusion.append(hexes(log.tree.inclusionProof(i, to))).append('\n');
      }
      for (long from = 1; from < to; from++) {
        consistency.append(from).append('\t').append(to).append('\t');
        consistency.append(hexes(log.tree.consistencyProof(from, to))).append('\n');
      }
    }
    files.put("inclusion.txt", inclusion.toString());
    files.put("consistency.txt", consistency.toString());
    files.put("checkpoint.note", log.checkpoints.get(size).format());
    long cosigned = log.cosignedSizes.get(0);
    files.put("cosigned.note", log.checkpoints.get(cosigned).format());
    for (Map.Entry<String, byte[]> e : TestLog.unzip(whole).entrySet()) {
      files.put("export-whole/" + e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> e : TestLog.unzip(inmate).entrySet()) {
      files.put(
          "export-inmate-" + INMATE + "/" + e.getKey(),
          new String(e.getValue(), StandardCharsets.UTF_8));
    }
    return files;
  }

  private static String hexes(List<byte[]> proof) {
    return proof.isEmpty()
        ? "."
        : proof.stream().map(MerkleTree::hex).collect(Collectors.joining(","));
  }

  @Test
  void thePublishedVectorsAreWhatTheCodeGives() throws IOException {
    Map<String, String> made = vectors(dir);
    if (Boolean.getBoolean("xinsheng.vectors.write")) {
      for (Map.Entry<String, String> f : made.entrySet()) {
        Path p = PUBLISHED.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
    }
    assertTrue(Files.isDirectory(PUBLISHED), "no published vectors at " + PUBLISHED);
    for (Map.Entry<String, String> f : made.entrySet()) {
      Path p = PUBLISHED.resolve(f.getKey());
      assertTrue(Files.exists(p), "missing " + p);
      assertEquals(f.getValue(), Files.readString(p), "stale test vector " + f.getKey());
    }
    // nothing published that the code does not make
    try (Stream<Path> all = Files.walk(PUBLISHED)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = PUBLISHED.relativize(p).toString().replace('\\', '/');
        assertTrue(
            made.containsKey(rel) || rel.equals("README.md") || rel.endsWith(".py"),
            "published but not made: " + rel);
      }
    }
  }

  @Test
  void thePublishedExportsVerifyAgainstThePublishedKey() throws Exception {
    Map<String, String> made = vectors(dir);
    for (String name : List.of("export-whole/", "export-inmate-" + INMATE + "/")) {
      Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
      made.forEach(
          (k, v) -> {
            if (k.startsWith(name)) {
              entries.put(k.substring(name.length()), v.getBytes(StandardCharsets.UTF_8));
            }
          });
      Path zip = TestLog.zip(dir.resolve(name.replace("/", "") + ".zip"), entries);
      ExportVerifier.Report r =
          ExportVerifier.verify(zip, Trust.ofLogKey(fixedKey(TestLog.ORIGIN, (byte) 0x11)), 1);
      assertTrue(r.verified(), name + r.failures());
    }
  }
}
