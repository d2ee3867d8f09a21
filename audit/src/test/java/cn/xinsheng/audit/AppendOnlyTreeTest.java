package cn.xinsheng.audit;

import static cn.xinsheng.audit.MerkleTree.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stored tree and the compact range give exactly what the RFC 6962 definitions give, for every
 * size, every leaf and every pair of sizes: they are faster forms of the same function.
 */
class AppendOnlyTreeTest {

  @Test
  void rootsMatchTheRfc6962Vectors() {
    AppendOnlyTree tree = new AppendOnlyTree();
    CompactRange range = new CompactRange();
    List<byte[]> leaves = MerkleTreeTest.leafHashes(8);
    for (int n = 1; n <= 8; n++) {
      tree.append(leaves.get(n - 1));
      range.append(leaves.get(n - 1));
      assertEquals(MerkleTreeTest.ROOTS[n - 1], hex(tree.rootHash(n)), "tree " + n);
      assertEquals(MerkleTreeTest.ROOTS[n - 1], hex(range.rootHash()), "range " + n);
    }
    // and every earlier size stays answerable
    for (int n = 1; n <= 8; n++) {
      assertEquals(MerkleTreeTest.ROOTS[n - 1], hex(tree.rootHash(n)));
    }
    assertEquals(hex(MerkleTree.emptyRoot()), hex(tree.rootHash(0)));
    assertEquals(hex(MerkleTree.emptyRoot()), hex(new CompactRange().rootHash()));
  }

  @Test
  void proofsEqualTheDefinitionForEverySizeAndLeaf() {
    Random random = new Random(6962);
    List<byte[]> leaves = MerkleTreeTest.randomLeaves(random, 70);
    AppendOnlyTree tree = new AppendOnlyTree();
    leaves.forEach(tree::append);
    for (int n = 1; n <= leaves.size(); n++) {
      List<byte[]> prefix = leaves.subList(0, n);
      byte[] root = MerkleTree.rootHash(prefix);
      assertArrayEquals(root, tree.rootHash(n), "root " + n);
      for (int i = 0; i < n; i++) {
        List<byte[]> stored = tree.inclusionProof(i, n);
        assertEquals(
            MerkleTreeTest.hexes(MerkleTree.inclusionProof(i, prefix)),
            MerkleTreeTest.hexes(stored),
            "inclusion " + i + "/" + n);
        assertTrue(MerkleTree.verifyInclusion(i, n, leaves.get(i), stored, root));
      }
      for (int m = 1; m <= n; m++) {
        assertEquals(
            MerkleTreeTest.hexes(MerkleTree.consistencyProof(m, prefix)),
            MerkleTreeTest.hexes(tree.consistencyProof(m, n)),
            "consistency " + m + "->" + n);
      }
    }
  }

  @Test
  void aLargeTreeAgreesWithTheCompactRangeAndItsProofs() {
    Random random = new Random(42);
    AppendOnlyTree tree = new AppendOnlyTree();
    CompactRange range = new CompactRange();
    int n = 100_003; // crosses several 32,768-hash chunks, not a power of two
    byte[][] leaves = new byte[n][];
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[8];
      random.nextBytes(data);
      leaves[i] = MerkleTree.leafHash(data);
      tree.append(leaves[i]);
      range.append(leaves[i]);
    }
    byte[] root = tree.rootHash(n);
    assertArrayEquals(range.rootHash(), root);
    for (int trial = 0; trial < 200; trial++) {
      int i = random.nextInt(n);
      assertTrue(MerkleTree.verifyInclusion(i, n, leaves[i], tree.inclusionProof(i, n), root));
      int m = 1 + random.nextInt(n);
      assertTrue(
          MerkleTree.verifyConsistency(m, n, tree.consistencyProof(m, n), tree.rootHash(m), root));
    }
  }

  @Test
  void aTruncatedTreeGrowsAgainToTheSameRoots() {
    Random random = new Random(7);
    List<byte[]> leaves = MerkleTreeTest.randomLeaves(random, 40);
    AppendOnlyTree tree = new AppendOnlyTree();
    leaves.subList(0, 21).forEach(tree::append);
    // a batch whose transaction rolled back
    MerkleTreeTest.randomLeaves(random, 9).forEach(tree::append);
    tree.truncate(21);
    assertEquals(21, tree.size());
    leaves.subList(21, 40).forEach(tree::append);
    for (int n = 1; n <= 40; n++) {
      assertArrayEquals(MerkleTree.rootHash(leaves.subList(0, n)), tree.rootHash(n), "size " + n);
    }
  }

  @Test
  void sizesBeyondTheTreeAreRefused() {
    AppendOnlyTree tree = new AppendOnlyTree();
    tree.append(MerkleTree.leafHash(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> tree.rootHash(2));
    assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(1, 1));
    assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(1, 2));
    assertThrows(IllegalArgumentException.class, () -> tree.append(new byte[31]));
  }
}
