package cn.xinsheng.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing over SHA-256: leaves are hashed with the prefix 0x00,
 * interior nodes with 0x01, and a tree of n leaves splits at the largest power of two below n. So
 * trees of any size, not only powers of two, have one root, and inclusion and consistency proofs.
 *
 * <p>The proof builders take the list of leaf hashes; the verifiers need only the proof, as a
 * court's PC has no copy of the log.
 */
public final class MerkleTree {

  public static final int HASH_BYTES = 32;
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private MerkleTree() {}

  /** A fresh SHA-256 digest, for callers outside this package. */
  public static MessageDigest sha256Digest() {
    return sha256();
  }

  /** SHA-256 of these bytes, lower-case hex: how files and evidence are named. */
  public static String sha256Hex(byte[] bytes) {
    return hex(sha256().digest(bytes));
  }

  /** SHA-256 of a stream read to its end, lower-case hex. */
  public static String sha256Hex(java.io.InputStream in) throws java.io.IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      md.update(buf, 0, n);
    }
    return hex(md.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * One digest per thread for the leaf and node hashes: looking the algorithm up for each of
   * millions of hashes costs as much as hashing a short leaf. {@code digest()} resets it.
   */
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(MerkleTree::sha256);

  /** SHA-256(0x00 || data). */
  public static byte[] leafHash(byte[] data) {
    return leafHash(data, 0, data.length);
  }

  /** SHA-256(0x00 || data[offset, offset+length)). */
  public static byte[] leafHash(byte[] data, int offset, int length) {
    MessageDigest d = DIGEST.get();
    d.update(LEAF_PREFIX);
    d.update(data, offset, length);
    return d.digest();
  }

  /** SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = DIGEST.get();
    d.update(NODE_PREFIX);
    d.update(left);
    return d.digest(right);
  }

  /** The root of the empty tree: SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /**
   * MTH(D[from:to]): the hash of the subtree over leaves {@code [from, to)}. The proof builders ask
   * only for subtrees that RFC 6962 trees are made of, so a store that keeps every complete subtree
   * answers in O(log n) lookups (see {@link AppendOnlyTree}); a plain list computes them.
   */
  @FunctionalInterface
  public interface SubtreeHashes {
    byte[] hash(long from, long to);
  }

  /** MTH(D[n]) over the given leaf hashes. */
  public static byte[] rootHash(List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return emptyRoot();
    }
    return of(leafHashes).hash(0, leafHashes.size());
  }

  /** Subtree hashes computed from a list of leaf hashes, O(n) per subtree. */
  static SubtreeHashes of(List<byte[]> leaves) {
    return new SubtreeHashes() {
      @Override
      public byte[] hash(long from, long to) {
        long n = to - from;
        if (n == 1) {
          return leaves.get((int) from);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(hash(from, from + k), hash(from + k, to));
      }
    };
  }

  /** The largest power of two strictly less than n (n &gt; 1). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** PATH(m, D[n]): the audit path proving that leaf m is in the tree of these leaves. */
  public static List<byte[]> inclusionProof(int leafIndex, List<byte[]> leafHashes) {
    return inclusionProof(leafIndex, leafHashes.size(), of(leafHashes));
  }

  /** PATH(m, D[n]) for the tree of the first {@code size} leaves. */
  public static List<byte[]> inclusionProof(long leafIndex, long size, SubtreeHashes tree) {
    if (leafIndex < 0 || leafIndex >= size) {
      throw new IllegalArgumentException("leaf " + leafIndex + " is outside a tree of " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(leafIndex, tree, 0, size, proof);
    return proof;
  }

  private static void path(long m, SubtreeHashes tree, long from, long to, List<byte[]> out) {
    long n = to - from;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, tree, from, from + k, out);
      out.add(tree.hash(from + k, to));
    } else {
      path(m - k, tree, from + k, to, out);
      out.add(tree.hash(from, from + k));
    }
  }

  /** PROOF(m, D[n]): proves that the first m leaves form a prefix of the tree of all leaves. */
  public static List<byte[]> consistencyProof(int oldSize, List<byte[]> leafHashes) {
    return consistencyProof(oldSize, leafHashes.size(), of(leafHashes));
  }

  /** PROOF(m, D[n]) for the trees of the first {@code oldSize} and {@code size} leaves. */
  public static List<byte[]> consistencyProof(long oldSize, long size, SubtreeHashes tree) {
    if (oldSize < 0 || oldSize > size) {
      throw new IllegalArgumentException("old size " + oldSize + " is outside 0.." + size);
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize == 0 || oldSize == size) {
      return proof;
    }
    subproof(oldSize, tree, 0, size, true, proof);
    return proof;
  }

  private static void subproof(
      long m, SubtreeHashes tree, long from, long to, boolean complete, List<byte[]> out) {
    long n = to - from;
    if (m == n) {
      if (!complete) {
        out.add(tree.hash(from, to));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, tree, from, from + k, complete, out);
      out.add(tree.hash(from + k, to));
    } else {
      subproof(m - k, tree, from + k, to, false, out);
      out.add(tree.hash(from, from + k));
    }
  }

  /**
   * RFC 9162 §2.1.3.2: does this audit path lead from the leaf hash at this index to the root of a
   * tree of this size?
   */
  public static boolean verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(root)) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || !isHash(p)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * RFC 9162 §2.1.4.2: does this proof show that the tree of size1 with root1 is a prefix of the
   * tree of size2 with root2?
   */
  public static boolean verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    if (size1 < 0 || size2 < size1 || !isHash(root1) || !isHash(root2)) {
      return false;
    }
    if (size1 == size2) {
      return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
    }
    if (size1 == 0) {
      // the empty tree is a prefix of every tree, and an empty proof says so
      return proof.isEmpty();
    }
    if (proof.isEmpty() || proof.stream().anyMatch(p -> !isHash(p))) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(size1) == 1) {
      // size1 is a power of two: its root is the first node of the path, implicitly
      path.add(0, root1);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
  }

  private static boolean isHash(byte[] b) {
    return b != null && b.length == HASH_BYTES;
  }

  /** Lower-case hex, for messages and the text forms. */
  public static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  public static byte[] unhex(String hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("odd-length hex");
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not hex: " + hex);
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
