package cn.xinsheng.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a log, or a copy of one, against its signed checkpoints, and names the first record that
 * fails. The platform runs it on its own tables; the offline verifier runs it on an export.
 *
 * <p>Two ways to feed it. The whole log from entry 0 ({@link #accept}): each entry's data against
 * the hash stored when it was sequenced, the entries' order and density, and the root at every
 * signed size, so a change is pinned to the entries between two checkpoints (the sequencer signs at
 * least every second, so usually to one entry). Or an extract ({@link #acceptProven}): each entry
 * with its inclusion proof against the latest checkpoint.
 *
 * <p>The checkpoints must be signed by the log's keys in order: each new key's first checkpoint is
 * also signed by the key before it, and a key is never used again once its successor has signed.
 */
public final class LogVerifier {

  /** One leaf as stored: its index, its canonical data and the hash stored beside it. */
  public record StoredLeaf(long index, byte[] data, byte[] storedHash) {}

  /** What went wrong; {@code entry} is the first entry named, or -1 when none is. */
  public record Failure(long entry, String message) {}

  /** The verdict. */
  public record Result(
      long leavesChecked, SignedCheckpoint latest, NoteKey signedBy, Optional<Failure> failure) {
    public boolean sound() {
      return failure.isEmpty();
    }
  }

  private final List<SignedCheckpoint> checkpoints;
  private final List<NoteKey> keys;
  private final CompactRange range = new CompactRange();
  private AppendOnlyTree reference;
  private int nextCheckpoint;
  private long previousSignedSize;
  private long checked;
  private NoteKey latestSigner;
  private Failure failure;
  private final List<Failure> failures = new ArrayList<>();
  private boolean extract;

  /**
   * @param checkpoints every signed checkpoint to check against, in any order
   * @param logKeys the log's keys, oldest first
   * @param knownGood notes whose signatures were already checked (skipped, and extended here), or
   *     an empty set
   */
  public LogVerifier(
      List<SignedCheckpoint> checkpoints, List<NoteKey> logKeys, Set<String> knownGood) {
    if (logKeys.isEmpty()) {
      throw new IllegalArgumentException("a log has at least one key");
    }
    this.keys = List.copyOf(logKeys);
    List<SignedCheckpoint> sorted = new ArrayList<>(checkpoints);
    sorted.sort(Comparator.comparingLong(c -> c.checkpoint().size()));
    this.checkpoints = sorted;
    checkSignatures(knownGood);
  }

  /** One checkpoint and one key: the common case of a log that never rotated its key. */
  public static Result verify(List<StoredLeaf> leaves, SignedCheckpoint checkpoint, NoteKey key) {
    LogVerifier v = new LogVerifier(List.of(checkpoint), List.of(key), new java.util.HashSet<>());
    for (StoredLeaf leaf : leaves) {
      if (!v.accept(leaf)) {
        break;
      }
    }
    return v.finish();
  }

  /**
   * Also compare each entry with the tree the sequencer built in memory as it signed: a running
   * platform so names exactly the entry a database administrator changed, even inside a batch.
   */
  public LogVerifier withReference(AppendOnlyTree signedTree) {
    this.reference = signedTree;
    return this;
  }

  /**
   * Declares that the entries will come as an extract with inclusion proofs, possibly none at all:
   * then fewer entries than the signed size is no sign of removal.
   */
  public LogVerifier asExtract() {
    this.extract = true;
    return this;
  }

  /** The latest checkpoint, the anchor of every inclusion proof. */
  public Optional<SignedCheckpoint> latest() {
    return checkpoints.isEmpty()
        ? Optional.empty()
        : Optional.of(checkpoints.get(checkpoints.size() - 1));
  }

  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** Every failure found, in order (for an extract, one per entry that does not verify). */
  public List<Failure> failures() {
    return List.copyOf(failures);
  }

  private void checkSignatures(Set<String> knownGood) {
    int epoch = 0;
    for (SignedCheckpoint cp : checkpoints) {
      long size = cp.checkpoint().size();
      int top = -1;
      boolean previousSigned = false;
      for (int i = 0; i < keys.size(); i++) {
        if (isSigned(cp, keys.get(i), knownGood)) {
          if (i == epoch) {
            previousSigned = true;
          }
          top = i;
        }
      }
      if (top < 0) {
        fail(
            -1,
            "签名检查点 " + size + " 不是本监狱密钥签署的（被替换？）",
            "the checkpoint at size " + size + " is not signed by the prison's key (replaced?)");
        return;
      }
      if (top < epoch) {
        fail(
            -1,
            "检查点 " + size + " 由已停用的密钥签署",
            "the checkpoint at size " + size + " is signed by a retired key");
        return;
      }
      if (top > epoch) {
        if (top != epoch + 1 || !previousSigned) {
          fail(
              -1,
              "检查点 " + size + " 的新密钥未经前一密钥共同签署",
              "the checkpoint at size "
                  + size
                  + " is signed by a new key that the key before it did not endorse");
          return;
        }
        epoch = top;
      }
      latestSigner = keys.get(top);
    }
  }

  private static boolean isSigned(SignedCheckpoint cp, NoteKey key, Set<String> knownGood) {
    // the whole note, signatures included: a forged signature on a known body is not known good
    String cacheKey = key.label() + "\n" + cp.format();
    if (knownGood.contains(cacheKey)) {
      return true;
    }
    boolean signed = cp.isSignedBy(key);
    if (signed) {
      knownGood.add(cacheKey);
    }
    return signed;
  }

  /** The next entry of the whole log; false once a failure has been found. */
  public boolean accept(StoredLeaf leaf) {
    return accept(leaf, null);
  }

  /**
   * The next entry of the whole log with the hash of its data if already computed (by a reading
   * thread); false once a failure has been found.
   */
  public boolean accept(StoredLeaf leaf, byte[] computedLeafHash) {
    if (failure != null) {
      return false;
    }
    long expected = range.size();
    if (leaf.index() != expected) {
      if (leaf.index() > expected) {
        return fail(
            expected,
            "第 " + expected + " 条记录缺失（被删除）",
            "entry " + expected + " is missing (deleted)");
      }
      return fail(
          leaf.index(),
          "第 " + leaf.index() + " 条记录重复或次序错乱",
          "entry " + leaf.index() + " appears twice or out of order");
    }
    byte[] hash = computedLeafHash != null ? computedLeafHash : MerkleTree.leafHash(leaf.data());
    if (!Arrays.equals(hash, leaf.storedHash())) {
      return changed(expected);
    }
    if (reference != null && expected < reference.size()) {
      if (!Arrays.equals(hash, reference.leafHash(expected))) {
        return fail(
            expected,
            "第 " + expected + " 条记录与已签名的树不符（被改动、删除或调换）",
            "entry " + expected + " differs from the signed tree (changed, deleted or swapped)");
      }
    }
    range.append(hash);
    checked++;
    while (nextCheckpoint < checkpoints.size()
        && checkpoints.get(nextCheckpoint).checkpoint().size() <= range.size()) {
      SignedCheckpoint cp = checkpoints.get(nextCheckpoint++);
      long size = cp.checkpoint().size();
      if (size == range.size() && !Arrays.equals(range.rootHash(), cp.checkpoint().rootHash())) {
        long first = previousSignedSize;
        if (size - first == 1) {
          return fail(
              first,
              "第 " + first + " 条记录与签名检查点 " + size + " 不符（被改动、删除、插入或调换）",
              "entry "
                  + first
                  + " does not match the checkpoint signed at size "
                  + size
                  + ": changed, removed, added or reordered");
        }
        return fail(
            first,
            "第 " + first + "–" + (size - 1) + " 条记录之一与签名检查点 " + size + " 不符",
            "one of entries "
                + first
                + "–"
                + (size - 1)
                + " does not match the checkpoint signed at size "
                + size
                + ": changed, removed, added or reordered");
      }
      previousSignedSize = size;
    }
    return true;
  }

  /**
   * An entry of an extract, with its inclusion proof against the latest checkpoint; false once a
   * failure has been found.
   */
  public boolean acceptProven(StoredLeaf leaf, List<byte[]> proof) {
    asExtract();
    // each entry of an extract stands on its own proof, so one bad entry does not stop the others
    // from being checked: a court learns every record that fails, not only the first
    if (failure != null && failure.entry() < 0) {
      return false;
    }
    SignedCheckpoint anchor =
        latest().orElseThrow(() -> new IllegalStateException("no checkpoint to prove against"));
    byte[] hash = MerkleTree.leafHash(leaf.data());
    if (!Arrays.equals(hash, leaf.storedHash())) {
      return changed(leaf.index());
    }
    if (!MerkleTree.verifyInclusion(
        leaf.index(), anchor.checkpoint().size(), hash, proof, anchor.checkpoint().rootHash())) {
      return fail(
          leaf.index(),
          "第 " + leaf.index() + " 条记录不在签名的树中（包含证明不成立）",
          "entry "
              + leaf.index()
              + " is not in the signed tree of size "
              + anchor.checkpoint().size()
              + " (its inclusion proof fails)");
    }
    checked++;
    return true;
  }

  /** The verdict once every entry was given. */
  public Result finish() {
    long signed = latest().map(c -> c.checkpoint().size()).orElse(0L);
    if (!extract && range.size() < signed) {
      // the whole log was given, and it is shorter than a size the prison signed
      fail(
          range.size(),
          "日志只有 " + range.size() + " 条记录，而检查点签署了 " + signed + " 条：记录被删除",
          "the log has "
              + range.size()
              + " entries but a checkpoint signed "
              + signed
              + ": entries were removed");
    }
    return new Result(checked, latest().orElse(null), latestSigner, Optional.ofNullable(failure));
  }

  private boolean changed(long index) {
    return fail(
        index,
        "第 " + index + " 条记录的内容被改动（与入账时的哈希不符）",
        "entry "
            + index
            + ": its data do not match the hash recorded when it was logged (changed)");
  }

  private boolean fail(long entry, String zh, String en) {
    Failure f = new Failure(entry, zh + " / " + en);
    if (failure == null) {
      failure = f;
    }
    if (failures.size() < 10_000) {
      failures.add(f);
    }
    return false;
  }
}
