package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.audit.export.ExportFormat;
import cn.xinsheng.audit.export.ExportWriter;
import cn.xinsheng.auditlog.application.ExportScope;
import cn.xinsheng.auditlog.application.ExportSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the audit export of the whole log, a range of it, or one inmate's records, straight from
 * the database: the platform's download and the launcher's {@code audit export} both come here. The
 * export's worth rests on the signatures it carries, not on who made it.
 */
public final class AuditExporter {

  /**
   * The head of an inmate's export: an entry about him ({@code inmate}), naming the chain it heads
   * and the witnesses' keys with the last size each cosigned, so that the export must carry those
   * cosignatures. The sequencer makes it the last leaf of its checkpoint.
   */
  public static cn.xinsheng.audit.AuditEvent headEvent(
      String actor,
      String roles,
      String prisonerNumber,
      String marker,
      List<AuditStore.Witness> witnesses,
      List<AuditStore.Cosignature> latest,
      Instant at) {
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("head", "inmate/" + prisonerNumber);
    List<Object> ws = new ArrayList<>();
    for (AuditStore.Witness w : witnesses) {
      Map<String, Object> o = new java.util.LinkedHashMap<>();
      o.put("key", w.verifierKey());
      latest.stream()
          .filter(c -> c.witnessId() == w.id())
          .findFirst()
          .ifPresent(c -> o.put("cosigned", c.treeSize()));
      ws.add(o);
    }
    p.put("witnesses", ws);
    return new cn.xinsheng.audit.AuditEvent(
        actor, roles, Leaf.HEAD_ACTION, marker, p, List.of(), at);
  }

  /** A whole-log export holds every checkpoint up to this many, and an even selection above. */
  static final int MAX_WHOLE_LOG_CHECKPOINTS = 10_000;

  private final AuditStore store;
  private final String origin;
  private final Clock clock;
  private final RecordForms forms;

  /**
   * @param clock stamps the export's time: the platform's clock, or the operator's own
   * @param forms how to read the business records the entries bind, which the export carries
   */
  public AuditExporter(AuditStore store, String origin, Clock clock, RecordForms forms) {
    this.store = store;
    this.origin = origin;
    this.clock = clock;
    this.forms = forms;
  }

  /**
   * What makes an inmate's extract a case package: for each entry, the fields of the record as the
   * database holds it now (empty when the entry stands for no record); the files; and the evidence
   * bytes by SHA-256.
   */
  public interface CasePackage {
    Map<String, Object> recordFields(String subject, String action);

    /** The package's own files (the PDF), by name under case/. */
    Map<String, byte[]> files();

    /** An evidence file's bytes, or null when the store does not have it. */
    byte[] evidence(String sha256) throws IOException;
  }

  public ExportSummary export(ExportScope scope, OutputStream out)
      throws IOException, SQLException {
    return write(scope, out, null, null);
  }

  /**
   * The export for one reader (issue 14, finding 6): a leaf whose content {@code mayRead} refuses
   * is given by its hash alone ({@code -} in leaves.txt) and the records it binds are left out of
   * records.txt. The hashes still prove the whole tree, the order, and an inmate's chain.
   */
  public ExportSummary export(
      ExportScope scope, OutputStream out, java.util.function.Predicate<byte[]> mayRead)
      throws IOException, SQLException {
    return write(scope, out, null, mayRead);
  }

  /** One line of case/records.txt: subject, leaf index, the record's fields as canonical JSON. */
  private static void record(
      CasePackage p,
      LogVerifier.StoredLeaf leaf,
      StringBuilder records,
      java.util.Set<String> hashes)
      throws IOException {
    Map<String, Object> m;
    try {
      m = Leaf.parse(leaf.data()).entry();
    } catch (IllegalArgumentException e) {
      throw new IOException("log entry " + leaf.index() + " is not a JSON object");
    }
    String subject = String.valueOf(m.get("subject"));
    String action = String.valueOf(m.get("action"));
    if (m.get("evidence") instanceof List<?> list) {
      list.forEach(h -> hashes.add(String.valueOf(h)));
    }
    Map<String, Object> fields = p.recordFields(subject, action);
    records
        .append(subject.replace('\t', ' ').replace('\n', ' '))
        .append('\t')
        .append(leaf.index())
        .append('\t')
        .append(CanonicalJson.write(fields == null ? Map.of() : fields))
        .append('\n');
  }

