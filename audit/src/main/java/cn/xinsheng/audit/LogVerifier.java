package cn.xinsheng.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the whole log, or a whole-log copy of it, from entry 0 against its signed checkpoints, and
 * names the first entry that differs and how: changed, missing, inserted, reordered or truncated.
 * The platform runs it on its own tables; the offline verifier on an export. (An extract of one
 * subject or a range is checked by {@link ExtractVerifier}.)
 *
 * <p>What it checks, entry by entry: the data against the hash stored when it was sequenced; for a
 * leaf of form 2 ({@link Leaf}) its own index, the hash it records of the leaf before it, and its
 * subject-chain links (every link is recomputed, so the chains an extract relies on are proven
 * here); the tree the sequencer signed in this run, if given; and the root at every signed size.
 * After a first break it goes on reading only the indexes, to tell a missing entry from one that
 * comes later (reordered) or twice (inserted).
 *
 * <p>The checkpoints must be signed by the log's keys in order: each new key's first checkpoint is
 * also signed by the key before it, and a key is never used again once its successor has signed.
 */
public final class LogVerifier {

  /**
   * One leaf as stored: its index, its data and the hash stored beside it. In an export made for a
   * reader who may not read the leaf's subject (issue 14, finding 6) the data are withheld ({@code
   * null}): the hash alone still places it in the signed tree.
   */
  public record StoredLeaf(long index, byte[] data, byte[] storedHash) {
    /** Whether the leaf's content was withheld from this reader (hash only). */
    public boolean withheld() {
      return data == null;
    }
  }

  /** How a record differs. */
  public enum Kind {
    CHANGED("被改动", "changed"),
    MISSING("缺失", "missing"),
    INSERTED("被插入", "inserted"),
    REORDERED("次序被调换", "reordered"),
    TRUNCATED("被截断", "truncated"),
    SIGNATURE("签名不符", "signature");

    public final String zh;
    public final String en;

    Kind(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }
  }

  /** What went wrong; {@code entry} is the first entry named, or -1 when none is. */
  public record Failure(Kind kind, long entry, String message) {
    public Failure(long entry, String message) {
      this(Kind.CHANGED, entry, message);
    }
  }

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
  private final Chains chains = new Chains();
  private final long anchorSize;
  private AppendOnlyTree reference;
  private java.util.function.ObjLongConsumer<Leaf.Parsed> listener;
  private int nextCheckpoint;
  private long previousSignedSize;
  private long checked;
  private int signerIndex = -1;
  private NoteKey latestSigner;
  private Failure failure;
  private byte[] lastHash = Leaf.noPrevious();
  private boolean sawForm2;
  private boolean rangeAllForm2 = true;

  /** Leaves given by their hash alone; after the first, the subject chains cannot be followed. */
  private long withheld;

  /** A root that did not match, waiting for the next leaf's record of its predecessor. */
  private long pendingRootFirst = -1;

  private long pendingRootSize = -1;

  /** After the first break: the indexes read, to classify it. */
  private BitSet seen;

