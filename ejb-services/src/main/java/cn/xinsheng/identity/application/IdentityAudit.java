package cn.xinsheng.identity.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts each identity event into the tamper-evident log, in the same transaction as its row. */
@ApplicationScoped
public class IdentityAudit {

  @Inject AuditLog auditLog;

  void append(IdentityEvent event, Set<Role> actorRoles) {
    String roles =
        actorRoles.isEmpty()
            ? "NONE"
            : actorRoles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    Map<String, Object> payload = new LinkedHashMap<>();
    if (event.getDetail() != null) {
      payload.put("detail", event.getDetail());
    }
    auditLog.append(
        new AuditEvent(
            event.getActor() == null ? event.getSubject() : event.getActor(),
            roles,
            "identity." + event.getKind().name(),
            event.getSubject(),
            payload,
            List.of(),
            event.getOccurredAt()));
  }
}
