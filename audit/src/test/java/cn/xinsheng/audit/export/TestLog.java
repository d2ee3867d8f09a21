package cn.xinsheng.audit.export;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.Chains;
import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.Sequencing;
import cn.xinsheng.audit.SignedCheckpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A log in memory, built the way the platform builds it (the sequencer's step, signed batches, a
 * witness, bound records in a "database"), with the exports the platform writes: the whole log, one
 * inmate's entries ending at his head, a range, a case package. For tests of the verifier.
 */
final class TestLog {

  static final String ORIGIN = "xinsheng.test/audit";
  static final long T0 = 1_800_000_000_000L;

  final NoteKey prison;
  final NoteKey witness;
  final AppendOnlyTree tree = new AppendOnlyTree();
  final List<StoredLeaf> leaves = new ArrayList<>();
  final Map<Long, SignedCheckpoint> checkpoints = new TreeMap<>();
  final Map<String, Map<String, Object>> database = new LinkedHashMap<>();
  final List<Long> cosignedSizes = new ArrayList<>();
  Chains chains = new Chains();
  private final List<byte[]> pendingEntries = new ArrayList<>();
  private boolean witnessRegistered;

  TestLog() {
    this(NoteKey.generate(ORIGIN));
  }

  TestLog(NoteKey prison) {
    this(prison, NoteKey.generate("procuratorate.test"));
  }

  TestLog(NoteKey prison, NoteKey witness) {
    this.prison = prison;
    this.witness = witness;
  }

  static AuditEvent event(String action, String subject, Map<String, Object> payload, int i) {
    return new AuditEvent(
        "officer1", "OFFICER", action, subject, payload, List.of(), Instant.ofEpochMilli(T0 + i));
  }

