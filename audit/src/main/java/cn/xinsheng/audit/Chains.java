package cn.xinsheng.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The head of every subject's chain: how many leaves of form 2 are about it, the last leaf about
 * it, and the leaves of form 1 about it that no chain has adopted yet. The sequencer links each new
 * leaf with it ({@link #link}); a verifier follows the whole log with it ({@link #check}) and so
 * proves every link the sequencer wrote.
 */
public final class Chains {

  /** One subject's head. {@code n} counts the chain's leaves of form 2. */
  public record Head(long n, long last, List<Long> unadopted) {
    public Head {
      unadopted = List.copyOf(unadopted);
    }
  }

  private final Map<String, Head> heads;
  private final Chains base;

  public Chains() {
    this(new HashMap<>(), null);
  }

  private Chains(Map<String, Head> heads, Chains base) {
    this.heads = heads;
    this.base = base;
  }

  /**
   * Changes on top of this state, kept apart until {@link #commit}: the sequencer links a batch
   * inside a transaction that may roll back.
   */
  public Chains batch() {
    return new Chains(new HashMap<>(), this);
  }

  /** Applies a batch made by {@link #batch()} of this state. */
  public void commit(Chains batch) {
    if (batch.base != this) {
      throw new IllegalArgumentException("not a batch of this state");
    }
    heads.putAll(batch.heads);
  }

  public Optional<Head> head(String subject) {
    Head h = heads.get(subject);
    if (h == null && base != null) {
      return base.head(subject);
    }
    return Optional.ofNullable(h);
  }

  /** A leaf of form 1 (before chains) about these subjects. */
  public void form1(long index, Map<String, Object> entry) {
    form1(index, Leaf.chainSubjects(entry));
  }

  /** A leaf of form 1 (before chains) about these subjects. */
  public void form1(long index, List<String> subjects) {
    for (String s : subjects) {
      Head h = head(s).orElse(new Head(0, -1, List.of()));
      List<Long> unadopted = new ArrayList<>(h.unadopted());
      unadopted.add(index);
      heads.put(s, new Head(h.n(), index, unadopted));
    }
  }

  /** The links of a new leaf at this index, and the heads moved on. */
  public List<Leaf.Link> link(long index, Map<String, Object> entry) {
    return link(index, Leaf.chainSubjects(entry));
  }

  /** The links of a new leaf about these subjects at this index, and the heads moved on. */
  public List<Leaf.Link> link(long index, List<String> subjects) {
    List<Leaf.Link> out = new ArrayList<>();
    for (String s : subjects) {
      Head h = head(s).orElse(new Head(0, -1, List.of()));
      out.add(new Leaf.Link(s, h.n() + 1, h.last(), h.n() == 0 ? h.unadopted() : List.of()));
      heads.put(s, new Head(h.n() + 1, index, List.of()));
    }
    return out;
  }

  /**
   * Follows a leaf of form 2 of the whole log: its links must be exactly those {@link #link} gives
   * at this point. Returns what is wrong, in Chinese and English, or empty; moves the heads on
   * either way.
   */
  public Optional<String> check(long index, Map<String, Object> entry, List<Leaf.Link> links) {
    return check(index, Leaf.chainSubjects(entry), links);
  }

  /** The same, with the subjects the entry is about already known. */
  public Optional<String> check(long index, List<String> subjects, List<Leaf.Link> links) {
    List<Leaf.Link> expected = link(index, subjects);
    if (expected.equals(links)) {
      return Optional.empty();
    }
    for (Leaf.Link e : expected) {
      Optional<Leaf.Link> got =
          links.stream().filter(l -> l.subject().equals(e.subject())).findFirst();
      if (got.isEmpty()) {
        return Optional.of(
            "第 "
                + index
                + " 条记录关于 "
                + e.subject()
                + "，却没有其链接 / entry "
                + index
                + " is about "
                + e.subject()
                + " but carries no link of its chain");
      }
      if (!got.get().equals(e)) {
        Leaf.Link g = got.get();
        return Optional.of(
            "第 "
                + index
                + " 条记录的 "
                + e.subject()
                + " 链接称其为第 "
                + g.n()
                + " 条（前一条为第 "
                + g.prev()
                + " 条），而日志中应为第 "
                + e.n()
                + " 条（前一条为第 "
                + e.prev()
                + " 条）/ entry "
                + index
                + " links itself as the "
                + ExtractVerifier.nth(g.n())
                + " of "
                + e.subject()
                + " after entry "
                + g.prev()
                + ", but in the log it is the "
                + ExtractVerifier.nth(e.n())
                + ", after entry "
                + e.prev());
      }
    }
    return Optional.of(
        "第 "
            + index
            + " 条记录链接了与其内容无关的主体 / entry "
            + index
            + " links chains its entry is not about: "
            + links.stream().map(Leaf.Link::subject).toList());
  }
}
