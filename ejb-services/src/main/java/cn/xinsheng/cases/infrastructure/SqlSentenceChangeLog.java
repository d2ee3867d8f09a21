package cn.xinsheng.cases.infrastructure;

import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.SentenceChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The cases' {@code sentence_fact} and {@code sentence_change} rows as the cases write them,
 * through the caller's transaction: {@link SentenceChangeLog} in native SQL (ADR 0013). Rows are
 * only ever inserted. The sentence engine reads and adds to the same tables through its own port
 * ({@link SqlSentenceHistory}).
 */
@ApplicationScoped
public class SqlSentenceChangeLog implements SentenceChangeLog {

  @Inject Clock clock;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public void insertFact(
      long inmateId,
      String kind,
      boolean active,
      LocalDate on,
      Integer months,
      String note,
      String by) {
    em.createNativeQuery(
            "INSERT INTO sentence_fact (inmate_id, kind, active, effective_on, months, note,"
                + " recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, inmateId)
        .setParameter(2, kind)
        .setParameter(3, active)
        .setParameter(4, java.sql.Date.valueOf(on))
        .setParameter(5, months)
        .setParameter(6, note)
        .setParameter(7, by)
        .setParameter(8, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /**
   * A ruling's change of sentence. The inmate's current end is organisation's projection: the
   * service moves it through {@code SentenceRecords} beside this row.
   */
  @Override
  public long insertChange(
      long inmateId,
      long caseId,
      CaseKind kind,
      LocalDate ruledOn,
      int months,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by) {
    em.createNativeQuery(
            "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, previous_end,"
                + " new_end, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, inmateId)
        .setParameter(2, caseId)
        .setParameter(3, kind.name())
        .setParameter(4, java.sql.Date.valueOf(ruledOn))
        .setParameter(5, months)
        .setParameter(6, previousEnd == null ? null : java.sql.Date.valueOf(previousEnd))
        .setParameter(7, newEnd == null ? null : java.sql.Date.valueOf(newEnd))
        .setParameter(8, by)
        .setParameter(9, Timestamp.from(clock.instant()))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  @Override
  public List<Long> changeIdsOfCase(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT id FROM sentence_change WHERE case_id = ?1 ORDER BY id")
            .setParameter(1, caseId)
            .getResultList();
    return ids.stream().map(cn.xinsheng.platform.SqlValues::num).toList();
  }
}