  /** A point entry for an inmate, bound to its row in the "database". */
  AuditEvent pointEntry(long id, String inmate, String fact) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("inmate", inmate);
    row.put("fact", fact);
    row.put("amount_tenths", 20L);
    row.put("reason", null);
    database.put("point_entry/" + id, row);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate);
    p.put("entry", id);
    p.put("fact", fact);
    p.put("amount", "2");
    return event("ledger.entry.recorded", "point-entry/" + id, p, leaves.size())
        .binding(List.of(BoundRecord.of("point_entry", id, row)));
  }

  /** An entry written by the business transaction, not yet sequenced. */
  TestLog write(AuditEvent e) {
    pendingEntries.add(e.canonicalBytes());
    return this;
  }

  /** The sequencer's step: pending entries become leaves, a checkpoint is signed. */
  TestLog sequence() {
    if (pendingEntries.isEmpty()) {
      return this;
    }
    long first = tree.size();
    byte[] previous = first == 0 ? Leaf.noPrevious() : tree.leafHash(first - 1);
    Sequencing step = new Sequencing(chains, first, previous, T0 + 1000 * first);
    for (byte[] entry : pendingEntries) {
      Sequencing.Next n = step.next(entry);
      byte[] data = Leaf.assemble(entry, n.tail());
      leaves.add(new StoredLeaf(n.index(), data, n.leafHash()));
      tree.append(n.leafHash());
    }
    chains.commit(step.batch());
    pendingEntries.clear();
    long size = tree.size();
    checkpoints.put(
        size, SignedCheckpoint.sign(new Checkpoint(ORIGIN, size, tree.rootHash(size)), prison));
    return this;
  }

  /** An entry written and sequenced on its own. */
  TestLog append(AuditEvent e) {
    return write(e).sequence();
  }

  /** An entry of form 1, as the log wrote before chains. */
  TestLog appendForm1(AuditEvent e) {
    byte[] data = e.canonicalBytes();
    chains.form1(tree.size(), Sequencing.entry(data));
    leaves.add(new StoredLeaf(tree.size(), data, MerkleTree.leafHash(data)));
    tree.append(MerkleTree.leafHash(data));
    long size = tree.size();
    checkpoints.put(
        size,
        SignedCheckpoint.sign(
            new Checkpoint(ORIGIN, size, tree.rootHash(size), Instant.ofEpochMilli(T0 + size)),
            prison));
    return this;
  }

  TestLog registerWitness() {
    witnessRegistered = true;
    return append(
        event(
            "audit.witness.registered",
            "witness/" + witness.name(),
            Map.of("key", witness.witnessVerifierKey(), "description", "派驻检察室"),
            leaves.size()));
  }

  /** The witness cosigns the latest checkpoint; the log records it. */
  TestLog cosign() {
    long size = tree.size();
    SignedCheckpoint cosigned =
        checkpoints.get(size).cosignedBy(witness, Instant.ofEpochMilli(T0 + 5000 + size));
    checkpoints.put(size, cosigned);
    cosignedSizes.add(size);
    SignedCheckpoint line = cosigned.cosignatureOnly(witness).orElseThrow();
    return append(
        event(
            "audit.witness.cosigned",
            "witness/" + witness.name(),
            Map.of("treeSize", size, "note", line.format()),
            leaves.size()));
  }

  /** The head the platform writes when it exports an inmate: the last leaf of its checkpoint. */
  long head(String inmate) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate);
    p.put("head", "inmate/" + inmate);
    List<Object> ws = new ArrayList<>();
    if (witnessRegistered) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("key", witness.witnessVerifierKey());
      if (!cosignedSizes.isEmpty()) {
        w.put("cosigned", cosignedSizes.get(cosignedSizes.size() - 1));
      }
      ws.add(w);
    }
    p.put("witnesses", ws);
    append(event(Leaf.HEAD_ACTION, "subject-head/" + leaves.size(), p, leaves.size()));
    return tree.size() - 1;
  }

  private void keysAndCheckpoints(ExportWriter w, long anchor, boolean all) throws IOException {
    w.logKeys(List.of(prison));
    w.witnessKeys(witnessRegistered ? List.of(witness) : List.of());
    for (SignedCheckpoint cp : checkpoints.values()) {
      long size = cp.checkpoint().size();
      if (size <= anchor && (all || size == anchor || cosignedSizes.contains(size))) {
        w.checkpoint(cp);
      }
    }
    for (long c : cosignedSizes) {
      if (c < anchor) {
        w.consistency(c, anchor, tree.consistencyProof(c, anchor));
      }
    }
  }

  private void records(ExportWriter w, StoredLeaf leaf) throws IOException {
    Map<String, Object> entry = Leaf.parse(leaf.data()).entry();
    for (BoundRecord b : BoundRecord.of(entry)) {
      w.record(leaf.index(), b.table(), b.id(), database.get(b.row()));
    }
  }

  Path whole(Path file) throws IOException {
    long size = tree.size();
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, ORIGIN, ExportFormat.SCOPE_ALL, Instant.ofEpochMilli(T0))) {
      keysAndCheckpoints(w, size, true);
      for (StoredLeaf l : leaves) {
        w.leaf(l, null);
        records(w, l);
      }
    }
    return file;
  }

  /** One inmate's entries: the head is written first, then everything about him up to it. */
  Path inmate(Path file, String inmate) throws IOException {
    return inmate(file, inmate, null);
  }

  Path inmate(Path file, String inmate, CaseFiles caseFiles) throws IOException {
    if (caseFiles != null) {
      // the package's making is logged with its files' hashes, which vouch for them
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", inmate);
      p.put("case", 1L);
      append(
          new AuditEvent(
              "execution1",
              "EXECUTION",
              ExportFormat.PACKAGE_PRODUCED,
              "case-package/1/" + leaves.size(),
              p,
              caseFiles.files().values().stream().map(MerkleTree::sha256Hex).toList(),
              Instant.ofEpochMilli(T0 + leaves.size())));
    }
    long head = head(inmate);
    long size = head + 1;
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, ORIGIN, "inmate " + inmate, Instant.ofEpochMilli(T0))) {
      keysAndCheckpoints(w, size, false);
      StringBuilder caseRecords = new StringBuilder();
      for (StoredLeaf l : leaves.subList(0, (int) size)) {
        Leaf.Parsed p = Leaf.parse(l.data());
        if (p.subjects().contains("inmate/" + inmate)) {
          w.leaf(l, tree.inclusionProof(l.index(), size));
          records(w, l);
          String subject = String.valueOf(p.entry().get("subject"));
          Map<String, Object> fields =
              caseFiles != null
                      && subject.startsWith("point-entry/")
                      && "ledger.entry.recorded".equals(p.action())
                  ? caseFiles.fields(subject)
                  : Map.of();
          caseRecords
              .append(subject)
              .append('\t')
              .append(l.index())
              .append('\t')
              .append(CanonicalJson.write(fields))
              .append('\n');
        }
      }
      if (caseFiles != null) {
        StringBuilder listing = new StringBuilder();
        for (Map.Entry<String, byte[]> f : caseFiles.files().entrySet()) {
          w.caseFile(f.getKey(), f.getValue());
          listing
              .append(f.getKey())
              .append('\t')
              .append(MerkleTree.sha256Hex(f.getValue()))
              .append('\t')
              .append(f.getValue().length)
              .append('\n');
        }
        w.caseFile(ExportFormat.CASE_FILES, listing.toString().getBytes(StandardCharsets.UTF_8));
        w.caseFile(
            ExportFormat.CASE_RECORDS, caseRecords.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  /** What a case package adds: the record fields the court compares, and its files. */
  interface CaseFiles {
    Map<String, Object> fields(String subject);

    Map<String, byte[]> files();
  }

  Path range(Path file, long from, long to) throws IOException {
    long size = tree.size();
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, ORIGIN, "range " + from + "-" + to, Instant.ofEpochMilli(T0))) {
      keysAndCheckpoints(w, size, false);
      for (StoredLeaf l : leaves.subList((int) from, (int) to)) {
        w.leaf(l, tree.inclusionProof(l.index(), size));
        records(w, l);
      }
    }
    return file;
  }

  /** The entries of a zip, by name, in order. */
  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static Path zip(Path out, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out;
  }
}
