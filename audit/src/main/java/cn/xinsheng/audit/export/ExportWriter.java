package cn.xinsheng.audit.export;

import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an audit export: one zip a court can verify offline with nothing but a JRE. The parts, in
 * the order they must be given: keys, checkpoints, consistency proofs, then the leaves (streamed,
 * so a million entries never sit in memory); {@link #close()} adds the manifest and the README. The
 * format is described in {@link ExportFormat}.
 */
public final class ExportWriter implements Closeable {

  private final ZipOutputStream zip;

  /**
   * The leaves go to a temporary file first and into the zip uncompressed (STORED): inflating costs
   * a verifier more than hashing the same bytes, and a court verifies more often than it copies.
   * STORED needs size and CRC up front, hence the file.
   */
  private Path leavesFile;

  private OutputStream leavesOut;
  private Path recordsFile;
  private OutputStream recordsOut;
  private final CRC32 leavesCrc = new CRC32();
  private final String origin;
  private final String scope;
  private final Instant created;
  private long treeSize = -1;
  private long entries;
  private long withheld;
  private boolean inConsistency;
  private boolean casePackage;

  /**
   * @param scope {@link ExportFormat#SCOPE_ALL}, or a description such as {@code range 10-20} or
   *     {@code inmate 3301000001}
   */
  public ExportWriter(OutputStream out, String origin, String scope, Instant created) {
    this.zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16));
    this.zip.setLevel(Deflater.BEST_SPEED);
    this.origin = origin;
    this.scope = scope;
    this.created = created;
  }

  public void logKeys(List<NoteKey> keys) throws IOException {
    StringBuilder sb = new StringBuilder();
    keys.forEach(k -> sb.append(k.verifierKey()).append('\n'));
    text(ExportFormat.LOG_KEYS, sb.toString());
  }

  public void witnessKeys(List<NoteKey> witnesses) throws IOException {
    StringBuilder sb = new StringBuilder();
    witnesses.forEach(k -> sb.append(k.witnessVerifierKey()).append('\n'));
    text(ExportFormat.WITNESS_KEYS, sb.toString());
  }

  /** A signed checkpoint (with any cosignatures); the largest one is the anchor. */
  public void checkpoint(SignedCheckpoint note) throws IOException {
    closeOpenEntry();
    treeSize = Math.max(treeSize, note.checkpoint().size());
    text(ExportFormat.checkpointEntry(note.checkpoint().size()), note.format());
  }

  /** Proof that the tree of size {@code from} is a prefix of the tree of size {@code to}. */
  public void consistency(long from, long to, List<byte[]> proof) throws IOException {
    if (!inConsistency) {
      closeOpenEntry();
      zip.putNextEntry(entry(ExportFormat.CONSISTENCY));
      inConsistency = true;
    }
    zip.write(
        (from + "\t" + to + "\t" + hexList(proof) + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * One entry: its index, stored hash, canonical JSON, and its inclusion proof against the anchor
   * (null in an export of the whole log, whose roots the verifier recomputes).
   */
  public void leaf(StoredLeaf leaf, List<byte[]> proof) throws IOException {
    if (leavesOut == null) {
      leavesFile = Files.createTempFile("xinsheng-export-", ".leaves");
      leavesOut =
          new CheckedOutputStream(
              new BufferedOutputStream(Files.newOutputStream(leavesFile), 1 << 16), leavesCrc);
    }
    OutputStream out = leavesOut;
    StringBuilder head = new StringBuilder(96);
    head.append(leaf.index())
        .append('\t')
        .append(MerkleTree.hex(leaf.storedHash()))
        .append('\t')
        .append(proof == null ? "-" : hexList(proof))
        .append('\t');
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    // canonical JSON has no raw control characters, so one entry is one line; a leaf whose
    // content is withheld from the reader is "-": its hash alone (issue 14, finding 6)
    if (leaf.withheld()) {
      out.write('-');
      withheld++;
    } else {
      out.write(leaf.data());
    }
    out.write('\n');
    entries++;
  }

  /**
   * A business record a leaf binds, as the database holds it now (null when the row is gone), in
   * the order of the leaves: a line of records.txt.
   */
  public void record(long index, String table, long id, java.util.Map<String, Object> form)
      throws IOException {
    if (recordsOut == null) {
      recordsFile = Files.createTempFile("xinsheng-export-", ".records");
      recordsOut = new BufferedOutputStream(Files.newOutputStream(recordsFile), 1 << 16);
    }
    String line =
        index
            + "\t"
            + table
            + "\t"
            + id
            + "\t"
            + (form == null ? "-" : cn.xinsheng.audit.CanonicalJson.write(form))
            + "\n";
    recordsOut.write(line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A file of a case package ({@link ExportFormat#CASE_PACKAGE}): the case's PDF, an evidence file,
   * the record list. Its name is under {@code case/}; the verifier checks that a verified entry of
   * the log vouches for its SHA-256 (files) or its fields (records).
   */
  public void caseFile(String name, byte[] bytes) throws IOException {
    if (!name.startsWith(ExportFormat.CASE_DIR) || name.contains("..") || name.contains("\\")) {
      throw new IllegalArgumentException("a case file lives under case/: " + name);
    }
    casePackage = true;
    closeOpenEntry();
    zip.putNextEntry(entry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  @Override
  public void close() throws IOException {
    closeOpenEntry();
    ZipEntry leaves = entry(ExportFormat.LEAVES);
    leaves.setMethod(ZipEntry.STORED);
    if (leavesOut == null) {
      // an extract may hold no entry; the file still says so
      leaves.setSize(0);
      leaves.setCrc(0);
      zip.putNextEntry(leaves);
    } else {
      try {
        leavesOut.close();
        leaves.setSize(Files.size(leavesFile));
        leaves.setCompressedSize(Files.size(leavesFile));
        leaves.setCrc(leavesCrc.getValue());
        zip.putNextEntry(leaves);
        Files.copy(leavesFile, zip);
      } finally {
        Files.deleteIfExists(leavesFile);
      }
    }
    zip.closeEntry();
    zip.putNextEntry(entry(ExportFormat.RECORDS));
    if (recordsOut != null) {
      try {
        recordsOut.close();
        Files.copy(recordsFile, zip);
      } finally {
        Files.deleteIfExists(recordsFile);
      }
    }
    zip.closeEntry();
    text(
        ExportFormat.MANIFEST,
        ExportFormat.FORMAT_KEY
            + ": "
            + ExportFormat.FORMAT
            + "\n"
            + "origin: "
            + origin
            + "\n"
            + "created: "
            + created
            + "\n"
            + "scope: "
            + scope
            + "\n"
            + "tree-size: "
            + Math.max(treeSize, 0)
            + "\n"
            + "entries: "
            + entries
            + "\n"
            + (withheld > 0 ? "withheld: " + withheld + "\n" : "")
            + (casePackage
                ? ExportFormat.PACKAGE_KEY + ": " + ExportFormat.CASE_PACKAGE + "\n"
                : ""));
    text(ExportFormat.README, ExportFormat.readme());
    zip.close();
  }

  private void closeOpenEntry() throws IOException {
    if (inConsistency) {
      zip.closeEntry();
      inConsistency = false;
    }
  }

  private void text(String name, String content) throws IOException {
    closeOpenEntry();
    zip.putNextEntry(entry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Every entry carries the export's own time, so the same export gives the same bytes. */
  private ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTime(created.toEpochMilli());
    return e;
  }

  private static String hexList(List<byte[]> proof) {
    if (proof.isEmpty()) {
      return ".";
    }
    StringBuilder sb = new StringBuilder(proof.size() * 65);
    for (byte[] p : proof) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(MerkleTree.hex(p));
    }
    return sb.toString();
  }
}
