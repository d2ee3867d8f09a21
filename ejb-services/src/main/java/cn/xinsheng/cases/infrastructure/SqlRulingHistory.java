package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.platform.SqlValues.date;

import cn.xinsheng.cases.application.RulingHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The cases' {@link RulingHistory} on their own tables: the sentence's changes and the cases. */
@ApplicationScoped
public class SqlRulingHistory implements RulingHistory {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public List<Ruling> of(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT s.kind, c.number, s.ruled_on, s.months, s.previous_end, s.new_end"
                    + " FROM sentence_change s LEFT JOIN reduction_case c ON c.id = s.case_id"
                    + " WHERE s.inmate_id = ?1 ORDER BY s.ruled_on, s.id")
            .setParameter(1, inmateId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Ruling(
                    (String) r[0],
                    (String) r[1],
                    date(r[2]),
                    r[3] == null ? 0 : ((Number) r[3]).intValue(),
                    date(r[4]),
                    date(r[5])))
        .toList();
  }

  @Override
  public boolean paroleProposed(long inmateId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM reduction_case WHERE inmate_id = ?1 AND kind = 'PAROLE'")
                .setParameter(1, inmateId)
                .getSingleResult();
    return n.longValue() > 0;
  }
}
