package cn.xinsheng.readiness.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, in its own committed transaction, that a handover package was read: the entry is in the
 * person's chain before his head is written, so the package the office receives shows its own read,
 * and the prison sees every read of a handover.
 */
@Stateless
@RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.COMMUNITY_CORRECTIONS_NAME})
public class HandoverLog {

  @Inject AuditLog auditLog;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void read(String prisonerNumber, long handoverId, String what) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("handover", handoverId);
    p.put("read", what);
    auditLog.record("readiness.handover.read", "handover/" + handoverId, p, List.of());
  }
}
