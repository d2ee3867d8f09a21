package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.domain.Objection;
import cn.xinsheng.ledger.domain.ObjectionStepRecord;
import cn.xinsheng.ledger.domain.Objections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The objections and their steps on the ledger's tables, through JPA. */
@ApplicationScoped
public class SqlObjections implements Objections {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<Objection> find(long objectionId) {
    return Optional.ofNullable(em.find(Objection.class, objectionId));
  }

  @Override
  public void store(Objection objection) {
    em.persist(objection);
    em.flush();
  }

  @Override
  public void store(ObjectionStepRecord step) {
    em.persist(step);
    em.flush();
  }

  @Override
  public List<ObjectionStepRecord> steps(long objectionId) {
    return em.createQuery(
            "SELECT s FROM ObjectionStepRecord s WHERE s.objectionId = :o ORDER BY s.id",
            ObjectionStepRecord.class)
        .setParameter("o", objectionId)
        .getResultList();
  }
}
