package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.domain.AuditEntries;
import cn.xinsheng.auditlog.domain.AuditEntry;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way into the audit log. The entry is written in the caller's transaction (it must have
 * one), so a business record and its audit entry commit or roll back together: an acknowledged
 * record always has its leaf. The sequencer gives it its place in the tree within a second.
 *
 * <p>An event may bind the business records it reports ({@link Bind}): the log reads each row back
 * in its canonical form through the context's {@link RecordBinding}, in this transaction, and
 * stores the form's SHA-256 in the entry.
 */
@Stateless
@PermitAll
public class AuditLog {

  @Inject AuditEntries entries;
  @Inject Caller caller;

  /** A business record to bind: its table and id. */
  public record Bind(String table, long id) {
    public static Bind of(String table, long id) {
      return new Bind(table, id);
    }
  }

  /** The platform's clock: a leaf's time is the time its business record carries. */
  @Inject Clock clock;

  /**
   * An event by the caller, named and with the roles the container authenticated (never a name a
   * page could pass in), at this moment.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      String action, String subject, Map<String, Object> payload, List<String> evidenceSha256) {
    record(action, subject, payload, evidenceSha256, clock.instant());
  }

  /** The same, at the time the business record it covers carries. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      String action,
      String subject,
      Map<String, Object> payload,
      List<String> evidenceSha256,
      Instant at) {
    record(action, subject, payload, evidenceSha256, at, List.of());
  }

  /** The same, binding the business records the event reports (written in this transaction). */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      String action,
      String subject,
      Map<String, Object> payload,
      List<String> evidenceSha256,
      Instant at,
      List<Bind> bound) {
    append(
        new AuditEvent(
            caller.name(), caller.rolesText(), action, subject, payload, evidenceSha256, at),
        bound);
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(AuditEvent event) {
    append(event, List.of());
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(AuditEvent event, List<Bind> bound) {
    List<BoundRecord> records = new ArrayList<>();
    for (Bind b : bound) {
      Map<String, Object> form =
          entries
              .formInTransaction(b.table(), b.id())
              .orElseThrow(
                  () ->
                      new IllegalStateException("no row " + b.table() + "/" + b.id() + " to bind"));
      records.add(BoundRecord.of(b.table(), b.id(), form));
    }
    if (!records.isEmpty()) {
      event = event.binding(records);
    }
    byte[] data = event.canonicalBytes();
    AuditEntry entry =
        new AuditEntry(
            data,
            MerkleTree.leafHash(data),
            clock.instant(),
            event.subject(),
            event.inmate().filter(n -> n.length() <= 10).orElse(null));
    entries.append(entry, records);
  }
}
