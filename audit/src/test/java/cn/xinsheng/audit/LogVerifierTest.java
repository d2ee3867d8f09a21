package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tamper drill on the library: each kind of edit a DBA could make is caught and named. */
class LogVerifierTest {

  private final NoteKey prison = NoteKey.generate("xinsheng.test");

  private List<LogVerifier.StoredLeaf> log(int n) {
    List<LogVerifier.StoredLeaf> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] data =
          new AuditEvent(
                  "officer1",
                  "OFFICER",
                  "ledger.entry",
                  "330100000" + (i % 10),
                  Map.of("amount", i),
                  List.of(),
                  Instant.ofEpochSecond(1_800_000_000L + i))
              .canonicalBytes();
      leaves.add(new LogVerifier.StoredLeaf(i, data, MerkleTree.leafHash(data)));
    }
    return leaves;
  }

  private SignedCheckpoint checkpoint(List<LogVerifier.StoredLeaf> leaves, NoteKey key) {
    List<byte[]> hashes = leaves.stream().map(LogVerifier.StoredLeaf::storedHash).toList();
    return SignedCheckpoint.sign(
        new Checkpoint(
            "xinsheng.test/audit", hashes.size(), MerkleTree.rootHash(hashes), Instant.now()),
        key);
  }

  @Test
  void anUntouchedLogVerifies() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    LogVerifier.Result r = LogVerifier.verify(leaves, checkpoint(leaves, prison), prison);
    assertTrue(r.sound(), r.failure().orElse(""));
    assertEquals(10, r.leavesChecked());
  }

  @Test
  void aChangedPayloadIsNamed() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    LogVerifier.StoredLeaf four = leaves.get(4);
    byte[] forged =
        new String(four.data(), StandardCharsets.UTF_8)
            .replace("\"amount\":4", "\"amount\":40")
            .getBytes(StandardCharsets.UTF_8);
    leaves.set(4, new LogVerifier.StoredLeaf(4, forged, four.storedHash()));
    LogVerifier.Result r = LogVerifier.verify(leaves, cp, prison);
    assertFalse(r.sound());
    assertTrue(r.failure().get().startsWith("leaf 4 "), r.failure().get());
  }

  @Test
  void aChangedPayloadWithARecomputedHashIsCaughtByTheRoot() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
    leaves.set(4, new LogVerifier.StoredLeaf(4, forged, MerkleTree.leafHash(forged)));
    assertTrue(LogVerifier.verify(leaves, cp, prison).failure().get().contains("signed root"));
  }

  @Test
  void aDeletedRowIsNamed() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    leaves.remove(6);
    assertTrue(
        LogVerifier.verify(leaves, cp, prison).failure().get().startsWith("leaf 6 is missing"));
    List<LogVerifier.StoredLeaf> tailCut = log(10).subList(0, 8);
    assertTrue(
        LogVerifier.verify(tailCut, cp, prison).failure().get().contains("leaves were removed"));
  }

  @Test
  void swappedRowsAreCaught() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    LogVerifier.StoredLeaf a = leaves.get(2);
    LogVerifier.StoredLeaf b = leaves.get(3);
    // the rows keep their index numbers but carry each other's content
    leaves.set(2, new LogVerifier.StoredLeaf(2, b.data(), b.storedHash()));
    leaves.set(3, new LogVerifier.StoredLeaf(3, a.data(), a.storedHash()));
    assertTrue(LogVerifier.verify(leaves, cp, prison).failure().get().contains("signed root"));
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    NoteKey impostor = NoteKey.generate("xinsheng.test");
    LogVerifier.Result r = LogVerifier.verify(leaves, checkpoint(leaves, impostor), prison);
    assertTrue(r.failure().get().contains("not signed by"), r.failure().get());
  }

  @Test
  void leavesAddedAfterTheCheckpointDoNotBreakIt() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves.subList(0, 7), prison);
    assertTrue(LogVerifier.verify(leaves, cp, prison).sound());
  }
}
