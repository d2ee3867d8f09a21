package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/**
 * Leaves of form 2: the entry wrapped with its index, the previous leaf's hash and its subject
 * chains, as the sequencer writes them, and a log that began in form 1 carried over.
 */
class LeafChainTest {

  private final NoteKey prison = NoteKey.generate("xinsheng.test/audit");

  private static byte[] entry(String inmate, int i) {
    return new AuditEvent(
            "officer1",
            "OFFICER",
            "ledger.entry.recorded",
            "point-entry/" + i,
            inmate == null ? Map.of("n", (long) i) : Map.of("inmate", inmate, "n", (long) i),
            List.of(),
            Instant.ofEpochSecond(1_800_000_000L + i))
        .canonicalBytes();
  }

  @Test
  void aLeafIsItsEntryWrappedAndReadsBack() {
    byte[] e = entry("3301000001", 1);
    Chains chains = new Chains();
    Sequencing step = new Sequencing(chains, 0, Leaf.noPrevious(), 1_800_000_000_123L);
    Sequencing.Next n = step.next(e);
    byte[] leaf = Leaf.assemble(e, n.tail());
    assertTrue(Leaf.isWrapped(leaf));
    assertFalse(Leaf.isWrapped(e));
    assertArrayEquals(MerkleTree.leafHash(leaf), n.leafHash());
    // the wrapped leaf is canonical JSON itself: parsing and writing again gives the same bytes
    assertEquals(
        new String(leaf, StandardCharsets.UTF_8),
        CanonicalJson.write(CanonicalJson.parse(new String(leaf, StandardCharsets.UTF_8))));
    Leaf.Parsed p = Leaf.parse(leaf);
    assertEquals(2, p.form());
    assertEquals(0, p.index());
    assertEquals(List.of(new Leaf.Link("inmate/3301000001", 1, -1, List.of())), p.links());
    assertEquals("ledger.entry.recorded", p.action());
    assertEquals(1_800_000_000_123L, p.sequenced());
  }

  @Test
  void aChainLinksEachLeafToThePreviousOneAboutItsSubject() {
    Chains chains = new Chains();
    Sequencing step = new Sequencing(chains, 0, Leaf.noPrevious(), 0);
    List<Leaf.Parsed> leaves = new ArrayList<>();
    String[] who = {"A", "B", null, "A", "A", "B"};
    for (int i = 0; i < who.length; i++) {
      byte[] e = entry(who[i], i);
      leaves.add(Leaf.parse(Leaf.assemble(e, step.next(e).tail())));
    }
    assertTrue(chains.head("inmate/A").isEmpty(), "nothing committed before the batch is");
    chains.commit(step.batch());
    assertEquals(new Leaf.Link("inmate/A", 3, 3, List.of()), leaves.get(4).links().get(0));
    assertEquals(new Leaf.Link("inmate/B", 2, 1, List.of()), leaves.get(5).links().get(0));
    assertTrue(leaves.get(2).links().isEmpty());
    assertEquals(new Chains.Head(3, 4, List.of()), chains.head("inmate/A").orElseThrow());
  }

  /** A log whose first entries were written before chains: form 1, then form 2. */
  private record Mixed(List<LogVerifier.StoredLeaf> leaves, List<SignedCheckpoint> checkpoints) {}

  private Mixed mixed() {
    List<LogVerifier.StoredLeaf> leaves = new ArrayList<>();
    AppendOnlyTree tree = new AppendOnlyTree();
    List<SignedCheckpoint> cps = new ArrayList<>();
    String[] who = {"A", "B", "A", null};
    for (int i = 0; i < who.length; i++) {
      byte[] e = entry(who[i], i);
      leaves.add(new LogVerifier.StoredLeaf(i, e, MerkleTree.leafHash(e)));
      tree.append(MerkleTree.leafHash(e));
      cps.add(
          SignedCheckpoint.sign(
              new Checkpoint(
                  "xinsheng.test/audit", i + 1, tree.rootHash(i + 1), Instant.ofEpochSecond(i)),
              prison));
    }
    // the upgrade: the verifier of the old leaves gives the heads the sequencer goes on from
    LogVerifier old = new LogVerifier(cps, List.of(prison), new HashSet<>());
    leaves.forEach(old::accept);
    assertTrue(old.finish().sound());
    Chains chains = old.chains();
    Sequencing step = new Sequencing(chains, 4, tree.leafHash(3), 0);
    for (int i = 4; i < 7; i++) {
      byte[] e = entry(i == 5 ? "B" : "A", i);
      Sequencing.Next n = step.next(e);
      leaves.add(new LogVerifier.StoredLeaf(i, Leaf.assemble(e, n.tail()), n.leafHash()));
      tree.append(n.leafHash());
    }
    chains.commit(step.batch());
    cps.add(
        SignedCheckpoint.sign(new Checkpoint("xinsheng.test/audit", 7, tree.rootHash(7)), prison));
    return new Mixed(leaves, cps);
  }

