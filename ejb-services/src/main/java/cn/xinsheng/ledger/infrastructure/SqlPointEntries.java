package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.domain.EntryReview;
import cn.xinsheng.ledger.domain.PointEntries;
import cn.xinsheng.ledger.domain.PointEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The ledger's entries and reviews: JPA for the entities, native SQL across the evidence link. */
@ApplicationScoped
public class SqlPointEntries implements PointEntries {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<PointEntry> find(long entryId) {
    return Optional.ofNullable(em.find(PointEntry.class, entryId));
  }

  @Override
  public Optional<EntryReview> review(long entryId) {
    return em.createQuery("SELECT r FROM EntryReview r WHERE r.entryId = :e", EntryReview.class)
        .setParameter("e", entryId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean superseded(long entryId) {
    return em.createQuery("SELECT COUNT(e) FROM PointEntry e WHERE e.supersedesId = :e", Long.class)
            .setParameter("e", entryId)
            .getSingleResult()
        > 0;
  }

  @Override
  public boolean reversed(long entryId) {
    return em.createQuery("SELECT COUNT(e) FROM PointEntry e WHERE e.reversesId = :e", Long.class)
            .setParameter("e", entryId)
            .getSingleResult()
        > 0;
  }

  @Override
  public boolean backsApprovedEntryAbout(long evidenceId, long inmateId) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM point_entry_evidence x JOIN point_entry e"
                            + " ON e.id = x.entry_id JOIN entry_review r ON r.entry_id = e.id"
                            + " AND r.decision = 'APPROVED' WHERE x.evidence_id = ?1"
                            + " AND e.inmate_id = ?2")
                    .setParameter(1, evidenceId)
                    .setParameter(2, inmateId)
                    .getSingleResult())
            .longValue()
        > 0;
  }
}
