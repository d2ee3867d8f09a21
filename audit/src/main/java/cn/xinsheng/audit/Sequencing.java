package cn.xinsheng.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One integration step of the sequencer, in plain Java: gives each new entry its leaf (form 2,
 * {@link Leaf}) — its index, the hash of the leaf before it, its subject-chain links — on top of a
 * batch of the chain heads that the caller commits only when the leaves are stored.
 */
public final class Sequencing {

  /** The leaf of one entry: its index, the tail stored beside the entry, and the leaf hash. */
  public record Next(long index, byte[] tail, byte[] leafHash, boolean head) {}

  private final Chains batch;
  private final long sequencedMillis;
  private long index;
  private byte[] previous;

  /**
   * @param chains the heads as of the last leaf stored; changes go to {@link #batch()}
   * @param firstIndex the index the next leaf takes (the tree's size)
   * @param previousLeafHash the hash of the leaf at {@code firstIndex - 1}, or {@link
   *     Leaf#noPrevious()}
   */
  public Sequencing(Chains chains, long firstIndex, byte[] previousLeafHash, long sequencedMillis) {
    this.batch = chains.batch();
    this.index = firstIndex;
    this.previous = previousLeafHash.clone();
    this.sequencedMillis = sequencedMillis;
  }

  /**
   * Whether these bytes are an entry a leaf can wrap: one canonical JSON object. Anything else (a
   * row written around the application) is not taken into the log.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> entry(byte[] entry) {
    Object v = CanonicalJson.parse(new String(entry, StandardCharsets.UTF_8));
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("an entry is a JSON object");
    }
    return (Map<String, Object>) m;
  }

  /** The leaf of the next entry. */
  public Next next(byte[] entry) {
    // an entry as the platform writes it is read by one scan of its bytes (issue 22: parsing each
    // entry into maps was half the sequencer's time); anything else by the general parser, which
    // refuses what is not a JSON object
    Leaf.Scan.Summary scanned = Leaf.Fast.summarize(entry, 0, entry.length);
    List<String> subjects;
    boolean head;
    if (scanned != null) {
      subjects = scanned.subjects();
      head = Leaf.HEAD_ACTION.equals(scanned.action());
    } else {
      Map<String, Object> parsed = entry(entry);
      subjects = Leaf.chainSubjects(parsed);
      head = Leaf.HEAD_ACTION.equals(parsed.get("action"));
    }
    List<Leaf.Link> links = batch.link(index, subjects);
    byte[] tail = Leaf.tail(index, links, previous, sequencedMillis);
    byte[] hash = MerkleTree.leafHash(Leaf.assemble(entry, tail));
    Next n = new Next(index, tail, hash, head);
    previous = hash;
    index++;
    return n;
  }

  /** The chain heads moved on by this step, to commit with {@link Chains#commit}. */
  public Chains batch() {
    return batch;
  }
}
