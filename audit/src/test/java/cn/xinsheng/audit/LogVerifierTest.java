package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
    assertTrue(r.sound(), r.failure().map(LogVerifier.Failure::message).orElse(""));
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
    assertEquals(4, r.failure().get().entry());
    assertTrue(
        r.failure().get().message().contains("entry 4 changed: its data"),
        r.failure().get().message());
  }

  @Test
  void aChangedPayloadWithARecomputedHashIsCaughtByTheRoot() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
    leaves.set(4, new LogVerifier.StoredLeaf(4, forged, MerkleTree.leafHash(forged)));
    LogVerifier.Failure f = LogVerifier.verify(leaves, cp, prison).failure().get();
    // one checkpoint over ten entries: the change is pinned to that range
    assertEquals(0, f.entry());
    assertTrue(f.message().contains("one of entries 0–9 changed"), f.message());
  }

  @Test
  void aDeletedRowIsNamed() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    leaves.remove(6);
    LogVerifier.Failure f = LogVerifier.verify(leaves, cp, prison).failure().get();
    assertEquals(6, f.entry());
    assertTrue(f.message().contains("entry 6 missing"), f.message());
    assertEquals(LogVerifier.Kind.MISSING, f.kind());
    List<LogVerifier.StoredLeaf> tailCut = log(10).subList(0, 8);
    f = LogVerifier.verify(tailCut, cp, prison).failure().get();
    assertEquals(8, f.entry());
    assertTrue(f.message().contains("entries 8–9 truncated"), f.message());
    assertEquals(LogVerifier.Kind.TRUNCATED, f.kind());
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
    assertFalse(LogVerifier.verify(leaves, cp, prison).sound());
  }

  @Test
  void withACheckpointPerEntryTheSwappedEntryIsNamedExactly() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    // the sequencer signs at least every second: here after every entry
    List<SignedCheckpoint> checkpoints = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      checkpoints.add(checkpoint(leaves.subList(0, n), prison));
    }
    LogVerifier.StoredLeaf a = leaves.get(5);
    LogVerifier.StoredLeaf b = leaves.get(6);
    leaves.set(5, new LogVerifier.StoredLeaf(5, b.data(), b.storedHash()));
    leaves.set(6, new LogVerifier.StoredLeaf(6, a.data(), a.storedHash()));
    LogVerifier v = new LogVerifier(checkpoints, List.of(prison), new HashSet<>());
    leaves.forEach(v::accept);
    LogVerifier.Failure f = v.finish().failure().get();
    assertEquals(5, f.entry());
    assertTrue(
        f.message().contains("entry 5 changed: it does not match the checkpoint signed at size 6"),
        f.message());
  }

  @Test
  void theSignedTreeInMemoryNamesAChangeInsideABatch() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves, prison);
    AppendOnlyTree signed = new AppendOnlyTree();
    leaves.forEach(l -> signed.append(l.storedHash()));
    byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
    leaves.set(7, new LogVerifier.StoredLeaf(7, forged, MerkleTree.leafHash(forged)));
    LogVerifier v =
        new LogVerifier(List.of(cp), List.of(prison), new HashSet<>()).withReference(signed);
    leaves.forEach(v::accept);
    LogVerifier.Failure f = v.finish().failure().get();
    assertEquals(7, f.entry());
    assertTrue(
        f.message().contains("entry 7 changed: it differs from the tree signed"), f.message());
  }

  @Test
  void aRotatedKeyIsTrustedOnlyThroughTheDoubleSignature() {
    List<LogVerifier.StoredLeaf> leaves = log(6);
    NoteKey next = NoteKey.generate("xinsheng.test");
    SignedCheckpoint first = checkpoint(leaves.subList(0, 2), prison);
    SignedCheckpoint handover = checkpoint(leaves.subList(0, 4), next).alsoSignedBy(prison);
    SignedCheckpoint after = checkpoint(leaves, next);
    LogVerifier ok =
        new LogVerifier(List.of(first, handover, after), List.of(prison, next), new HashSet<>());
    leaves.forEach(ok::accept);
    LogVerifier.Result r = ok.finish();
    assertTrue(r.sound(), r.failure().map(LogVerifier.Failure::message).orElse(""));
    assertEquals(next.label(), r.signedBy().label());

    // the new key alone, without the old key's endorsement
    SignedCheckpoint unendorsed = checkpoint(leaves.subList(0, 4), next);
    assertTrue(
        new LogVerifier(List.of(first, unendorsed), List.of(prison, next), new HashSet<>())
            .failure()
            .get()
            .message()
            .contains("did not endorse"));
    // the old key signing again after the handover
    SignedCheckpoint stale = checkpoint(leaves, prison);
    assertTrue(
        new LogVerifier(List.of(first, handover, stale), List.of(prison, next), new HashSet<>())
            .failure()
            .get()
            .message()
            .contains("retired key"));
  }

  @Test
  void aForgedNoteIsNotTakenForOneAlreadyChecked() {
    List<LogVerifier.StoredLeaf> leaves = log(4);
    SignedCheckpoint real = checkpoint(leaves, prison);
    java.util.Set<String> knownGood = new HashSet<>();
    assertTrue(new LogVerifier(List.of(real), List.of(prison), knownGood).failure().isEmpty());
    assertEquals(1, knownGood.size());
    // the same body under an impostor's signature, with the real key's name
    SignedCheckpoint forged =
        SignedCheckpoint.sign(real.checkpoint(), NoteKey.generate(prison.name()));
    assertTrue(
        new LogVerifier(List.of(forged), List.of(prison), knownGood)
            .failure()
            .get()
            .message()
            .contains("not signed by the prison's key"));
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    NoteKey impostor = NoteKey.generate("xinsheng.test");
    LogVerifier.Result r = LogVerifier.verify(leaves, checkpoint(leaves, impostor), prison);
    assertTrue(r.failure().get().message().contains("not signed by"), r.failure().get().message());
  }

  @Test
  void aLeafBeyondTheSignedTreeIsInserted() {
    List<LogVerifier.StoredLeaf> leaves = log(10);
    SignedCheckpoint cp = checkpoint(leaves.subList(0, 7), prison);
    LogVerifier.Failure f = LogVerifier.verify(leaves, cp, prison).failure().get();
    assertEquals(LogVerifier.Kind.INSERTED, f.kind());
    assertTrue(f.message().contains("entry 7 inserted"), f.message());
  }
}
