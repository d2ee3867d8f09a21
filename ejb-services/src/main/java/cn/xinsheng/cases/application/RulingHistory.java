package cn.xinsheng.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The courts' rulings on an inmate's sentence as other contexts may read them (issue 20: the
 * release plan counts down to the date rulings move, and the handover lists them): each granted
 * reduction, commutation or parole, and whether a parole case is under way. Answers in the caller's
 * transaction; the caller's service decides who may see the inmate.
 */
@ApplicationScoped
public class RulingHistory {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /**
   * One change of the sentence by a ruling, oldest first: a case's ruling, or one the
   * penalty-execution department entered from the court's papers (no case number then).
   */
  public record Ruling(
      String kind,
      String caseNumber,
      LocalDate ruledOn,
      int months,
      LocalDate previousEnd,
      LocalDate newEnd) {}

  @SuppressWarnings("unchecked")
  public List<Ruling> of(long inmateId) {
    List<Ruling> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT s.kind, c.number, s.ruled_on, s.months, s.previous_end, s.new_end"
                        + " FROM sentence_change s LEFT JOIN reduction_case c ON c.id = s.case_id"
                        + " WHERE s.inmate_id = ?1 ORDER BY s.ruled_on, s.id")
                .setParameter(1, inmateId)
                .getResultList()) {
      out.add(
          new Ruling(
              (String) r[0],
              (String) r[1],
              date(r[2]),
              r[3] == null ? 0 : ((Number) r[3]).intValue(),
              date(r[4]),
              date(r[5])));
    }
    return out;
  }

  /** Whether a parole case was ever proposed for the inmate (his plan then holds parole items). */
  public boolean paroleProposed(long inmateId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM reduction_case WHERE inmate_id = ?1 AND kind = 'PAROLE'")
                .setParameter(1, inmateId)
                .getSingleResult();
    return n.longValue() > 0;
  }

  private static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return (LocalDate) o;
  }
}
