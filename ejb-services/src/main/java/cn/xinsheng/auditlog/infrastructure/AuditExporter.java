package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.audit.export.ExportFormat;
import cn.xinsheng.audit.export.ExportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the audit export of the whole log, a range of it, or one inmate's records, straight from
 * the database: the platform's download and the launcher's {@code audit export} both come here. The
 * export's worth rests on the signatures it carries, not on who made it.
 */
public final class AuditExporter {

  /** What to export. */
  public sealed interface Scope permits All, Range, Inmate {
    String describe();
  }

  public record All() implements Scope {
    @Override
    public String describe() {
      return ExportFormat.SCOPE_ALL;
    }
  }

  /** Entries [start, end). */
  public record Range(long start, long end) implements Scope {
    public Range {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("a range is start < end, both from 0");
      }
    }

    @Override
    public String describe() {
      return "range " + start + "-" + end;
    }
  }

  public record Inmate(String prisonerNumber) implements Scope {
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z]{1,10}");

    public Inmate {
      if (prisonerNumber == null || !NUMBER.matcher(prisonerNumber).matches()) {
        throw new IllegalArgumentException("not a prisoner number: " + prisonerNumber);
      }
    }

    @Override
    public String describe() {
      return "inmate " + prisonerNumber;
    }
  }

  /** How big the export came out; not provable when the stored log is shorter than it signed. */
  public record Summary(long entries, long treeSize, boolean provable) {}

  /** A whole-log export holds every checkpoint up to this many, and an even selection above. */
  static final int MAX_WHOLE_LOG_CHECKPOINTS = 10_000;

  private final AuditStore store;
  private final String origin;
  private final Clock clock;

  /**
   * @param clock stamps the export's time: the platform's clock, or the operator's own
   */
  public AuditExporter(AuditStore store, String origin, Clock clock) {
    this.store = store;
    this.origin = origin;
    this.clock = clock;
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

  public Summary export(Scope scope, OutputStream out) throws IOException, SQLException {
    return export(scope, out, null);
  }

  /** One line of case/records.txt: subject, leaf index, the record's fields as canonical JSON. */
  private static void record(
      CasePackage p,
      LogVerifier.StoredLeaf leaf,
      StringBuilder records,
      java.util.Set<String> hashes)
      throws IOException {
    Object parsed = CanonicalJson.parse(new String(leaf.data(), StandardCharsets.UTF_8));
    if (!(parsed instanceof Map<?, ?> m)) {
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

  public Summary export(Scope scope, OutputStream out, CasePackage casePackage)
      throws IOException, SQLException {
    List<SignedCheckpoint> all = store.checkpoints(Long.MAX_VALUE);
    if (all.isEmpty()) {
      throw new IllegalStateException("the log has no signed checkpoint yet");
    }
    SignedCheckpoint anchorNote = all.get(all.size() - 1);
    long size = anchorNote.checkpoint().size();
    AppendOnlyTree tree = new AppendOnlyTree();
    store.forEachLeafHash(size, tree::append);
    // a log whose rows were deleted has fewer leaves than it signed: it is exported as it is,
    // without proofs it cannot give, and the verifier names what is missing
    boolean provable = tree.size() == size;

    List<NoteKey> keys = store.logKeys();
    List<AuditStore.Witness> witnesses = store.witnesses();
    Map<Long, SignedCheckpoint> notes = new TreeMap<>();
    boolean whole = scope instanceof All;
    if (whole && all.size() <= MAX_WHOLE_LOG_CHECKPOINTS) {
      all.forEach(cp -> notes.put(cp.checkpoint().size(), cp));
    } else {
      // the anchor, each key's first checkpoint (its endorsement), and the witnessed ones
      notes.put(size, anchorNote);
      Map<Long, SignedCheckpoint> bySize = new HashMap<>();
      all.forEach(cp -> bySize.put(cp.checkpoint().size(), cp));
      for (Long first : store.keyFirstSizes()) {
        if (bySize.containsKey(first)) {
          notes.put(first, bySize.get(first));
        }
      }
      for (AuditStore.Cosignature co : store.latestCosignatures()) {
        if (co.treeSize() <= size && bySize.containsKey(co.treeSize())) {
          notes.put(co.treeSize(), bySize.get(co.treeSize()));
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
    // join the witnesses' latest cosignatures to the notes they sign
    List<Long> cosignedSizes = new ArrayList<>();
    for (AuditStore.Cosignature co : store.latestCosignatures()) {
      SignedCheckpoint note = notes.get(co.treeSize());
      if (note != null) {
        notes.put(co.treeSize(), note.withSignaturesOf(SignedCheckpoint.parse(co.note())));
        cosignedSizes.add(co.treeSize());
      }
    }

    long[] count = {0};
    try (ExportWriter w = new ExportWriter(out, origin, scope.describe(), clock.instant())) {
      w.logKeys(keys);
      w.witnessKeys(witnesses.stream().map(AuditStore.Witness::key).toList());
      for (SignedCheckpoint note : notes.values()) {
        w.checkpoint(note);
      }
      for (long from : cosignedSizes.stream().distinct().sorted().toList()) {
        if (from < size && provable) {
          w.consistency(from, size, tree.consistencyProof(from, size));
        }
      }
      StringBuilder records = new StringBuilder();
      java.util.Set<String> hashes = new java.util.TreeSet<>();
      AuditStore.LeafSink sink =
          leaf -> {
            w.leaf(
                leaf,
                whole ? null : provable ? tree.inclusionProof(leaf.index(), size) : List.of());
            count[0]++;
            if (casePackage != null) {
              record(casePackage, leaf, records, hashes);
            }
            return true;
          };
      if (scope instanceof Inmate inmate) {
        store.streamLeavesOfInmate(inmate.prisonerNumber(), size, sink);
      } else if (scope instanceof Range range) {
        store.streamLeaves(range.start(), Math.min(range.end(), size), sink);
      } else {
        store.streamLeaves(0, size, sink);
      }
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
        w.caseFile(ExportFormat.CASE_RECORDS, records.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Summary(count[0], size, provable);
  }
}
