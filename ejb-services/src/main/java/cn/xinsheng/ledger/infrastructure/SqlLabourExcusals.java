package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.domain.LabourExcusal;
import cn.xinsheng.ledger.domain.LabourExcusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The excusals from labour and their reviews, in native SQL on the ledger's two tables. */
@ApplicationScoped
public class SqlLabourExcusals implements LabourExcusals {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public long enter(
      long inmateId,
      long sectionId,
      YearMonth from,
      YearMonth to,
      String reason,
      String enteredBy,
      Instant at) {
    em.createNativeQuery(
            "INSERT INTO labour_excusal (inmate_id, section_id, from_month, to_month, reason,"
                + " entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, inmateId)
        .setParameter(2, sectionId)
        .setParameter(3, from.toString())
        .setParameter(4, to == null ? null : to.toString())
        .setParameter(5, reason)
        .setParameter(6, enteredBy)
        .setParameter(7, Timestamp.from(at))
        .executeUpdate();
    // the same connection in the same transaction: the id this INSERT assigned
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  @Override
  public void review(
      long excusalId, String decision, String reason, String reviewedBy, Instant at) {
    em.createNativeQuery(
            "INSERT INTO labour_excusal_review (excusal_id, decision, reason, reviewed_by,"
                + " reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, excusalId)
        .setParameter(2, decision)
        .setParameter(3, reason)
        .setParameter(4, reviewedBy)
        .setParameter(5, Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public Optional<Filed> find(long excusalId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.id, x.inmate_id, x.section_id, x.from_month, x.to_month, x.entered_by,"
                    + " r.decision, r.reviewed_by FROM labour_excusal x"
                    + " LEFT JOIN labour_excusal_review r ON r.excusal_id = x.id WHERE x.id = ?1")
            .setParameter(1, excusalId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Filed(
                    new LabourExcusal(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        YearMonth.parse(r[3].toString()),
                        month(r[4]),
                        (String) r[5],
                        (String) r[6],
                        (String) r[7]),
                    ((Number) r[2]).longValue()));
  }

  @Override
  public List<Line> ofSection(long sectionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.id, x.inmate_id, x.from_month, x.to_month, x.reason, x.entered_by,"
                    + " r.decision, r.reviewed_by, r.reason FROM labour_excusal x"
                    + " LEFT JOIN labour_excusal_review r ON r.excusal_id = x.id"
                    + " WHERE x.section_id = ?1 ORDER BY x.id DESC")
            .setParameter(1, sectionId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Line(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    YearMonth.parse(r[2].toString()),
                    month(r[3]),
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8]))
        .toList();
  }

  private static YearMonth month(Object o) {
    return o == null ? null : YearMonth.parse(o.toString());
  }
}
