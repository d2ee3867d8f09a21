package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.application.ConductRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

/** The conduct port on the ledger's own tables (entries, reviews, clauses). */
@ApplicationScoped
public class SqlConductRecords implements ConductRecords {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<Conduct> conductOf(
      long inmateId, LocalDate pointsSince, LocalDate sanctionsSince) {
    long entries = count("SELECT COUNT(*) FROM point_entry WHERE inmate_id = ?1", inmateId, null);
    if (entries == 0) {
      return Optional.empty();
    }
    long points =
        count(
            "SELECT COALESCE(SUM(e.amount_tenths), 0) FROM point_entry e"
                + " JOIN entry_review r ON r.entry_id = e.id AND r.decision = 'APPROVED'"
                + " JOIN rule_clause c ON c.id = e.clause_id"
                + " WHERE e.inmate_id = ?1 AND c.part <> 'SANCTION' AND e.occurred_at >= ?2",
            inmateId,
            Timestamp.valueOf(pointsSince.atStartOfDay()));
    int sanctions =
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
                Timestamp.valueOf(sanctionsSince.atStartOfDay()));
    return Optional.of(new Conduct(points, sanctions));
  }

  private long count(String sql, long inmateId, Timestamp since) {
    var q = em.createNativeQuery(sql).setParameter(1, inmateId);
    if (since != null) {
      q.setParameter(2, since);
    }
    return ((Number) q.getSingleResult()).longValue();
  }
}
