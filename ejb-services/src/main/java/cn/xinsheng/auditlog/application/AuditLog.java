package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.domain.AuditEntry;
import cn.xinsheng.auditlog.infrastructure.RecordForms;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Inject Caller caller;
  @Inject BoundRecords bindings;

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
    if (!bound.isEmpty()) {
      List<BoundRecord> records = new ArrayList<>();
      // the rows as the database holds them: the same reading every later check makes
      em.flush();
      for (Bind b : bound) {
        RecordBinding binding = bindings.forms().binding(b.table());
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
            em.createNativeQuery(RecordForms.sql(binding, 1, true))
                .setParameter(1, b.id())
                .getResultList();
        if (rows.size() != 1) {
          throw new IllegalStateException("no row " + b.table() + "/" + b.id() + " to bind");
        }
        records.add(BoundRecord.of(b.table(), b.id(), RecordForms.form(binding, rows.get(0))));
      }
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
    em.persist(entry);
    if (!bound.isEmpty()) {
      em.flush();
      for (Bind b : bound) {
        em.createNativeQuery(
                "INSERT INTO audit_binding (table_name, record_id, entry_id) VALUES (?1, ?2, ?3)")
            .setParameter(1, b.table())
            .setParameter(2, b.id())
            .setParameter(3, entry.getId())
            .executeUpdate();
      }
    }
  }
}
