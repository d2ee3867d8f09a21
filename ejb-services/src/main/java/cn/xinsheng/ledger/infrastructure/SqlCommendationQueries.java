package cn.xinsheng.ledger.infrastructure;

import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.ledger.application.CommendationQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The commendation port on the ledger's own tables. */
@ApplicationScoped
public class SqlCommendationQueries implements CommendationQueries {

  private static final String CYCLE_SELECT =
      "SELECT c.id, c.number, c.first_month, c.closed_month, d.result, d.reason, d.decided_by";

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public List<Cycle> commendations(long inmateId) {
    return toCycles(
        em.createNativeQuery(
                CYCLE_SELECT
                    + " FROM assessment_cycle c JOIN cycle_decision d ON d.cycle_id = c.id"
                    + " WHERE c.inmate_id = ?1 AND d.result IN ('PRAISE','MATERIAL') ORDER BY c.number")
            .setParameter(1, inmateId)
            .getResultList());
  }

  @Override
  public List<Cycle> cycles(Collection<Long> cycleIds) {
    if (cycleIds.isEmpty()) {
      return List.of();
    }
    // ids are longs: spliced as numbers, never as text
    String ids = cycleIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    return toCycles(
        em.createNativeQuery(
                CYCLE_SELECT
                    + " FROM assessment_cycle c LEFT JOIN cycle_decision d ON d.cycle_id = c.id"
                    + " WHERE c.id IN ("
                    + ids
                    + ") ORDER BY c.number")
            .getResultList());
  }

  private static List<Cycle> toCycles(List<?> rows) {
    List<Cycle> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] c = (Object[]) row;
      out.add(
          new Cycle(
              num(c[0]),
              integer(c[1]),
              (String) c[2],
              (String) c[3],
              (String) c[4],
              (String) c[5],
              (String) c[6]));
    }
    return out;
  }

  @Override
  public List<EntryLine> entries(long inmateId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT e.id, e.month, k.code, e.amount_tenths, e.fact, e.recorded_by,"
                    + " r.decision, r.reviewed_by, r.reason,"
                    + " (SELECT GROUP_CONCAT(x.evidence_id ORDER BY x.evidence_id)"
                    + "  FROM point_entry_evidence x WHERE x.entry_id = e.id), e.reverses_id, e.supersedes_id"
                    + " FROM point_entry e JOIN rule_clause k ON k.id = e.clause_id"
                    + " LEFT JOIN entry_review r ON r.entry_id = e.id"
                    + " WHERE e.inmate_id = ?1 ORDER BY e.month, e.id")
            .setParameter(1, inmateId)
            .getResultList();
    List<EntryLine> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] e = (Object[]) row;
      out.add(
          new EntryLine(
              num(e[0]),
              (String) e[1],
              (String) e[2],
              num(e[3]),
              (String) e[4],
              (String) e[5],
              (String) e[6],
              (String) e[7],
              (String) e[8],
              e[9] == null ? "" : e[9].toString(),
              e[10] == null ? null : num(e[10]),
              e[11] == null ? null : num(e[11])));
    }
    return out;
  }

  @Override
  public Set<Long> praisedInmates() {
    Set<Long> out = new HashSet<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT DISTINCT c.inmate_id FROM assessment_cycle c"
                    + " JOIN cycle_decision d ON d.cycle_id = c.id WHERE d.result = 'PRAISE'")
            .getResultList()) {
      out.add(num(o));
    }
    return out;
  }
}
