package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.date;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.sentence.application.SentenceHistory;
import cn.xinsheng.sentence.domain.ChangeKind;
import cn.xinsheng.sentence.domain.SentenceChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The sentence context's {@link SentenceHistory} on the cases' own tables. */
@ApplicationScoped
public class SqlSentenceHistory implements SentenceHistory {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public List<Change> changes() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.inmate_id, c.kind, c.ruled_on, c.months, c.to_months, s.served_on"
                    + " FROM sentence_change c"
                    + " LEFT JOIN sentence_change_service s ON s.sentence_change_id = c.id"
                    + " WHERE c.kind <> 'PAROLE' ORDER BY c.id")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Change(
                    num(r[0]),
                    new SentenceChange(
                        ChangeKind.valueOf((String) r[1]),
                        date(r[2]),
                        integer(r[3]),
                        integer(r[4]),
                        r[5] == null ? null : date(r[5]))))
        .toList();
  }

  @Override
  public List<Fact> facts() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT inmate_id, kind, active, effective_on, months FROM sentence_fact ORDER BY id")
            .getResultList();
    return rows.stream()
        .map(r -> new Fact(num(r[0]), (String) r[1], bool(r[2]), date(r[3]), integer(r[4])))
        .toList();
  }

  @Override
  public long recordChange(
      long inmateId,
      Long caseId,
      SentenceChange c,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by,
      Instant at) {
    em.createNativeQuery(
            "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, to_months,"
                + " previous_end, new_end, recorded_by, recorded_at)"
                + " VALUES (?1, ?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(10, caseId)
        .setParameter(1, inmateId)
        .setParameter(2, c.kind().name())
        .setParameter(3, java.sql.Date.valueOf(c.on()))
        .setParameter(4, c.months())
        .setParameter(5, c.toMonths())
        .setParameter(6, previousEnd == null ? null : java.sql.Date.valueOf(previousEnd))
        .setParameter(7, newEnd == null ? null : java.sql.Date.valueOf(newEnd))
        .setParameter(8, by)
        .setParameter(9, Timestamp.from(at))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  @Override
  public void recordChangeService(long changeId, LocalDate servedOn, String by, Instant at) {
    em.createNativeQuery(
            "INSERT INTO sentence_change_service (sentence_change_id, served_on, recorded_by,"
                + " recorded_at) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, changeId)
        .setParameter(2, java.sql.Date.valueOf(servedOn))
        .setParameter(3, by)
        .setParameter(4, Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public int recordService(long caseId, LocalDate servedOn, String by, Instant at) {
    return em.createNativeQuery(
            "INSERT INTO sentence_change_service (sentence_change_id, served_on, recorded_by,"
                + " recorded_at) SELECT c.id, ?2, ?3, ?4 FROM sentence_change c"
                + " WHERE c.case_id = ?1 AND c.kind IN ('REDUCTION', 'COMMUTATION_TO_FIXED')"
                + " AND c.ruled_on <= ?2 AND NOT EXISTS (SELECT 1 FROM sentence_change_service s"
                + " WHERE s.sentence_change_id = c.id)")
        .setParameter(1, caseId)
        .setParameter(2, java.sql.Date.valueOf(servedOn))
        .setParameter(3, by)
        .setParameter(4, Timestamp.from(at))
        .executeUpdate();
  }
}
