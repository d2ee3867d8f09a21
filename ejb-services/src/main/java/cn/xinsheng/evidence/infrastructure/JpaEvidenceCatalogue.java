package cn.xinsheng.evidence.infrastructure;

import cn.xinsheng.evidence.application.EvidenceCatalogue;
import cn.xinsheng.evidence.domain.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The evidence catalogue on the evidence entity. */
@ApplicationScoped
public class JpaEvidenceCatalogue implements EvidenceCatalogue {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Map<Long, FileRef> files(Collection<Long> evidenceIds) {
    Map<Long, FileRef> out = new HashMap<>();
    if (evidenceIds.isEmpty()) {
      return out;
    }
    for (Evidence e :
        em.createQuery("SELECT e FROM Evidence e WHERE e.id IN :ids", Evidence.class)
            .setParameter("ids", evidenceIds)
            .getResultList()) {
      out.put(
          e.getId(), new FileRef(e.getId(), e.getSectionId(), e.getOriginalName(), e.getSha256()));
    }
    return out;
  }
}