  private long breakExpected = -1;
  private long breakGot = -1;
  private long firstDuplicate = -1;
  private long firstBeyond = -1;

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
    this.anchorSize = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).checkpoint().size();
    checkSignatures(knownGood);
  }

  /** One checkpoint and one key: the common case of a log that never rotated its key. */
  public static Result verify(List<StoredLeaf> leaves, SignedCheckpoint checkpoint, NoteKey key) {
    LogVerifier v = new LogVerifier(List.of(checkpoint), List.of(key), new java.util.HashSet<>());
    for (StoredLeaf leaf : leaves) {
      v.accept(leaf);
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

  /** Is told of every entry that verified, in order (an export's records and witnesses). */
  public LogVerifier onEntry(java.util.function.ObjLongConsumer<Leaf.Parsed> listener) {
    this.listener = listener;
    return this;
  }

  /** The latest checkpoint, the anchor. */
  public Optional<SignedCheckpoint> latest() {
    return checkpoints.isEmpty()
        ? Optional.empty()
        : Optional.of(checkpoints.get(checkpoints.size() - 1));
  }

  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** Every failure found: the first one (a whole log stops trusting what follows a break). */
  public List<Failure> failures() {
    return failure == null ? List.of() : List.of(failure);
  }

  /** The position in the key list of the key that signed the anchor, -1 when none did. */
  public int signerIndex() {
    return signerIndex;
  }

  /** The subject chains as of the leaves checked, once the log proved sound. */
  public Chains chains() {
    return chains;
  }

  /** Checks the signature chain; shared with {@link ExtractVerifier}. */
  private void checkSignatures(Set<String> knownGood) {
    boolean[][] signed = signatures(knownGood);
    int epoch = 0;
    for (int c = 0; c < checkpoints.size(); c++) {
      SignedCheckpoint cp = checkpoints.get(c);
      long size = cp.checkpoint().size();
      int top = -1;
      boolean previousSigned = false;
      for (int i = 0; i < keys.size(); i++) {
        if (signed[c][i]) {
          if (i == epoch) {
            previousSigned = true;
          }
          top = i;
        }
      }
      if (top < 0) {
        fail(
            Kind.SIGNATURE,
            -1,
            "签名检查点 " + size + " 不是本监狱密钥签署的（被替换？）",
            "the checkpoint at size " + size + " is not signed by the prison's key (replaced?)");
        return;
      }
      if (top < epoch) {
        fail(
            Kind.SIGNATURE,
            -1,
            "检查点 " + size + " 由已停用的密钥签署",
            "the checkpoint at size " + size + " is signed by a retired key");
        return;
      }
      if (top > epoch) {
        if (top != epoch + 1 || !previousSigned) {
          fail(
              Kind.SIGNATURE,
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
      signerIndex = top;
    }
  }

  /**
   * Which key signed which checkpoint, every Ed25519 check on all cores at once (issue 22: one
   * check costs about 0.7 ms, and a log signed every second has thousands of checkpoints, checked
   * one after the other while the other core waited). The checks are independent; only the reading
   * of their results, in order, decides (in {@link #checkSignatures}). Notes found good are added
   * to {@code knownGood} afterwards, on this thread.
   */
  private boolean[][] signatures(Set<String> knownGood) {
    boolean[][] signed = new boolean[checkpoints.size()][keys.size()];
    java.util.stream.IntStream.range(0, checkpoints.size() * keys.size())
        .parallel()
        .forEach(
            n -> {
              SignedCheckpoint cp = checkpoints.get(n / keys.size());
              NoteKey key = keys.get(n % keys.size());
              signed[n / keys.size()][n % keys.size()] =
                  knownGood.contains(cacheKey(cp, key)) || cp.isSignedBy(key);
            });
    for (int c = 0; c < checkpoints.size(); c++) {
      for (int i = 0; i < keys.size(); i++) {
        if (signed[c][i]) {
          knownGood.add(cacheKey(checkpoints.get(c), keys.get(i)));
        }
      }
    }
    return signed;
  }

  private static String cacheKey(SignedCheckpoint cp, NoteKey key) {
    // the whole note, signatures included: a forged signature on a known body is not known good
    return key.label() + "\n" + cp.format();
  }

  /** The next line of the whole log; false once it has failed. */
  public boolean accept(StoredLeaf leaf) {
    return accept(leaf, null);
  }

  /**
   * The next line of the whole log, with the hash of its data if already computed (by a reading
   * thread). False once an entry failed: nothing after it needs reading. After a break in the order
   * of the entries it answers true, to be given the indexes that follow, which name the break.
   */
  public boolean accept(StoredLeaf leaf, byte[] computedLeafHash) {
    Leaf.Parsed parsed = null;
    String unparsable = null;
    if (leaf.withheld()) {
      return accept(leaf, null, null, null);
    }
    try {
      parsed = Leaf.parse(leaf.data());
    } catch (IllegalArgumentException e) {
      unparsable = e.getMessage();
    }
    return accept(leaf, computedLeafHash, parsed, unparsable);
  }

  /**
   * The next line, already parsed (by a reading thread), or with why it could not be: what a
   * verifier on two cores does, each thread doing half the work.
   */
  public boolean accept(
      StoredLeaf leaf, byte[] computedLeafHash, Leaf.Parsed parsed, String unparsable) {
    long id = parsed != null && parsed.form() == 2 ? parsed.index() : leaf.index();
    if (seen != null) {
      // after a break in the order, the indexes that follow tell what kind of break it was
      note(id);
      return true;
    }
    if (failure != null) {
      return false;
    }
    long expected = range.size();
    if (id != expected) {
      startScan(expected, id);
      return true;
    }
    if (id >= anchorSize && anchorSize > 0) {
      firstBeyond = id;
      startScan(expected + 1, id);
      return true;
    }
    if (leaf.withheld()) {
      return acceptWithheld(id, leaf.storedHash());
    }
    byte[] hash = computedLeafHash != null ? computedLeafHash : MerkleTree.leafHash(leaf.data());
    if (!Arrays.equals(hash, leaf.storedHash())) {
      return fail(
          Kind.CHANGED,
          id,
          "第 " + id + " 条记录被改动：其内容与入账时记下的哈希不符",
          "entry " + id + " changed: its data do not match the hash recorded when it was logged");
    }
    if (unparsable != null) {
      return fail(
          Kind.CHANGED,
          id,
          "第 " + id + " 条记录被改动：不是有效的日志记录",
          "entry " + id + " changed: it is not a valid log entry (" + unparsable + ")");
    }
    if (reference != null
        && id < reference.size()
        && !Arrays.equals(hash, reference.leafHash(id))) {
      return fail(
          Kind.CHANGED,
          id,
          "第 " + id + " 条记录与本次运行中签署的树不符（被改动、删除或调换）",
          "entry "
              + id
              + " changed: it differs from the tree signed in this run (changed, deleted or"
              + " swapped)");
    }
    if (parsed.form() == 2) {
      sawForm2 = true;
      if (!Arrays.equals(parsed.previous(), lastHash) && id > 0) {
        return fail(
            Kind.CHANGED,
            id - 1,
            "第 " + (id - 1) + " 条记录被改动：第 " + id + " 条记下的它的哈希与之不符",
            "entry " + (id - 1) + " changed: entry " + id + " records a different hash for it");
      }
      // a leaf withheld before this one may have moved a chain's head: the chains are then not
      // followed (the tree, the order and the hashes each leaf records of the one before still are)
      Optional<String> chain =
          withheld > 0 ? Optional.empty() : chains.check(id, parsed.subjects(), parsed.links());
      if (chain.isPresent()) {
        return fail(Kind.CHANGED, id, chain.get(), "");
      }
    } else {
      if (sawForm2) {
        return fail(
            Kind.INSERTED,
            id,
            "第 " + id + " 条记录是旧格式，却出现在新格式之后（被插入？）",
            "entry " + id + " inserted: an entry of the old form after the log moved to form 2");
      }
      rangeAllForm2 = false;
      chains.form1(id, parsed.subjects());
    }
    if (pendingRootSize >= 0) {
      return rootBroke(pendingRootFirst, pendingRootSize);
    }
    range.append(hash);
    lastHash = hash;
    checked++;
    if (listener != null) {
      listener.accept(parsed, id);
    }
    return checkpointsReached();
  }

  /**
   * A leaf given by its hash alone (its content withheld from this reader): it takes its place in
   * the tree by the stored hash, and the next leaf's record of its predecessor is checked against
   * that hash. Its own data cannot be checked; every signed root over it still is.
   */
  private boolean acceptWithheld(long id, byte[] storedHash) {
    if (pendingRootSize >= 0) {
      return rootBroke(pendingRootFirst, pendingRootSize);
    }
    if (reference != null
        && id < reference.size()
        && !Arrays.equals(storedHash, reference.leafHash(id))) {
      return fail(
          Kind.CHANGED,
          id,
          "第 " + id + " 条记录与本次运行中签署的树不符（被改动、删除或调换）",
          "entry "
              + id
              + " changed: it differs from the tree signed in this run (changed, deleted or"
              + " swapped)");
    }
    withheld++;
    rangeAllForm2 = false;
    range.append(storedHash);
    lastHash = storedHash;
    checked++;
    return checkpointsReached();
  }

  /** The number of leaves given by their hash alone (content withheld from this reader). */
  public long withheld() {
    return withheld;
  }

  private boolean checkpointsReached() {
    while (nextCheckpoint < checkpoints.size()
        && checkpoints.get(nextCheckpoint).checkpoint().size() <= range.size()) {
      SignedCheckpoint cp = checkpoints.get(nextCheckpoint++);
      long size = cp.checkpoint().size();
      if (size == range.size() && !Arrays.equals(range.rootHash(), cp.checkpoint().rootHash())) {
        // wait for the next entry: the hash it records of this one may name it exactly
        pendingRootFirst = previousSignedSize;
        pendingRootSize = size;
        return true;
      }
      previousSignedSize = size;
      rangeAllForm2 = true;
    }
    return true;
  }

  private boolean rootBroke(long first, long size) {
    long last = size - 1;
    if (size - first == 1) {
      return fail(
          Kind.CHANGED,
          last,
          "第 " + last + " 条记录被改动：与签名检查点 " + size + " 不符",
          "entry " + last + " changed: it does not match the checkpoint signed at size " + size);
    }
    if (rangeAllForm2) {
      // each entry of the batch records the hash of the one before, and they all held: the
      // change ends at the batch's last entry
      return fail(
          Kind.CHANGED,
          last,
          "第 "
              + last
              + " 条记录被改动：与签名检查点 "
              + size
              + " 不符（同批第 "
              + first
              + "–"
              + (last - 1)
              + " 条各与其后一条记下的哈希相符）",
          "entry "
              + last
              + " changed: the checkpoint signed at size "
              + size
              + " does not match, while entries "
              + first
              + "–"
              + (last - 1)
              + " each match the hash the entry after them records");
    }
    return fail(
        Kind.CHANGED,
        first,
        "第 " + first + "–" + last + " 条记录之一被改动：与签名检查点 " + size + " 不符",
        "one of entries "
            + first
            + "–"
            + last
            + " changed: they do not match the checkpoint signed at size "
            + size
            + " (changed, removed, added or reordered)");
  }

  private void startScan(long expected, long got) {
    seen = new BitSet();
    if (expected > 0) {
      seen.set(0, (int) Math.min(expected, Integer.MAX_VALUE));
    }
    breakExpected = expected;
    breakGot = got;
    note(got);
  }

  private void note(long id) {
    if (id >= anchorSize || id > Integer.MAX_VALUE - 1) {
      if (firstBeyond < 0) {
        firstBeyond = id;
      }
      return;
    }
    if (seen.get((int) id)) {
      if (firstDuplicate < 0) {
        firstDuplicate = id;
      }
    }
    seen.set((int) id);
  }

  /** The verdict once every entry was given. */
  public Result finish() {
    // a break in the order of the lines says more than a root that no longer matches
    if (failure == null && seen != null) {
      classifyBreak();
    }
    if (failure == null && pendingRootSize >= 0) {
      rootBroke(pendingRootFirst, pendingRootSize);
    }
    long signed = anchorSize;
    if (failure == null && range.size() < signed) {
      long n = range.size();
      fail(
          Kind.TRUNCATED,
          n,
          "第 "
              + (signed - n == 1 ? "" + n : n + "–" + (signed - 1))
              + " 条记录被截断：日志只有 "
              + n
              + " 条，而检查点签署了 "
              + signed
              + " 条",
          (signed - n == 1 ? "entry " + n : "entries " + n + "–" + (signed - 1))
              + " truncated: the log ends after "
              + n
              + " entries, but a checkpoint signed "
              + signed);
    }
    return new Result(checked, latest().orElse(null), latestSigner, Optional.ofNullable(failure));
  }

  private void classifyBreak() {
    long e = breakExpected;
    long got = breakGot;
    if (firstBeyond >= 0 && (got == firstBeyond)) {
      fail(
          Kind.INSERTED,
          got,
          "第 " + got + " 条记录被插入：签名的树只有 " + anchorSize + " 条",
          "entry " + got + " inserted: the signed tree holds only " + anchorSize + " entries");
      return;
    }
    if (got < e) {
      fail(
          Kind.INSERTED,
          got,
          "第 " + got + " 条记录出现了两次：第 " + (e - 1) + " 条之后的一条是插入的",
          "entry " + got + " inserted: it appears a second time, after entry " + (e - 1));
      return;
    }
    if (e < anchorSize && seen.get((int) e)) {
      fail(
          Kind.REORDERED,
          e,
          "第 " + e + " 条记录次序被调换：它出现在第 " + got + " 条之后",
          "entry " + e + " reordered: it comes after entry " + got);
      return;
    }
    long m = e;
    while (m < anchorSize && !seen.get((int) m)) {
      m++;
    }
    if (m >= anchorSize) {
      fail(
          Kind.TRUNCATED,
          e,
          "第 " + (anchorSize - e == 1 ? "" + e : e + "–" + (anchorSize - 1)) + " 条记录被截断",
          (anchorSize - e == 1 ? "entry " + e : "entries " + e + "–" + (anchorSize - 1))
              + " truncated: the log ends after entry "
              + (e - 1)
              + ", but a checkpoint signed "
              + anchorSize);
      return;
    }
    fail(
        Kind.MISSING,
        e,
        "第 " + (m - e == 1 ? e : e + "–" + (m - 1)) + " 条记录缺失（被删除）",
        (m - e == 1 ? "entry " + e : "entries " + e + "–" + (m - 1)) + " missing (deleted)");
  }

  private boolean fail(Kind kind, long entry, String zh, String en) {
    if (failure == null) {
      failure = new Failure(kind, entry, en.isEmpty() ? zh : zh + " / " + en);
    }
    return false;
  }
}
