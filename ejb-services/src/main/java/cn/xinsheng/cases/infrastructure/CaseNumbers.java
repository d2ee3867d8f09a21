package cn.xinsheng.cases.infrastructure;

import cn.xinsheng.ledger.application.CaseReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cases' side of the ledger's {@link CaseReferences} port: the ledger shows a finding on a case
 * under its number without reading the case tables, and without depending on this context.
 */
@ApplicationScoped
public class CaseNumbers implements CaseReferences {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Map<Long, String> numbers(Collection<Long> caseIds) {
    Map<Long, String> out = new HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    // ids are longs: spliced as numbers, never as text
    String ids = caseIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT id, number FROM reduction_case WHERE id IN (" + ids + ")")
            .getResultList();
    for (Object[] r : rows) {
      out.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    return out;
  }

  @Override
  public Map<Long, String> usedByGrantedCases(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.cycle_id, MIN(k.number) FROM case_cycle x"
                    + " JOIN reduction_case k ON k.id = x.case_id"
                    + " WHERE k.inmate_id = ?1 AND EXISTS (SELECT 1 FROM case_event e"
                    + " WHERE e.case_id = k.id AND e.step = 'RULING' AND e.choice = 'GRANTED')"
                    + " GROUP BY x.cycle_id")
            .setParameter(1, inmateId)
            .getResultList();
    Map<Long, String> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    return out;
  }
}
