package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.application.MusicGrades;
import cn.xinsheng.readiness.application.RiskFactSource;
import cn.xinsheng.readiness.application.ScenarioCatalogue;
import cn.xinsheng.readiness.domain.PlatformFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The platform's facts for a risk assessment, read in the caller's transaction: the inmate's
 * offence category and sentence (organisation), the sentence record in force (cases: 累犯), the
 * approved ledger entries (points and sanctions), confirmed education credits (learning), this
 * context's own simulation attempts, and music through its extension point. Read-only queries over
 * records those contexts keep append-only; nothing is written.
 */
@ApplicationScoped
public class RiskFactSql implements RiskFactSource {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Inject ScenarioCatalogue catalogue;
  @Inject Instance<MusicGrades> music;

  @Override
  public PlatformFacts factsOf(long inmateId, LocalDate today) {
    Object[] inmate =
        (Object[])
            em.createNativeQuery(
                    "SELECT offence_category, sentence_months, life_sentence FROM inmate WHERE id = ?1")
                .setParameter(1, inmateId)
                .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object> recidivist =
        em.createNativeQuery(
                "SELECT recidivist FROM sentence_record WHERE inmate_id = ?1 ORDER BY id DESC"
                    + " LIMIT 1")
            .setParameter(1, inmateId)
            .getResultList();
    long entries = count("SELECT COUNT(*) FROM point_entry WHERE inmate_id = ?1", inmateId, null);
    Long points = null;
    Integer sanctions = null;
    if (entries > 0) {
      // approved entries only; a correction is an approved entry of its own with the opposite
      // amount, so summing approved amounts leaves a reversed entry out
      Object sum =
          em.createNativeQuery(
                  "SELECT COALESCE(SUM(e.amount_tenths), 0) FROM point_entry e"
                      + " JOIN entry_review r ON r.entry_id = e.id AND r.decision = 'APPROVED'"
                      + " JOIN rule_clause c ON c.id = e.clause_id"
                      + " WHERE e.inmate_id = ?1 AND c.part <> 'SANCTION' AND e.occurred_at >= ?2")
              .setParameter(1, inmateId)
              .setParameter(2, Timestamp.valueOf(today.minusMonths(12).atStartOfDay()))
              .getSingleResult();
      points = ((Number) sum).longValue();
      sanctions =
          (int)
              count(
                  "SELECT COUNT(*) FROM point_entry e"
                      + " JOIN entry_review r ON r.entry_id = e.id AND r.decision = 'APPROVED'"
                      + " JOIN rule_clause c ON c.id = e.clause_id"
                      + " WHERE e.inmate_id = ?1 AND c.part = 'SANCTION' AND e.reverses_id IS NULL"
                      + " AND e.occurred_at >= ?2 AND NOT EXISTS (SELECT 1 FROM point_entry x"
                      + " JOIN entry_review xr ON xr.entry_id = x.id AND xr.decision = 'APPROVED'"
                      + " WHERE x.reverses_id = e.id)",
                  inmateId,
                  Timestamp.valueOf(today.minusMonths(24).atStartOfDay()));
    }
    int credits =
        (int) count("SELECT COUNT(*) FROM education_credit WHERE inmate_id = ?1", inmateId, null);
    int tried =
        (int)
            count(
                "SELECT COUNT(DISTINCT scenario_id) FROM scenario_attempt WHERE inmate_id = ?1",
                inmateId,
                null);
    int passed =
        (int)
            count(
                "SELECT COUNT(DISTINCT scenario_id) FROM scenario_attempt WHERE inmate_id = ?1"
                    + " AND passed = TRUE",
                inmateId,
                null);
    Boolean graded = null;
    if (music.isResolvable()) {
      Optional<Boolean> g = music.get().passedAGrade(inmateId);
      graded = g.orElse(null);
    }
    return new PlatformFacts(
        (String) inmate[0],
        inmate[1] == null ? null : ((Number) inmate[1]).intValue(),
        bool(inmate[2]),
        recidivist.isEmpty() ? null : bool(recidivist.get(0)),
        points,
        sanctions,
        credits,
        catalogue.all().size(),
        tried,
        passed,
        graded);
  }

  @Override
  public String prisonerNumber(long inmateId) {
    return (String)
        em.createNativeQuery("SELECT prisoner_number FROM inmate WHERE id = ?1")
            .setParameter(1, inmateId)
            .getSingleResult();
  }

  private long count(String sql, long inmateId, Timestamp since) {
    var q = em.createNativeQuery(sql).setParameter(1, inmateId);
    if (since != null) {
      q.setParameter(2, since);
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  private static boolean bool(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    return o != null && ((Number) o).intValue() != 0;
  }
}
