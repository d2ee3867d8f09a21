package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.LogVerifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The audit tables, by plain JDBC: the sequencer writes leaves in batches. */
public final class AuditStore {

  /** An entry not yet in the tree. */
  public record Pending(long entryId, byte[] leafHash) {}

  private final DataSource dataSource;

  public AuditStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Entries not yet in the tree, oldest first. Found by absence rather than by "id above the last",
   * so an entry whose transaction committed late is still taken.
   */
  public List<Pending> pending(Connection c, int limit) throws SQLException {
    List<Pending> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.id, e.leaf_hash FROM audit_entry e LEFT JOIN audit_leaf l"
                + " ON l.entry_id = e.id WHERE l.entry_id IS NULL ORDER BY e.id LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Pending(rs.getLong(1), rs.getBytes(2)));
        }
      }
    }
    return out;
  }

  public void insertLeaves(Connection c, long firstIndex, List<Pending> pending)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) VALUES (?, ?, ?)")) {
      long index = firstIndex;
      for (Pending p : pending) {
        ps.setLong(1, index++);
        ps.setLong(2, p.entryId());
        ps.setBytes(3, p.leafHash());
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

  public Optional<String> latestCheckpoint() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** Every leaf with its data, as stored, in index order: what the self-check reads. */
  public List<LogVerifier.StoredLeaf> storedLeaves() throws SQLException {
    return leaves(0, Long.MAX_VALUE);
  }

  public List<LogVerifier.StoredLeaf> leaves(long start, long end) throws SQLException {
    List<LogVerifier.StoredLeaf> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT l.leaf_index, e.leaf_data, l.leaf_hash FROM audit_leaf l"
                    + " JOIN audit_entry e ON e.id = l.entry_id"
                    + " WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index")) {
      ps.setLong(1, start);
      ps.setLong(2, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LogVerifier.StoredLeaf(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
        }
      }
    }
    return out;
  }
}
