package cn.xinsheng.identity.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.ReadEvent;
import cn.xinsheng.identity.domain.ReadSubject;
import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records every read by an external reader, in its own transaction before the page is served: if
 * the record cannot be written, the read does not happen. (The tamper-evident audit log will take
 * these over; until then they are rows the application cannot change or delete.)
 */
@Stateless
@PermitAll
public class ReadLog {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Inject AuditLog auditLog;

  @Inject Clock clock;

  public static boolean isLogged(Set<Role> roles) {
    return roles.stream().anyMatch(Role::isExternal);
  }

  public void recordRead(String username, Set<Role> roles, String method, String path) {
    recordRead(username, roles, method, path, null);
  }

  /**
   * Records a read with what it was about (issue 14, finding 7): the case or inmate its path or
   * query names, and the query itself. {@code path} is the page the container serves.
   */
  public void recordRead(
      String username, Set<Role> roles, String method, String path, String query) {
    String names = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    java.time.Instant now = clock.instant();
    ReadSubject subject = ReadSubject.of(path, query);
    em.persist(
        new ReadEvent(
            now, username, names, method, path, subject.query(), subject.name().orElse(null)));
    auditLog.append(
        new AuditEvent(username, names, "read", path, subject.payload(method), List.of(), now));
  }
}
