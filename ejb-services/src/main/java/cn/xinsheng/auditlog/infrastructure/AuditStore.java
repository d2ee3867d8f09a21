package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.application.SelfCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audit tables, by plain JDBC: the sequencer writes leaves in batches, the self-check and the
 * export stream millions of rows. Plain Java over a {@link DataSource}, so the launcher's {@code
 * audit export} uses the very same reads as the platform.
 */
public final class AuditStore {

  /** An entry not yet in the tree, with its canonical JSON. */
  public record Pending(long entryId, byte[] data) {}

  /** An entry as the sequencer places it: its leaf index, the tail it adds, the leaf's hash. */
  public record SequencedLeaf(long index, long entryId, byte[] tail, byte[] leafHash) {}

  /** A registered witness. */
  public record Witness(
      long id, String name, String verifierKey, String description, Instant registeredAt) {
    public NoteKey key() {
      return NoteKey.parseVerifierKey(verifierKey);
    }
  }

  /** A witness's cosignature as received: the note with only its line. */
  public record Cosignature(long witnessId, long treeSize, String note, Instant receivedAt) {}

  /** Receives leaves one by one while they stream from the database. */
  @FunctionalInterface
  public interface LeafSink {
    /** False stops the stream. */
    boolean accept(LogVerifier.StoredLeaf leaf) throws java.io.IOException;
  }

  private static final int STREAM_FETCH = 1_000;

  private final DataSource dataSource;

  public AuditStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Entries not yet in the tree, oldest first: those with an id above {@code afterId} (the highest
   * id already sequenced; 0 scans the whole table), and those among {@code alsoIds} that have no
   * leaf, so an entry whose transaction committed late is still taken (see {@link PendingEntries}).
   */
  public List<Pending> pending(
      Connection c, int limit, long afterId, java.util.Collection<Long> alsoIds)
      throws SQLException {
    // two plain queries: an OR of the two would make the optimizer scan the whole table
    java.util.TreeMap<Long, Pending> out = new java.util.TreeMap<>();
    if (!alsoIds.isEmpty()) {
      query(
          c,
          "SELECT e.id, e.leaf_data FROM audit_entry e LEFT JOIN audit_leaf l"
              + " ON l.entry_id = e.id WHERE e.id IN ("
              + "?,".repeat(alsoIds.size() - 1)
              + "?) AND l.entry_id IS NULL",
          out,
          alsoIds.toArray());
    }
    if (afterId == 0) {
      // a full scan: anything without a leaf
      query(
          c,
          "SELECT e.id, e.leaf_data FROM audit_entry e LEFT JOIN audit_leaf l"
              + " ON l.entry_id = e.id WHERE l.entry_id IS NULL ORDER BY e.id LIMIT ?",
          out,
          limit);
    } else {
      // above the highest id the (one) sequencer has taken, no entry has a leaf yet
      query(
          c,
          "SELECT id, leaf_data FROM audit_entry WHERE id > ? ORDER BY id LIMIT ?",
          out,
          afterId,
          limit);
    }
    return new ArrayList<>(out.values()).subList(0, Math.min(limit, out.size()));
  }

