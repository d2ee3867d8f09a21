package cn.xinsheng.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An append-only RFC 6962 tree that keeps the hash of every complete, aligned subtree (about two
 * hashes per leaf, 64 bytes, in flat arrays without per-hash objects). RFC 6962 trees are built of
 * such subtrees, so the root of any earlier size and every inclusion or consistency proof need
 * O(log² n) lookups and at most O(log² n) hashes along the right edge, whatever the size: a proof
 * at 1M or 10M leaves costs what it costs at 1,000.
 *
 * <p>Not thread-safe: the sequencer guards it with its lock. The chunk lists are copy-on-write so
 * that a reader may, outside that lock, read hashes below a size it saw under it (the self-check
 * streams millions of entries while sequencing goes on).
 */
public final class AppendOnlyTree implements MerkleTree.SubtreeHashes {

  private static final int CHUNK_HASHES = 1 << 15; // 1 MiB per chunk

  /** level 0 = leaf hashes; level L = hashes of complete subtrees of 2^L leaves. */
  private final List<HashArray> levels = new CopyOnWriteArrayList<>();

  private long size;

  public long size() {
    return size;
  }

  public void append(byte[] leafHash) {
    if (leafHash == null || leafHash.length != MerkleTree.HASH_BYTES) {
      throw new IllegalArgumentException("a leaf hash is 32 bytes");
    }
    level(0).add(leafHash);
    long index = size;
    int level = 0;
    byte[] node = leafHash;
    // each time the new node completes a pair, their parent is complete too
    while ((index & 1) == 1) {
      node = MerkleTree.nodeHash(level(level).get(index - 1), node);
      level++;
      index >>= 1;
      level(level).add(node);
    }
    size++;
  }

  /**
   * Drops the leaves from {@code newSize} on, with the subtrees they completed: for the sequencer
   * only, when the transaction that was to store them rolled back. Signed sizes never shrink.
   */
  public void truncate(long newSize) {
    requireSize(newSize);
    for (int level = 0; level < levels.size(); level++) {
      levels.get(level).truncate(newSize >> level);
    }
    size = newSize;
  }

  /** The hash of leaf {@code index}, as appended. */
  public byte[] leafHash(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is outside a tree of " + size);
    }
    return levels.get(0).get(index);
  }

  /** MTH of the first {@code treeSize} leaves. */
  public byte[] rootHash(long treeSize) {
    requireSize(treeSize);
    return treeSize == 0 ? MerkleTree.emptyRoot() : hash(0, treeSize);
  }

  public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
    requireSize(treeSize);
    return MerkleTree.inclusionProof(leafIndex, treeSize, this);
  }

  public List<byte[]> consistencyProof(long oldSize, long treeSize) {
    requireSize(treeSize);
    return MerkleTree.consistencyProof(oldSize, treeSize, this);
  }

  @Override
  public byte[] hash(long from, long to) {
    long n = to - from;
    if (n <= 0 || to > size) {
      throw new IllegalArgumentException("no subtree [" + from + ", " + to + ") in " + size);
    }
    if (Long.bitCount(n) == 1 && from % n == 0) {
      // a complete, aligned subtree: stored
      return levels.get(Long.numberOfTrailingZeros(n)).get(from / n);
    }
    long k = MerkleTree.largestPowerOfTwoBelow(n);
    return MerkleTree.nodeHash(hash(from, from + k), hash(from + k, to));
  }

  private void requireSize(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("no tree of size " + treeSize + " (size " + size + ")");
    }
  }

  private HashArray level(int level) {
    while (levels.size() <= level) {
      levels.add(new HashArray());
    }
    return levels.get(level);
  }

  /** A growable array of 32-byte hashes in 1 MiB chunks. */
  private static final class HashArray {
    private final List<byte[]> chunks = new CopyOnWriteArrayList<>();
    private long count;

    void add(byte[] hash) {
      int offset = (int) (count % CHUNK_HASHES);
      if (offset == 0) {
        chunks.add(new byte[CHUNK_HASHES * MerkleTree.HASH_BYTES]);
      }
      System.arraycopy(
          hash,
          0,
          chunks.get(chunks.size() - 1),
          offset * MerkleTree.HASH_BYTES,
          MerkleTree.HASH_BYTES);
      count++;
    }

    void truncate(long newCount) {
      if (newCount >= count) {
        return;
      }
      count = newCount;
      int chunksNeeded = (int) ((newCount + CHUNK_HASHES - 1) / CHUNK_HASHES);
      while (chunks.size() > chunksNeeded) {
        chunks.remove(chunks.size() - 1);
      }
    }

    byte[] get(long i) {
      byte[] out = new byte[MerkleTree.HASH_BYTES];
      System.arraycopy(
          chunks.get((int) (i / CHUNK_HASHES)),
          (int) (i % CHUNK_HASHES) * MerkleTree.HASH_BYTES,
          out,
          0,
          MerkleTree.HASH_BYTES);
      return out;
    }
  }
}
