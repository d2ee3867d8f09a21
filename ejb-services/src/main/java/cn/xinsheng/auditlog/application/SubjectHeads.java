package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.auditlog.infrastructure.AuditExporter;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the head that ends an export of one subject and waits until a checkpoint signs it: the
 * head is the last leaf of that checkpoint (the sequencer cuts there), so the export proves that
 * nothing about the subject lies after it. Used by the inmate's export and the case package; both
 * check the caller's right to the export first.
 */
@Stateless
@PermitAll
public class SubjectHeads {

  private static final long SIGN_WAIT_MILLIS = 30_000;

  @Inject java.time.Clock clock;
  @Inject AuditSequencer sequencer;
  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Resource SessionContext context;

  /**
   * The head's leaf index, once signed. An inmate the log knows nothing about is refused (404);
   * while the log fails its self-check, nothing is signed, and the refusal says why (409).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long head(String prisonerNumber) {
    if (!sequencer.knowsSubject("inmate/" + prisonerNumber)) {
      throw Refusal.notFound("audit.error.unknownSubject");
    }
    requireSound();
    String marker = context.getBusinessObject(SubjectHeads.class).write(prisonerNumber);
    long deadline = System.currentTimeMillis() + SIGN_WAIT_MILLIS;
    try {
      while (true) {
        Optional<Long> index = sequencer.store().signedLeafOf(marker);
        if (index.isPresent()) {
          return index.get();
        }
        requireSound();
        if (System.currentTimeMillis() > deadline) {
          throw Refusal.conflict("audit.error.headNotSigned");
        }
        Thread.sleep(200);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log cannot be read: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The real reason nothing can be signed, when the log is broken. */
  private void requireSound() {
    String failure = sequencer.selfCheckFailure();
    if (failure != null) {
      throw Refusal.conflict("audit.error.broken", failure);
    }
  }

  /** The head entry, in a transaction of its own so that the sequencer can take it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String write(String prisonerNumber) {
    String marker = "subject-head/" + UUID.randomUUID();
    try {
      AuditStore store = sequencer.store();
      AuditEvent head =
          AuditExporter.headEvent(
              caller.name(),
              caller.rolesText(),
              prisonerNumber,
              marker,
              store.witnesses(),
              store.latestCosignatures(),
              clock.instant());
      auditLog.append(head);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log cannot be read: " + e.getMessage(), e);
    }
    return marker;
  }
}