  private static void query(
      Connection c, String sql, java.util.Map<Long, Pending> out, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), new Pending(rs.getLong(1), rs.getBytes(2)));
        }
      }
    }
  }

  /**
   * Entries written by plain JDBC, in one batch: the log's own entries (a key rotation) on the
   * sequencer's connection, and bulk writers.
   */
  public void insertEntries(Connection c, List<cn.xinsheng.audit.AuditEvent> events)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_entry (leaf_data, leaf_hash, created_at, subject, inmate)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (cn.xinsheng.audit.AuditEvent event : events) {
        byte[] data = event.canonicalBytes();
        ps.setBytes(1, data);
        ps.setBytes(2, cn.xinsheng.audit.MerkleTree.leafHash(data));
        ps.setTimestamp(3, Timestamp.from(event.time()));
        String subject = event.subject();
        ps.setString(4, subject.length() > 200 ? subject.substring(0, 200) : subject);
        ps.setString(5, event.inmate().filter(n -> n.length() <= 10).orElse(null));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The highest entry id that has a leaf: where the sequencer's look-back window ends. */
  public long maxSequencedEntryId() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(entry_id), 0) FROM audit_leaf")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public void insertLeaves(Connection c, List<SequencedLeaf> leaves) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash, tail) VALUES (?, ?, ?, ?)")) {
      for (SequencedLeaf l : leaves) {
        ps.setLong(1, l.index());
        ps.setLong(2, l.entryId());
        ps.setBytes(3, l.leafHash());
        ps.setBytes(4, l.tail());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public void insertCheckpoint(Connection c, long size, String note, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_checkpoint (tree_size, note, created_at) VALUES (?, ?, ?)")) {
      ps.setLong(1, size);
      ps.setString(2, note);
      ps.setTimestamp(3, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /**
   * The leaf index of the entry with this subject (a marker such as an export's head), once it is
   * inside a signed checkpoint.
   */
  public Optional<Long> signedLeafOf(String subject) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT l.leaf_index FROM audit_entry e JOIN audit_leaf l ON l.entry_id = e.id"
                    + " WHERE e.subject = ? AND l.leaf_index <"
                    + " (SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint)")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Whether any entry names this prisoner number (the index column, for the launcher). */
  public boolean hasEntriesOfInmate(String prisonerNumber) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM audit_entry WHERE inmate = ? LIMIT 1")) {
      ps.setString(1, prisonerNumber);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The latest recorded self-check: what a tool outside the platform says when the log broke. */
  public Optional<SelfCheck> latestSelfCheck() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT checked_at, tree_size, entries_checked, sound, failure, duration_ms"
                    + " FROM audit_self_check ORDER BY id DESC LIMIT 1")) {
      return rs.next()
          ? Optional.of(
              new SelfCheck(
                  rs.getTimestamp(1).toInstant(),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getBoolean(4),
                  rs.getString(5),
                  rs.getLong(6)))
          : Optional.empty();
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Whether the entry with this subject has a leaf inside a signed checkpoint: what a case package
   * waits for before it exports the entry that vouches for its files.
   */
  public boolean isSigned(String subject) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM audit_entry e JOIN audit_leaf l ON l.entry_id = e.id"
                    + " WHERE e.subject = ? AND l.leaf_index <"
                    + " (SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint)")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  public Optional<String> latestCheckpoint() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** Every checkpoint up to a size, as the log signed it (without cosignatures), by size. */
  public List<SignedCheckpoint> checkpoints(long maxSize) throws SQLException {
    List<SignedCheckpoint> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT note FROM audit_checkpoint WHERE tree_size <= ? ORDER BY tree_size")) {
      ps.setLong(1, maxSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(SignedCheckpoint.parse(rs.getString(1)));
        }
      }
    }
    return out;
  }

  public Optional<SignedCheckpoint> checkpoint(long size) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT note FROM audit_checkpoint WHERE tree_size = ?")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(SignedCheckpoint.parse(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** The stored leaf hashes in index order, without the data: what the tree is built from. */
  public void forEachLeafHash(long end, java.util.function.Consumer<byte[]> sink)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT leaf_hash FROM audit_leaf WHERE leaf_index < ? ORDER BY leaf_index")) {
      ps.setFetchSize(STREAM_FETCH);
      ps.setLong(1, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(rs.getBytes(1));
        }
      }
    }
  }

  /** Leaves [start, end) with their data, in index order, streamed. */
  public void streamLeaves(long start, long end, LeafSink sink)
      throws SQLException, java.io.IOException {
    stream(
        "SELECT l.leaf_index, e.leaf_data, l.leaf_hash, l.tail FROM audit_leaf l"
            + " JOIN audit_entry e ON e.id = l.entry_id"
            + " WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index",
        sink,
        start,
        end);
  }

  /** The leaves of entries about one inmate, below a tree size, in index order, streamed. */
  public void streamLeavesOfInmate(String prisonerNumber, long end, LeafSink sink)
      throws SQLException, java.io.IOException {
    stream(
        "SELECT l.leaf_index, e.leaf_data, l.leaf_hash, l.tail FROM audit_entry e"
            + " JOIN audit_leaf l ON l.entry_id = e.id"
            + " WHERE e.inmate = ? AND l.leaf_index < ? ORDER BY l.leaf_index",
        sink,
        prisonerNumber,
        end);
  }

  private void stream(String sql, LeafSink sink, Object... params)
      throws SQLException, java.io.IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(STREAM_FETCH);
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] entry = rs.getBytes(2);
          byte[] tail = rs.getBytes(4);
          // a leaf of form 2 is the entry with the tail the sequencer stored beside it
          byte[] data = tail == null ? entry : Leaf.assemble(entry, tail);
          if (!sink.accept(new LogVerifier.StoredLeaf(rs.getLong(1), data, rs.getBytes(3)))) {
            // no need to read the rest: closing the statement drops the stream
            ps.cancel();
            return;
          }
        }
      }
    }
  }

  public List<LogVerifier.StoredLeaf> leaves(long start, long end) throws SQLException {
    List<LogVerifier.StoredLeaf> out = new ArrayList<>();
    try {
      streamLeaves(start, end, out::add);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  // --- keys ------------------------------------------------------------------------------------

  /** The log's verifier keys, oldest first. */
  public List<NoteKey> logKeys() throws SQLException {
    List<NoteKey> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT verifier_key FROM audit_key ORDER BY seq")) {
      while (rs.next()) {
        out.add(NoteKey.parseVerifierKey(rs.getString(1)));
      }
    }
    return out;
  }

  /** The first tree size each key signed, oldest key first: where its endorsement lies. */
  public List<Long> keyFirstSizes() throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT first_tree_size FROM audit_key ORDER BY seq")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  public void insertKey(Connection c, NoteKey key, long firstTreeSize, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_key (verifier_key, first_tree_size, created_at) VALUES (?, ?, ?)")) {
      ps.setString(1, key.verifierKey());
      ps.setLong(2, firstTreeSize);
      ps.setTimestamp(3, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  // --- witnesses -------------------------------------------------------------------------------

  public List<Witness> witnesses() throws SQLException {
    List<Witness> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, name, verifier_key, description, registered_at FROM audit_witness"
                    + " ORDER BY id")) {
      while (rs.next()) {
        out.add(
            new Witness(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()));
      }
    }
    return out;
  }

  /** Every cosignature received, by tree size. */
  public List<Cosignature> cosignatures() throws SQLException {
    List<Cosignature> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT witness_id, tree_size, note, received_at FROM audit_cosignature"
                    + " ORDER BY tree_size, witness_id")) {
      while (rs.next()) {
        out.add(
            new Cosignature(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
      }
    }
    return out;
  }

  /** Each witness's latest cosignature. */
  public List<Cosignature> latestCosignatures() throws SQLException {
    List<Cosignature> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.witness_id, c.tree_size, c.note, c.received_at FROM audit_cosignature c"
                    + " JOIN (SELECT witness_id, MAX(tree_size) AS size FROM audit_cosignature"
                    + " GROUP BY witness_id) m ON m.witness_id = c.witness_id"
                    + " AND m.size = c.tree_size")) {
      while (rs.next()) {
        out.add(
            new Cosignature(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
      }
    }
    return out;
  }

  // --- self-checks -----------------------------------------------------------------------------

  public void insertSelfCheck(SelfCheck check) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO audit_self_check (checked_at, tree_size, entries_checked, sound,"
                    + " failure, duration_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setTimestamp(1, Timestamp.from(check.checkedAt()));
      ps.setLong(2, check.treeSize());
      ps.setLong(3, check.entriesChecked());
      ps.setBoolean(4, check.sound());
      String failure = check.failure();
      ps.setString(
          5, failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 1000));
      ps.setLong(6, check.durationMillis());
      ps.executeUpdate();
    }
  }
}
