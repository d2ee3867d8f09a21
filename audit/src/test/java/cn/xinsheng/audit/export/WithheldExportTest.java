package cn.xinsheng.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 6: an export made for a reader who may not read some subjects gives those
 * leaves by their hash alone ({@code -} for the content, no records.txt rows). A court still
 * verifies the whole tree from the hashes: every signed root, the order, the hash each shown leaf
 * records of the one before; an inmate's extract still ends at his head and proves it is complete.
 * Removing, swapping or re-hashing a withheld line is still caught.
 */
class WithheldExportTest {

  private static final String OTHER = "3301000002";

  @TempDir Path dir;

  private TestLog log() {
    return TamperDrillTest.log();
  }

  private Trust trust(TestLog log) throws Exception {
    Path key = dir.resolve("prison.pub");
    java.nio.file.Files.writeString(key, log.prison.verifierKey() + "\n");
    return Trust.read(List.of(key.toString()));
  }

  /** The export as the platform writes it for that reader: withheld lines and their records. */
  private static Path withhold(Path zip, Path out, Predicate<String> hidden) throws Exception {
    Map<String, byte[]> entries = TestLog.unzip(zip);
    List<String> lines = new ArrayList<>();
    Set<String> hiddenIndexes = new HashSet<>();
    for (String line : new String(entries.get("leaves.txt"), StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.split("\t", 4);
      if (hidden.test(f[3])) {
        hiddenIndexes.add(f[0]);
        lines.add(f[0] + "\t" + f[1] + "\t" + f[2] + "\t-");
      } else {
        lines.add(line);
      }
    }
    entries.put("leaves.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] records = entries.get("records.txt");
    if (records != null) {
      StringBuilder kept = new StringBuilder();
      for (String r : new String(records, StandardCharsets.UTF_8).split("\n")) {
        if (!r.isEmpty() && !hiddenIndexes.contains(r.substring(0, r.indexOf('\t')))) {
          kept.append(r).append('\n');
        }
      }
      entries.put("records.txt", kept.toString().getBytes(StandardCharsets.UTF_8));
    }
    assertFalse(hiddenIndexes.isEmpty(), "something is withheld");
    return TestLog.zip(out, entries);
  }

  private static List<String> lines(Path zip) throws Exception {
    return new ArrayList<>(
        List.of(
            new String(TestLog.unzip(zip).get("leaves.txt"), StandardCharsets.UTF_8).split("\n")));
  }

  private static Path withLines(Path zip, Path out, List<String> lines) throws Exception {
    Map<String, byte[]> entries = TestLog.unzip(zip);
    entries.put("leaves.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return TestLog.zip(out, entries);
  }

  @Test
  void aWholeLogWithAnotherInmatesLeavesWithheldVerifiesFromTheirHashes() throws Exception {
    TestLog log = log();
    Path whole = log.whole(dir.resolve("whole.zip"));
    Path hidden = withhold(whole, dir.resolve("hidden.zip"), l -> l.contains(OTHER));
    String text = new String(TestLog.unzip(hidden).get("leaves.txt"), StandardCharsets.UTF_8);
    assertFalse(text.contains(OTHER), "nothing of the other inmate is shown");
    ExportVerifier.Report r = ExportVerifier.verify(hidden, trust(log), 1);
    assertTrue(r.verified(), r.failures().toString());
    assertEquals(log.tree.size(), r.entries(), "every leaf is in the verified tree");
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("by their hash alone")), r.notes().toString());
  }

  @Test
  void aWithheldLineRemovedSwappedOrReHashedIsCaught() throws Exception {
    TestLog log = log();
    Path hidden =
        withhold(log.whole(dir.resolve("whole.zip")), dir.resolve("h.zip"), l -> l.contains(OTHER));
    List<String> lines = lines(hidden);
    int at = -1;
    for (int i = 1; i < lines.size() - 1; i++) {
      if (lines.get(i).endsWith("\t-")) {
        at = i;
        break;
      }
    }
    assertTrue(at > 0, "a withheld line in the middle");
    long id = Long.parseLong(lines.get(at).split("\t")[0]);
    Trust trust = trust(log);

    List<String> removed = new ArrayList<>(lines);
    removed.remove(at);
    ExportVerifier.Report r =
        ExportVerifier.verify(withLines(hidden, dir.resolve("r.zip"), removed), trust, 0);
    assertFalse(r.verified());
    assertTrue(
        r.failures().toString().contains("entry " + id + " missing"), r.failures().toString());

    List<String> rehashed = new ArrayList<>(lines);
    String[] f = rehashed.get(at).split("\t");
    rehashed.set(at, f[0] + "\t" + "0".repeat(64) + "\t" + f[2] + "\t-");
    r = ExportVerifier.verify(withLines(hidden, dir.resolve("x.zip"), rehashed), trust, 0);
    assertFalse(r.verified());
    assertTrue(
        r.failures().toString().contains("entry " + id + " changed"), r.failures().toString());

    List<String> swapped = new ArrayList<>(lines);
    swapped.set(at, lines.get(at + 1));
    swapped.set(at + 1, lines.get(at));
    r = ExportVerifier.verify(withLines(hidden, dir.resolve("s.zip"), swapped), trust, 0);
    assertFalse(r.verified());
    assertTrue(r.failures().toString().contains("reordered"), r.failures().toString());
  }

  @Test
  void anInmatesExtractWithSomeLeavesWithheldStillProvesItIsComplete() throws Exception {
    TestLog log = log();
    Path inmate = log.inmate(dir.resolve("inmate.zip"), TamperDrillTest.INMATE);
    // the reader may not see the entries about 遵守监规 (as a judge a case not yet at court)
    Path hidden = withhold(inmate, dir.resolve("hidden.zip"), l -> l.contains("遵守监规"));
    String text = new String(TestLog.unzip(hidden).get("leaves.txt"), StandardCharsets.UTF_8);
    assertFalse(text.contains("遵守监规"));
    Trust trust = trust(log);
    ExportVerifier.Report r = ExportVerifier.verify(hidden, trust, 1);
    assertTrue(r.verified(), r.failures().toString());
    assertTrue(r.scope().contains("inmate/" + TamperDrillTest.INMATE + ", complete"), r.scope());
    assertTrue(r.scope().contains("by hash alone"), r.scope());

    List<String> lines = lines(hidden);
    int at = -1;
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).endsWith("\t-")) {
        at = i;
      }
    }
    // a withheld entry left out is caught: the chain counts it
    List<String> removed = new ArrayList<>(lines);
    removed.remove(at);
    r = ExportVerifier.verify(withLines(hidden, dir.resolve("r.zip"), removed), trust, 0);
    assertFalse(r.verified(), "a withheld entry removed");
    assertTrue(r.failures().toString().contains("missing"), r.failures().toString());

    // another leaf's hash put in its place (with a valid proof of its own) is caught too
    long size = Long.parseLong(lines.get(lines.size() - 1).split("\t")[0]) + 1;
    long strangerId = -1;
    for (int i = 0; i < size; i++) {
      String data = new String(log.leaves.get(i).data(), StandardCharsets.UTF_8);
      if (data.contains(OTHER)) {
        strangerId = i;
      }
    }
    assertTrue(strangerId >= 0);
    String proof =
        String.join(
            ",",
            log.tree.inclusionProof(strangerId, size).stream()
                .map(cn.xinsheng.audit.MerkleTree::hex)
                .toList());
    List<String> substituted = new ArrayList<>(removed);
    substituted.add(
        strangerId
            + "\t"
            + cn.xinsheng.audit.MerkleTree.hex(log.tree.leafHash(strangerId))
            + "\t"
            + (proof.isEmpty() ? "." : proof)
            + "\t-");
    substituted.sort(
        java.util.Comparator.comparingLong(l -> Long.parseLong(l.substring(0, l.indexOf('\t')))));
    // the stranger verifies in the tree on its own: only the chain tells it is not his
    ExportVerifier.Report alone =
        ExportVerifier.verify(withLines(hidden, dir.resolve("sub0.zip"), substituted), trust, 0);
    r = alone;
    assertFalse(r.verified(), "a stranger's hash stands in for a withheld entry: " + r.scope());
    assertTrue(
        r.failures().toString().contains("entry " + strangerId + " inserted"),
        r.failures().toString());
  }
}
