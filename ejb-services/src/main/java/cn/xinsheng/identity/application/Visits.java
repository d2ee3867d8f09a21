package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the caller last visited before this visit (issue 18, item 3: an external reader's home says
 * what is new since then). A visit is a login: the identity log already holds every one, so the
 * previous successful login is the last visit and nothing new is stored to know it.
 */
@Stateless
@RolesAllowed({
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.LAWYER_NAME,
  Role.BUREAU_NAME,
  Role.HIGH_JUDGE_NAME
})
public class Visits {

  @Inject Caller caller;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** The login before the current one; empty on a first visit. */
  public Optional<Instant> previousVisit() {
    List<Instant> rows =
        em.createQuery(
                "SELECT e.occurredAt FROM IdentityEvent e WHERE e.subject = :who AND e.kind = :kind"
                    + " ORDER BY e.id DESC",
                Instant.class)
            .setParameter("who", caller.name())
            .setParameter("kind", IdentityEvent.Kind.LOGIN_SUCCEEDED.name())
            .setFirstResult(1)
            .setMaxResults(1)
            .getResultList();
    return rows.stream().findFirst();
  }
}
