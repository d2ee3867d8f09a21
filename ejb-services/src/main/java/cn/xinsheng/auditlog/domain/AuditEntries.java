package cn.xinsheng.auditlog.domain;

import cn.xinsheng.audit.BoundRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log's entries as the services write them and the business records they bind (ADR 0013: the
 * SQL lives in infrastructure). Writes run in the caller's transaction, so a record and its entry
 * commit or roll back together.
 */
public interface AuditEntries {

  /**
   * An entry that binds a record, as a screen's check reads it.
   *
   * @param leafIndex the entry's place in the tree, or -1 while the sequencer has not placed it
   */
  record Binding(long recordId, byte[] leafData, long leafIndex) {}

  /**
   * Records of one table as they are now (by id, in canonical form) and the entries binding them.
   */
  record BoundRows(Map<Long, Map<String, Object>> now, List<Binding> bindings) {}

  /**
   * The record's canonical form as the caller's transaction sees it (its own writes included), the
   * form an entry binds; empty when there is no such row.
   */
  Optional<Map<String, Object>> formInTransaction(String table, long recordId);

  /** Stores the entry and, for each record it binds, the link a record's check finds it by. */
  void append(AuditEntry entry, List<BoundRecord> bound);

  /**
   * The records of the table with these ids and the entries that bound them, read together; throws
   * an unchecked exception when they cannot be read.
   */
  BoundRows boundRows(String table, List<Long> recordIds);
}
