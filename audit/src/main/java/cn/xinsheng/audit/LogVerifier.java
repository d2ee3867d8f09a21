package cn.xinsheng.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks a log, or a copy of one, against a signed checkpoint: each leaf's data against its hash,
 * the leaves' order and density, the root at the checkpoint's size, and the signature. It names the
 * first record that fails. The platform runs it on its own tables; the offline verifier runs it on
 * an export.
 */
public final class LogVerifier {

  /** One leaf as stored: its index, its canonical data and the hash stored beside it. */
  public record StoredLeaf(long index, byte[] data, byte[] storedHash) {}

  /** The verdict: empty failure when sound. */
  public record Result(long leavesChecked, Optional<String> failure) {
    public boolean sound() {
      return failure.isEmpty();
    }
  }

  private LogVerifier() {}

  public static Result verify(List<StoredLeaf> leaves, SignedCheckpoint checkpoint, NoteKey key) {
    if (!checkpoint.isSignedBy(key)) {
      return fail(
          0,
          "checkpoint at size "
              + checkpoint.checkpoint().size()
              + " is not signed by "
              + key.name());
    }
    long size = checkpoint.checkpoint().size();
    List<byte[]> hashes = new ArrayList<>();
    for (StoredLeaf leaf : leaves) {
      long expected = hashes.size();
      if (leaf.index() != expected) {
        return fail(
            expected,
            "leaf " + expected + " is missing or out of order (found " + leaf.index() + ")");
      }
      byte[] hash = MerkleTree.leafHash(leaf.data());
      if (!Arrays.equals(hash, leaf.storedHash())) {
        return fail(
            expected, "leaf " + expected + " does not match its hash: its data was changed");
      }
      hashes.add(hash);
    }
    if (hashes.size() < size) {
      return fail(
          hashes.size(),
          "the log has "
              + hashes.size()
              + " leaves, the checkpoint "
              + size
              + ": leaves were removed");
    }
    byte[] root = MerkleTree.rootHash(hashes.subList(0, (int) size));
    if (!Arrays.equals(root, checkpoint.checkpoint().rootHash())) {
      return fail(
          size,
          "the first "
              + size
              + " leaves do not give the signed root: "
              + "a leaf was changed, removed, added or reordered");
    }
    return new Result(hashes.size(), Optional.empty());
  }

  private static Result fail(long checked, String why) {
    return new Result(checked, Optional.of(why));
  }
}
