package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.domain.AuditEntry;
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
import java.util.List;
import java.util.Map;

/**
 * The one way into the audit log. The entry is written in the caller's transaction (it must have
 * one), so a business record and its audit entry commit or roll back together: an acknowledged
 * record always has its leaf. The sequencer gives it its place in the tree within a second.
 */
@Stateless
@PermitAll
public class AuditLog {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Inject Caller caller;

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
    append(
        new AuditEvent(
            caller.name(), caller.rolesText(), action, subject, payload, evidenceSha256, at));
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(AuditEvent event) {
    byte[] data = event.canonicalBytes();
    em.persist(
        new AuditEntry(
            data,
            MerkleTree.leafHash(data),
            clock.instant(),
            event.subject(),
            event.inmate().filter(n -> n.length() <= 10).orElse(null)));
  }
}
