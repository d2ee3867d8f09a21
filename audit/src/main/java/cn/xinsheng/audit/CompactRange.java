package cn.xinsheng.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The root of a growing tree with O(log n) memory: one hash per set bit of the size, the roots of
 * the complete subtrees the leaves so far fall into (Trillian calls this a compact range). A
 * verifier streams millions of leaves through it and compares the root at every signed size.
 */
public final class CompactRange {

  private record Subtree(long leaves, byte[] hash) {}

  /** Largest (leftmost) subtree first. */
  private final Deque<Subtree> subtrees = new ArrayDeque<>();

  private long size;

  public long size() {
    return size;
  }

  public void append(byte[] leafHash) {
    Subtree right = new Subtree(1, leafHash);
    while (!subtrees.isEmpty() && subtrees.peekLast().leaves() == right.leaves()) {
      Subtree left = subtrees.removeLast();
      right = new Subtree(left.leaves() * 2, MerkleTree.nodeHash(left.hash(), right.hash()));
    }
    subtrees.addLast(right);
    size++;
  }

  /** MTH of the leaves appended so far: the subtrees folded from the right. */
  public byte[] rootHash() {
    if (subtrees.isEmpty()) {
      return MerkleTree.emptyRoot();
    }
    Iterator<Subtree> fromRight = subtrees.descendingIterator();
    byte[] root = fromRight.next().hash();
    while (fromRight.hasNext()) {
      root = MerkleTree.nodeHash(fromRight.next().hash(), root);
    }
    return root;
  }
}
