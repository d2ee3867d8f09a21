package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.domain.AuditEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

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

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(AuditEvent event) {
    byte[] data = event.canonicalBytes();
    em.persist(
        new AuditEntry(
            data,
            MerkleTree.leafHash(data),
            Instant.now(),
            event.subject(),
            event.inmate().filter(n -> n.length() <= 10).orElse(null)));
  }
}
