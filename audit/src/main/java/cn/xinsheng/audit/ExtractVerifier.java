package cn.xinsheng.audit;

import cn.xinsheng.audit.LogVerifier.Failure;
import cn.xinsheng.audit.LogVerifier.Kind;
import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an extract of the log: one subject's entries (an inmate's, for his export or a case
 * package) or a range, each with its inclusion proof against the anchor, the latest signed
 * checkpoint. Names every entry that differs and how: changed, missing, inserted, reordered,
 * truncated.
 *
 * <p>An extract of one subject proves it is complete. Its last entry is the subject's head (an
 * {@link Leaf#HEAD_ACTION} entry the platform writes when it makes the export) and the last leaf of
 * the anchor's tree, so no entry about the subject can lie after it; every entry before it is named
 * by the chain links (the n-th after entry prev), so none can be left out unnoticed, and the
 * entries of form 1 the chain adopted are named by index. A range proves the entries from its first
 * to its last, without a gap.
 */
public final class ExtractVerifier {

  /** The verdict: every problem, first (lowest entry) first, and the entries that verified. */
  public record Verdict(
      List<Failure> failures,
      String scope,
      long entries,
      Optional<String> subject,
      Map<Long, Leaf.Parsed> verified,
      Map<Long, byte[]> verifiedData) {

    public Optional<Failure> failure() {
      return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }
  }

  private record Item(
      int position,
      long line,
      long id,
      byte[] data,
      Leaf.Parsed parsed,
      boolean hashOk,
      boolean inTree) {

    /** Given by its hash alone: its content is withheld from this reader. */
    boolean withheld() {
      return data == null;
    }
  }

  private final long size;
  private final byte[] root;
  private final Optional<String> expectedSubject;
  private final List<Item> items = new ArrayList<>();

  /**
   * @param anchor the checkpoint every proof leads to (its signature checked by the caller)
   * @param expectedSubject the subject the export says it is about ({@code inmate/N}), if it says
   *     so; then it must end at that subject's head. The export's own say is not trusted for
   *     anything else.
   */
  public ExtractVerifier(SignedCheckpoint anchor, Optional<String> expectedSubject) {
    this.size = anchor.checkpoint().size();
    this.root = anchor.checkpoint().rootHash();
    this.expectedSubject = expectedSubject;
  }

  /** The next line of the extract, in the order of the file. */
  public void accept(StoredLeaf leaf, List<byte[]> proof) {
    if (leaf.withheld()) {
      // the hash alone: proven in the signed tree at its index, its content not shown
      long index = leaf.index();
      boolean inTree =
          index >= 0
              && index < size
              && MerkleTree.verifyInclusion(index, size, leaf.storedHash(), proof, root);
      items.add(new Item(items.size(), index, index, null, null, true, inTree));
      return;
    }
    Leaf.Parsed parsed = null;
    long id = leaf.index();
    try {
      parsed = Leaf.parse(leaf.data());
      if (parsed.form() == 2) {
        id = parsed.index();
      }
    } catch (IllegalArgumentException e) {
      // named below as changed: a hash over bytes that are no entry
    }
    byte[] hash = MerkleTree.leafHash(leaf.data());
    boolean hashOk = Arrays.equals(hash, leaf.storedHash()) && parsed != null;
    boolean inTree =
        hashOk && id >= 0 && id < size && MerkleTree.verifyInclusion(id, size, hash, proof, root);
    items.add(new Item(items.size(), leaf.index(), id, leaf.data(), parsed, hashOk, inTree));
  }

  private final List<Failure> problems = new ArrayList<>();

  /** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st. */
  static String nth(long n) {
    long tens = n % 100;
    String suffix =
        tens >= 11 && tens <= 13
            ? "th"
            : switch ((int) (n % 10)) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  private void problem(Kind kind, long entry, String zh, String en) {
    problems.add(new Failure(kind, entry, zh + " / " + en));
  }

  public Verdict finish() {
    // the order of the lines, and copies
    long max = -1;
    Set<Long> seen = new HashSet<>();
    for (Item it : items) {
      if (!seen.add(it.id())) {
        problem(
            Kind.INSERTED,
            it.id(),
            "第 " + it.id() + " 条记录出现了两次（插入的副本）",
            "entry " + it.id() + " inserted: it appears twice");
      } else if (it.id() < max) {
        problem(
            Kind.REORDERED,
            it.id(),
            "第 " + it.id() + " 条记录次序被调换：它排在第 " + max + " 条之后",
            "entry " + it.id() + " reordered: it comes after entry " + max);
      }
      max = Math.max(max, it.id());
    }

    // the entries that verify, by index (the first line of an index wins)
    TreeMap<Long, Item> valid = new TreeMap<>();
    for (Item it : items) {
      if (it.hashOk() && it.inTree()) {
        valid.putIfAbsent(it.id(), it);
      }
    }

    // the subject: the head's, or the one the export claims
    Optional<String> subject = Optional.empty();
    Item head = valid.get(size - 1);
    if (head != null && !head.withheld() && head.parsed().form() == 2) {
      subject = head.parsed().headOf();
    }
    if (subject.isEmpty()) {
      subject = expectedSubject;
    } else if (expectedSubject.isPresent() && !expectedSubject.equals(subject)) {
      problem(
          Kind.INSERTED,
          size - 1,
          "导出文件自称是 " + expectedSubject.get() + " 的记录，而其末条是 " + subject.get() + " 的链头",
          "the export says it holds "
              + expectedSubject.get()
              + ", but its last entry is the head of "
              + subject.get());
    }

    // entries that do not verify: changed, or not in the log at all
    Set<Long> referenced = new HashSet<>();
    if (subject.isPresent()) {
      for (Item it : valid.values()) {
        if (it.withheld()) {
          continue;
        }
        it.parsed()
            .link(subject.get())
            .ifPresent(
                l -> {
                  referenced.add(l.prev());
                  referenced.addAll(l.adopts());
                });
      }
      referenced.add(size - 1);
    }
    Set<Long> broken = new HashSet<>();
    for (Item it : items) {
      if (!it.hashOk()) {
        broken.add(it.id());
        problem(
            Kind.CHANGED,
            it.id(),
            "第 " + it.id() + " 条记录被改动：其内容与记下的哈希不符",
            "entry " + it.id() + " changed: its data do not match the hash recorded with it");
      } else if (!it.inTree() && !valid.containsKey(it.id())) {
        boolean belongs =
            subject.isPresent()
                ? referenced.contains(it.id())
                : !valid.isEmpty() && it.id() > valid.firstKey() && it.id() < valid.lastKey();
        broken.add(it.id());
        if (belongs || it.id() >= size) {
          if (it.id() >= size) {
            problem(
                Kind.INSERTED,
                it.id(),
                "第 " + it.id() + " 条记录被插入：签名的树只有 " + size + " 条",
                "entry " + it.id() + " inserted: the signed tree holds only " + size + " entries");
          } else {
            problem(
                Kind.CHANGED,
                it.id(),
                "第 " + it.id() + " 条记录被改动：它不在签名的树中（包含证明不成立）",
                "entry "
                    + it.id()
                    + " changed: it is not the entry the signed tree of size "
                    + size
                    + " holds (its inclusion proof fails)");
          }
        } else {
          problem(
              Kind.INSERTED,
              it.id(),
              "第 " + it.id() + " 条记录被插入：它不在签名的树中",
              "entry "
                  + it.id()
                  + " inserted: it is not in the signed tree of size "
                  + size
                  + " (its inclusion proof fails)");
        }
      }
    }

    String scope;
    if (subject.isPresent()) {
      scope = chain(subject.get(), valid, broken);
    } else {
      scope = range(valid, broken);
    }
    problems.sort(Comparator.comparingLong(f -> f.entry() < 0 ? Long.MAX_VALUE : f.entry()));
    Map<Long, Leaf.Parsed> verified = new LinkedHashMap<>();
    Map<Long, byte[]> data = new LinkedHashMap<>();
    long hashOnly = 0;
    for (Map.Entry<Long, Item> e : valid.entrySet()) {
      if (e.getValue().withheld()) {
        hashOnly++;
        continue;
      }
      verified.put(e.getKey(), e.getValue().parsed());
      data.put(e.getKey(), e.getValue().data());
    }
    if (hashOnly > 0) {
      scope +=
          " ("
              + hashOnly
              + " of them by hash alone: their content is withheld from this reader / 其中 "
              + hashOnly
              + " 条仅有哈希，内容不向此读者提供)";
    }
    return new Verdict(List.copyOf(problems), scope, valid.size(), subject, verified, data);
  }

  /** Follows the subject's chain through the valid entries; answers the scope proved. */
  private String chain(String subject, TreeMap<Long, Item> valid, Set<Long> broken) {
    Map<Long, Item> form1 = new HashMap<>();
    long expectedN = 1;
    long lastId = -1;
    boolean lastWithheld = false;
    boolean withheldSince = false;
    long lastShown = -1;
    Set<Long> adopted = new HashSet<>();
    for (Item it : valid.values()) {
      if (!it.withheld() && it.parsed().form() == 2) {
        it.parsed().link(subject).ifPresent(l -> adopted.addAll(l.adopts()));
      }
    }
    for (Item it : valid.values()) {
      if (it.withheld()) {
        // one of the subject's entries, by its hash alone: it counts as the next link, and the
        // entry after it must name it as the one before (so it cannot stand in for another)
        if (adopted.contains(it.id())) {
          // an entry of form 1 the chain adopts: it counts for the adoption, not as a link
          form1.put(it.id(), it);
        } else {
          expectedN++;
        }
        lastId = it.id();
        lastWithheld = true;
        withheldSince = true;
        continue;
      }
      if (it.parsed().form() == 1) {
        if (it.parsed().subjects().contains(subject)) {
          form1.put(it.id(), it);
        } else {
          problem(
              Kind.INSERTED,
              it.id(),
              "第 " + it.id() + " 条记录被插入：它与 " + subject + " 无关",
              "entry " + it.id() + " inserted: it is not about " + subject);
        }
        continue;
      }
      Optional<Leaf.Link> link = it.parsed().link(subject);
      if (link.isEmpty()) {
        problem(
            Kind.INSERTED,
            it.id(),
            "第 " + it.id() + " 条记录被插入：它与 " + subject + " 无关",
            "entry " + it.id() + " inserted: it is not about " + subject);
        continue;
      }
      Leaf.Link l = link.get();
      if (lastWithheld && l.n() == expectedN && l.n() > 1 && l.prev() != lastId) {
        problem(
            Kind.INSERTED,
            lastId,
            "第 " + lastId + " 条记录被插入：" + subject + " 的链称第 " + it.id() + " 条之前是第 " + l.prev() + " 条",
            "entry "
                + lastId
                + " inserted: the chain of "
                + subject
                + " names entry "
                + l.prev()
                + ", not "
                + lastId
                + ", as the one before entry "
                + it.id());
      }
      lastWithheld = false;
      if (l.n() > expectedN && withheldSince && !broken.contains(l.prev())) {
        // entries withheld from this reader lie in the stretch: which one is gone cannot be told
        long gap = l.n() - expectedN;
        problem(
            Kind.MISSING,
            lastShown + 1,
            subject
                + " 的 "
                + gap
                + " 条记录缺失，位于第 "
                + lastShown
                + " 条与第 "
                + it.id()
                + " 条之间（其间的记录仅有哈希，无法指明是哪一条）",
            gap
                + (gap == 1 ? " entry" : " entries")
                + " of "
                + subject
                + " missing between entry "
                + lastShown
                + " and entry "
                + it.id()
                + " (the entries there are withheld from this reader, so which one cannot be named)");
        expectedN = l.n();
      }
      withheldSince = false;
      lastShown = it.id();
      if (l.n() == 1) {
        for (long a : l.adopts()) {
          if (!form1.containsKey(a) && !broken.contains(a)) {
            problem(
                Kind.MISSING,
                a,
                "第 " + a + " 条记录缺失：" + subject + " 的链在第 " + it.id() + " 条收录了它",
                "entry "
                    + a
                    + " missing: the chain of "
                    + subject
                    + " adopts it at entry "
                    + it.id());
          }
          form1.remove(a);
        }
      }
      if (l.n() > expectedN && !broken.contains(l.prev())) {
        long gap = l.n() - expectedN;
        if (gap == 1) {
          problem(
              Kind.MISSING,
              l.prev(),
              "第 "
                  + l.prev()
                  + " 条记录缺失：它是 "
                  + subject
                  + " 的第 "
                  + expectedN
                  + " 条，第 "
                  + it.id()
                  + " 条记录称其在前",
              "entry "
                  + l.prev()
                  + " missing: it is the "
                  + nth(expectedN)
                  + " of "
                  + subject
                  + ", named by entry "
                  + it.id()
                  + " as the one before it");
        } else {
          problem(
              Kind.MISSING,
              Math.max(lastId + 1, 0),
              subject
                  + " 的第 "
                  + expectedN
                  + "–"
                  + (l.n() - 1)
                  + " 条记录缺失（其中最后一条为日志第 "
                  + l.prev()
                  + " 条），位于第 "
                  + lastId
                  + " 条与第 "
                  + it.id()
                  + " 条之间",
              "entries after "
                  + lastId
                  + " missing: the "
                  + nth(expectedN)
                  + "–"
                  + nth(l.n() - 1)
                  + " of "
                  + subject
                  + ", the last of them entry "
                  + l.prev()
                  + ", lie between entry "
                  + lastId
                  + " and entry "
                  + it.id());
        }
      }
      expectedN = Math.max(expectedN, l.n() + 1);
      lastId = it.id();
    }
    // entries of form 1 count only as a chain adopts them
    for (Item it : form1.values()) {
      problem(
          Kind.INSERTED,
          it.id(),
          "第 " + it.id() + " 条记录被插入：" + subject + " 的链没有收录它",
          "entry " + it.id() + " inserted: the chain of " + subject + " does not adopt it");
    }
    Item head = valid.get(size - 1);
    boolean ends =
        head != null
            && !head.withheld()
            && head.parsed().form() == 2
            && head.parsed().headOf().map(subject::equals).orElse(false);
    if (!ends && !broken.contains(size - 1)) {
      long after = lastId + 1;
      problem(
          Kind.TRUNCATED,
          after,
          "导出文件被截断：止于第 "
              + lastId
              + " 条（"
              + subject
              + " 的第 "
              + (expectedN - 1)
              + " 条），缺少其链头（签名检查点 "
              + size
              + " 的最后一条，第 "
              + (size - 1)
              + " 条）",
          "entries after "
              + lastId
              + " truncated: the export ends at entry "
              + lastId
              + " (the "
              + nth(expectedN - 1)
              + " of "
              + subject
              + "), not at its head, entry "
              + (size - 1)
              + ", the last of the checkpoint signed at size "
              + size);
    }
    return subject
        + ", complete: "
        + (expectedN - 1)
        + " linked entries ending at its head, entry "
        + (size - 1);
  }

  /** A range: every index from the first to the last. */
  private String range(TreeMap<Long, Item> valid, Set<Long> broken) {
    if (valid.isEmpty()) {
      return "range (empty)";
    }
    long first = valid.firstKey();
    long last = valid.lastKey();
    long id = first;
    while (id <= last) {
      if (!valid.containsKey(id) && !broken.contains(id)) {
        long m = id;
        while (m <= last && !valid.containsKey(m) && !broken.contains(m)) {
          m++;
        }
        problem(
            Kind.MISSING,
            id,
            "第 " + (m - id == 1 ? id : id + "–" + (m - 1)) + " 条记录缺失",
            (m - id == 1 ? "entry " + id : "entries " + id + "–" + (m - 1))
                + " missing from the range "
                + first
                + "–"
                + last);
        id = m;
      } else {
        id++;
      }
    }
    return "range " + first + "–" + last;
  }
}
