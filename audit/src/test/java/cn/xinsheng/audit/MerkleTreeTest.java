package cn.xinsheng.audit;

import static cn.xinsheng.audit.MerkleTree.hex;
import static cn.xinsheng.audit.MerkleTree.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 test vectors (the eight leaves used by Certificate Transparency and Trillian) and
 * property tests over random trees.
 */
class MerkleTreeTest {

  /** The RFC 6962 test leaves. */
  static final String[] LEAVES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  /** Roots of the trees of the first 1..8 leaves. */
  static final String[] ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  static List<byte[]> leafHashes(int n) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hashes.add(MerkleTree.leafHash(unhex(LEAVES[i])));
    }
    return hashes;
  }

  static List<String> hexes(List<byte[]> proof) {
    return proof.stream().map(MerkleTree::hex).toList();
  }

  @Test
  void emptyTreeRootIsTheHashOfNothing() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(MerkleTree.rootHash(List.of())));
  }

  @Test
  void rootsMatchTheRfc6962Vectors() {
    for (int n = 1; n <= 8; n++) {
      assertEquals(ROOTS[n - 1], hex(MerkleTree.rootHash(leafHashes(n))), "size " + n);
    }
  }

  @Test
  void inclusionProofsMatchTheRfc6962Vectors() {
    assertEquals(List.of(), hexes(MerkleTree.inclusionProof(0, leafHashes(1))));
    assertEquals(
        List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        hexes(MerkleTree.inclusionProof(0, leafHashes(8))));
    assertEquals(
        List.of(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        hexes(MerkleTree.inclusionProof(5, leafHashes(8))));
    assertEquals(
        List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
        hexes(MerkleTree.inclusionProof(2, leafHashes(3))));
    assertEquals(
        List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        hexes(MerkleTree.inclusionProof(1, leafHashes(5))));
  }

  @Test
  void consistencyProofsMatchTheRfc6962Vectors() {
    assertEquals(List.of(), hexes(MerkleTree.consistencyProof(1, leafHashes(1))));
    assertEquals(
        List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        hexes(MerkleTree.consistencyProof(1, leafHashes(8))));
    assertEquals(
        List.of(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        hexes(MerkleTree.consistencyProof(6, leafHashes(8))));
    assertEquals(
        List.of(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        hexes(MerkleTree.consistencyProof(2, leafHashes(5))));
  }

  @Test
  void theVectorsVerify() {
    for (int n = 1; n <= 8; n++) {
      List<byte[]> leaves = leafHashes(n);
      byte[] root = unhex(ROOTS[n - 1]);
      for (int i = 0; i < n; i++) {
        assertTrue(
            MerkleTree.verifyInclusion(
                i, n, leaves.get(i), MerkleTree.inclusionProof(i, leaves), root),
            i + " in " + n);
      }
      for (int m = 1; m <= n; m++) {
        assertTrue(
            MerkleTree.verifyConsistency(
                m, n, MerkleTree.consistencyProof(m, leaves), unhex(ROOTS[m - 1]), root),
            m + " -> " + n);
      }
    }
  }

  /** Every leaf of random trees of every size 1..N proves inclusion; nothing else does. */
  @Test
  void everyLeafOfRandomTreesProvesInclusion() {
    Random random = new Random(6962);
    for (int n = 1; n <= 70; n++) {
      List<byte[]> leaves = randomLeaves(random, n);
      byte[] root = MerkleTree.rootHash(leaves);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = MerkleTree.inclusionProof(i, leaves);
        assertTrue(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, root), i + "/" + n);
        // the same proof for another index, size, leaf or root fails
        if (n > 1) {
          assertFalse(
              MerkleTree.verifyInclusion((i + 1) % n, n, leaves.get(i), proof, root), "index");
          assertFalse(
              MerkleTree.verifyInclusion(i, n, leaves.get((i + 1) % n), proof, root), "leaf");
        }
        // (a proof does not bind the tree size by itself where neighbouring sizes share the
        // path's shape; the signed checkpoint binds the size together with the root)
        assertFalse(MerkleTree.verifyInclusion(i, i, leaves.get(i), proof, root), "size");
        assertFalse(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, flip(root, i)), "root");
        for (int p = 0; p < proof.size(); p++) {
          List<byte[]> tampered = new ArrayList<>(proof);
          tampered.set(p, flip(proof.get(p), i + p));
          assertFalse(MerkleTree.verifyInclusion(i, n, leaves.get(i), tampered, root), "proof");
        }
        if (!proof.isEmpty()) {
          assertFalse(
              MerkleTree.verifyInclusion(
                  i, n, leaves.get(i), proof.subList(0, proof.size() - 1), root),
              "truncated");
        }
      }
    }
  }

  /** Every pair of sizes proves consistency; flipped bits and wrong sizes fail. */
  @Test
  void everyPairOfSizesProvesConsistency() {
    Random random = new Random(9162);
    List<byte[]> leaves = randomLeaves(random, 48);
    List<byte[]> roots = new ArrayList<>();
    roots.add(MerkleTree.emptyRoot());
    for (int n = 1; n <= leaves.size(); n++) {
      roots.add(MerkleTree.rootHash(leaves.subList(0, n)));
    }
    for (int n = 1; n <= leaves.size(); n++) {
      List<byte[]> tree = leaves.subList(0, n);
      for (int m = 1; m <= n; m++) {
        List<byte[]> proof = MerkleTree.consistencyProof(m, tree);
        assertTrue(
            MerkleTree.verifyConsistency(m, n, proof, roots.get(m), roots.get(n)), m + "->" + n);
        assertFalse(
            MerkleTree.verifyConsistency(m, n, proof, flip(roots.get(m), n), roots.get(n)),
            "old root");
        assertFalse(
            MerkleTree.verifyConsistency(m, n, proof, roots.get(m), flip(roots.get(n), m)),
            "new root");
        for (int p = 0; p < proof.size(); p++) {
          List<byte[]> tampered = new ArrayList<>(proof);
          tampered.set(p, flip(proof.get(p), m + p));
          assertFalse(
              MerkleTree.verifyConsistency(m, n, tampered, roots.get(m), roots.get(n)), "proof");
        }
        if (m < n) {
          assertFalse(
              MerkleTree.verifyConsistency(n, m, proof, roots.get(m), roots.get(n)), "sizes");
        }
      }
    }
  }

  @Test
  void largerTreesAgreeWithTheirProofs() {
    Random random = new Random(1);
    List<byte[]> leaves = randomLeaves(random, 1000);
    byte[] root = MerkleTree.rootHash(leaves);
    for (int trial = 0; trial < 50; trial++) {
      int i = random.nextInt(leaves.size());
      assertTrue(
          MerkleTree.verifyInclusion(
              i, leaves.size(), leaves.get(i), MerkleTree.inclusionProof(i, leaves), root));
      int m = 1 + random.nextInt(leaves.size());
      assertTrue(
          MerkleTree.verifyConsistency(
              m,
              leaves.size(),
              MerkleTree.consistencyProof(m, leaves),
              MerkleTree.rootHash(leaves.subList(0, m)),
              root));
    }
  }

  @Test
  void badArgumentsAreRefusedNotCrashed() {
    List<byte[]> leaves = leafHashes(3);
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(3, leaves));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyProof(4, leaves));
    byte[] root = MerkleTree.rootHash(leaves);
    assertFalse(MerkleTree.verifyInclusion(-1, 3, leaves.get(0), List.of(), root));
    assertFalse(MerkleTree.verifyInclusion(0, 3, new byte[5], List.of(), root));
    assertFalse(MerkleTree.verifyInclusion(0, 3, leaves.get(0), List.of(new byte[3]), root));
    assertFalse(MerkleTree.verifyConsistency(2, 1, List.of(), root, root));
    assertFalse(MerkleTree.verifyConsistency(1, 3, List.of(), leaves.get(0), root));
    assertTrue(MerkleTree.verifyConsistency(3, 3, List.of(), root, root));
  }

  static List<byte[]> randomLeaves(Random random, int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[1 + random.nextInt(40)];
      random.nextBytes(data);
      leaves.add(MerkleTree.leafHash(data));
    }
    return leaves;
  }

  static byte[] flip(byte[] hash, int seed) {
    byte[] copy = hash.clone();
    int bit = Math.floorMod(seed * 31 + 7, copy.length * 8);
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }
}