  private static String line(String name, byte[] bytes) {
    return name + "\t" + cn.xinsheng.audit.MerkleTree.sha256Hex(bytes) + "\t" + bytes.length + "\n";
  }

  public ExportSummary export(ExportScope scope, OutputStream out, CasePackage casePackage)
      throws IOException, SQLException {
    return write(scope, out, casePackage, null);
  }

  /**
   * @param reader which leaves' content the export may carry; null: all (the operator's export, a
   *     case package, which is made for those who may read the whole case)
   */
  private ExportSummary write(
      ExportScope scope,
      OutputStream out,
      CasePackage casePackage,
      java.util.function.Predicate<byte[]> reader)
      throws IOException, SQLException {
    List<SignedCheckpoint> all = store.checkpoints(Long.MAX_VALUE);
    if (all.isEmpty()) {
      throw new IllegalStateException("the log has no signed checkpoint yet");
    }
    Map<Long, SignedCheckpoint> bySize = new HashMap<>();
    all.forEach(cp -> bySize.put(cp.checkpoint().size(), cp));
    SignedCheckpoint anchorNote;
    if (scope instanceof ExportScope.Inmate inmate) {
      // the export ends at the head: its checkpoint is the anchor, and the head its last leaf
      anchorNote = bySize.get(inmate.headIndex() + 1);
      if (inmate.headIndex() < 0 || anchorNote == null) {
        throw new IllegalStateException(
            "no signed checkpoint ends at the head of " + inmate.subject());
      }
    } else {
      anchorNote = all.get(all.size() - 1);
    }
    long size = anchorNote.checkpoint().size();
    AppendOnlyTree tree = new AppendOnlyTree();
    store.forEachLeafHash(size, tree::append);
    // a log whose rows were deleted has fewer leaves than it signed: it is exported as it is,
    // without proofs it cannot give, and the verifier names what is missing
    boolean provable = tree.size() == size;

    List<NoteKey> keys = store.logKeys();
    List<AuditStore.Witness> witnesses = store.witnesses();
    List<AuditStore.Cosignature> cosignatures =
        store.cosignatures().stream().filter(c -> c.treeSize() <= size).toList();
    Map<Long, SignedCheckpoint> notes = new TreeMap<>();
    boolean whole = scope instanceof ExportScope.All;
    if (whole && all.size() <= MAX_WHOLE_LOG_CHECKPOINTS) {
      all.stream()
          .filter(cp -> cp.checkpoint().size() <= size)
          .forEach(cp -> notes.put(cp.checkpoint().size(), cp));
    } else {
      // the anchor, each key's first checkpoint (its endorsement), and every cosigned one
      notes.put(size, anchorNote);
      for (Long first : store.keyFirstSizes()) {
        if (first <= size && bySize.containsKey(first)) {
          notes.put(first, bySize.get(first));
        }
      }
      if (whole) {
        // a long history is thinned evenly: each checkpoint costs the verifier an Ed25519
        // check (~0.7 ms), and a change is then pinned to the entries between two of them
        int step = (int) Math.ceil(all.size() / (double) MAX_WHOLE_LOG_CHECKPOINTS);
        for (int i = step - 1; i < all.size(); i += step) {
          notes.put(all.get(i).checkpoint().size(), all.get(i));
        }
      }
    }
    for (AuditStore.Cosignature co : cosignatures) {
      if (bySize.containsKey(co.treeSize())) {
        notes.putIfAbsent(co.treeSize(), bySize.get(co.treeSize()));
      }
    }
    // every cosignature the prison received, joined to the note it signs
    java.util.Set<Long> cosignedSizes = new java.util.TreeSet<>();
    for (AuditStore.Cosignature co : cosignatures) {
      SignedCheckpoint note = notes.get(co.treeSize());
      if (note != null) {
        notes.put(co.treeSize(), note.withSignaturesOf(SignedCheckpoint.parse(co.note())));
        cosignedSizes.add(co.treeSize());
      }
    }

    long[] count = {0};
    try (ExportWriter w = new ExportWriter(out, origin, scope.describe(), clock.instant());
        RecordLines records = new RecordLines(w)) {
      w.logKeys(keys);
      w.witnessKeys(witnesses.stream().map(AuditStore.Witness::key).toList());
      for (SignedCheckpoint note : notes.values()) {
        w.checkpoint(note);
      }
      for (long from : cosignedSizes) {
        if (from < size && provable) {
          w.consistency(from, size, tree.consistencyProof(from, size));
        }
      }
      StringBuilder caseRecords = new StringBuilder();
      java.util.Set<String> hashes = new java.util.TreeSet<>();
      AuditStore.LeafSink sink =
          leaf -> {
            if (reader != null && !reader.test(leaf.data())) {
              // the content withheld from this reader: the hash alone, and none of its records
              w.leaf(
                  new LogVerifier.StoredLeaf(leaf.index(), null, leaf.storedHash()),
                  whole ? null : provable ? tree.inclusionProof(leaf.index(), size) : List.of());
              count[0]++;
              return true;
            }
            w.leaf(
                leaf,
                whole ? null : provable ? tree.inclusionProof(leaf.index(), size) : List.of());
            records.leaf(leaf);
            count[0]++;
            if (casePackage != null) {
              record(casePackage, leaf, caseRecords, hashes);
            }
            return true;
          };
      if (scope instanceof ExportScope.Inmate inmate) {
        store.streamLeavesOfInmate(inmate.prisonerNumber(), size, sink);
      } else if (scope instanceof ExportScope.Range range) {
        store.streamLeaves(range.start(), Math.min(range.end(), size), sink);
      } else {
        store.streamLeaves(0, size, sink);
      }
      records.flush();
      if (casePackage != null) {
        StringBuilder files = new StringBuilder();
        for (Map.Entry<String, byte[]> f : casePackage.files().entrySet()) {
          w.caseFile(f.getKey(), f.getValue());
          files.append(line(f.getKey(), f.getValue()));
        }
        for (String sha : hashes) {
          byte[] bytes = casePackage.evidence(sha);
          if (bytes != null) {
            String name = ExportFormat.CASE_DIR + "evidence/" + sha;
            w.caseFile(name, bytes);
            files.append(line(name, bytes));
          }
        }
        w.caseFile(ExportFormat.CASE_FILES, files.toString().getBytes(StandardCharsets.UTF_8));
        w.caseFile(
            ExportFormat.CASE_RECORDS, caseRecords.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return new ExportSummary(count[0], size, provable);
  }

  /**
   * The business records the exported leaves bind, as the database holds them now: records.txt, in
   * the order of the leaves, read in batches.
   */
  private final class RecordLines implements java.io.Closeable {
    private static final byte[] BOUND =
        "\"bound\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final ExportWriter w;
    private final List<Object[]> batch = new ArrayList<>();

    RecordLines(ExportWriter w) {
      this.w = w;
    }

    void leaf(LogVerifier.StoredLeaf leaf) throws IOException {
      if (!contains(leaf.data())) {
        return;
      }
      List<BoundRecord> bound;
      try {
        bound = BoundRecord.of(Leaf.parse(leaf.data()).entry());
      } catch (IllegalArgumentException e) {
        // a leaf that is no entry: the verifier names it
        return;
      }
      for (BoundRecord b : bound) {
        batch.add(new Object[] {leaf.index(), b});
      }
      if (batch.size() >= 500) {
        flush();
      }
    }

    void flush() throws IOException {
      if (batch.isEmpty()) {
        return;
      }
      Map<String, List<Long>> byTable = new java.util.LinkedHashMap<>();
      for (Object[] item : batch) {
        BoundRecord b = (BoundRecord) item[1];
        if (forms.binds(b.table())) {
          byTable.computeIfAbsent(b.table(), t -> new ArrayList<>()).add(b.id());
        }
      }
      Map<String, Map<Long, Map<String, Object>>> now = new HashMap<>();
      try (java.sql.Connection c = store.dataSource().getConnection()) {
        for (Map.Entry<String, List<Long>> t : byTable.entrySet()) {
          now.put(t.getKey(), forms.read(c, t.getKey(), t.getValue()));
        }
      } catch (SQLException e) {
        throw new IOException("the bound records cannot be read: " + e.getMessage(), e);
      }
      for (Object[] item : batch) {
        BoundRecord b = (BoundRecord) item[1];
        Map<Long, Map<String, Object>> rows = now.get(b.table());
        if (rows != null) {
          // a row that is gone is written as such ("-"); a table without a binding is left out,
          // and the verifier says the record is missing from the export
          w.record((Long) item[0], b.table(), b.id(), rows.get(b.id()));
        }
      }
      batch.clear();
    }

    private boolean contains(byte[] data) {
      outer:
      for (int i = 0; i + BOUND.length <= data.length; i++) {
        for (int j = 0; j < BOUND.length; j++) {
          if (data[i + j] != BOUND[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    @Override
    public void close() {}
  }
}