  @Test
  void aLogThatBeganBeforeChainsStillVerifiesAndItsChainsAdoptTheOldEntries() {
    Mixed m = mixed();
    LogVerifier v = new LogVerifier(m.checkpoints(), List.of(prison), new HashSet<>());
    m.leaves().forEach(v::accept);
    LogVerifier.Result r = v.finish();
    assertTrue(r.sound(), r.failure().toString());
    Leaf.Parsed firstOfA = Leaf.parse(m.leaves().get(4).data());
    assertEquals(new Leaf.Link("inmate/A", 1, 2, List.of(0L, 2L)), firstOfA.links().get(0));
    Leaf.Parsed firstOfB = Leaf.parse(m.leaves().get(5).data());
    assertEquals(new Leaf.Link("inmate/B", 1, 1, List.of(1L)), firstOfB.links().get(0));
    assertEquals(new Chains.Head(2, 6, List.of()), v.chains().head("inmate/A").orElseThrow());
  }

  @Test
  void aLinkTheSequencerDidNotWriteIsCaught() {
    Mixed m = mixed();
    // a leaf of form 2 rewritten to link A's chain wrongly, its hash recomputed and the tree too
    List<LogVerifier.StoredLeaf> leaves = new ArrayList<>(m.leaves());
    byte[] data = m.leaves().get(6).data();
    byte[] forged =
        new String(data, StandardCharsets.UTF_8)
            .replace("\"n\":2,\"prev\":4", "\"n\":2,\"prev\":5")
            .getBytes(StandardCharsets.UTF_8);
    assertFalse(java.util.Arrays.equals(data, forged));
    leaves.set(6, new LogVerifier.StoredLeaf(6, forged, MerkleTree.leafHash(forged)));
    AppendOnlyTree tree = new AppendOnlyTree();
    leaves.forEach(l -> tree.append(l.storedHash()));
    List<SignedCheckpoint> cps =
        List.of(
            SignedCheckpoint.sign(
                new Checkpoint("xinsheng.test/audit", 7, tree.rootHash(7)), prison));
    LogVerifier v = new LogVerifier(cps, List.of(prison), new HashSet<>());
    leaves.forEach(v::accept);
    LogVerifier.Failure f = v.finish().failure().orElseThrow();
    assertEquals(6, f.entry());
    assertTrue(
        f.message().contains("after entry 5, but in the log it is the 2nd, after entry 4"),
        f.message());
  }

  @Test
  void rowsSwappedWholeInTheDatabaseAreNamedReordered() {
    Mixed m = mixed();
    List<LogVerifier.StoredLeaf> leaves = new ArrayList<>(m.leaves());
    // a DBA swaps two leaf rows with everything they hold: each leaf still says where it belongs
    LogVerifier.StoredLeaf a = leaves.get(4);
    LogVerifier.StoredLeaf b = leaves.get(5);
    leaves.set(4, new LogVerifier.StoredLeaf(4, b.data(), b.storedHash()));
    leaves.set(5, new LogVerifier.StoredLeaf(5, a.data(), a.storedHash()));
    LogVerifier v = new LogVerifier(m.checkpoints(), List.of(prison), new HashSet<>());
    // as the platform's store streams them: it stops reading when told to
    for (LogVerifier.StoredLeaf l : leaves) {
      if (!v.accept(l)) {
        break;
      }
    }
    LogVerifier.Failure f = v.finish().failure().orElseThrow();
    assertEquals(LogVerifier.Kind.REORDERED, f.kind());
    assertTrue(f.message().contains("entry 4 reordered: it comes after entry 5"), f.message());
  }

  @Test
  void theScannerFindsTheSubjectsAsTheParsedEntryWould() {
    String[] entries = {
      "{\"action\":\"a\",\"payload\":{\"case\":7,\"inmate\":\"3301000001\"},\"v\":1}",
      "{\"payload\":{\"eligibility\":{\"inmate\":\"nested\",\"case\":9},\"x\":[1,{\"case\":3}]}}",
      "{\"payload\":{\"case\":\"7\",\"inmate\":\"\\u4e00\\\"号\"},\"subject\":\"payload\"}",
      "{\"payload\":{\"inmate\":\"A\",\"inmate\":5},\"z\":null}",
      "{\"a\":[],\"b\":{},\"payload\":{},\"c\":true,\"d\":-12}",
      "{\"payload\":{\"case\":-3}}"
    };
    for (String e : entries) {
      byte[] b = e.getBytes(StandardCharsets.UTF_8);
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = (Map<String, Object>) CanonicalJson.parse(e);
      assertEquals(Leaf.chainSubjects(parsed), Leaf.parse(b).subjects(), e);
      assertEquals(String.valueOf(parsed.get("action")), Leaf.parse(b).action(), e);
    }
    assertEquals(
        List.of("case/7", "inmate/3301000001"), Leaf.parse(entries[0].getBytes()).subjects());
    for (String bad : new String[] {"[1]", "{\"a\":1} x", "{\"a\":", "{\"a\":tru}"}) {
      byte[] b = bad.getBytes(StandardCharsets.UTF_8);
      try {
        Leaf.parse(b);
        throw new AssertionError("accepted " + bad);
      } catch (IllegalArgumentException expected) {
        // refused, as the parser refuses it
      }
    }
  }
}
