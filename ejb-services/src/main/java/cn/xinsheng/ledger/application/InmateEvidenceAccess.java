package cn.xinsheng.ledger.application;

import cn.xinsheng.evidence.application.InmateEvidenceRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** An inmate may open evidence that backs an approved entry about him (in kinds he may see). */
@ApplicationScoped
public class InmateEvidenceAccess implements InmateEvidenceRule {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public boolean backsAnEntryAbout(long evidenceId, long inmateId) {
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
