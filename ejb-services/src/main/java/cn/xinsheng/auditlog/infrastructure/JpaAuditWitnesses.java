package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.auditlog.domain.AuditWitness;
import cn.xinsheng.auditlog.domain.AuditWitnesses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The witnesses through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaAuditWitnesses implements AuditWitnesses {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public boolean taken(String name, String verifierKey) {
    return em.createQuery(
                "SELECT COUNT(w) FROM AuditWitness w WHERE w.name = :n OR w.verifierKey = :k",
                Long.class)
            .setParameter("n", name)
            .setParameter("k", verifierKey)
            .getSingleResult()
        > 0;
  }

  @Override
  public void store(AuditWitness witness) {
    em.persist(witness);
  }
}
