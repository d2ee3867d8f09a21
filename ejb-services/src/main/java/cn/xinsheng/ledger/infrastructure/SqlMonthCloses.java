package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.LabourExcusal;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.MonthCloses;
import cn.xinsheng.ledger.domain.MonthResult;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.ScoredItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The month closes on the ledger's tables: JPA for the close's rows, native SQL for its reads. */
@ApplicationScoped
public class SqlMonthCloses implements MonthCloses {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<MonthClose> find(long closeId) {
    return Optional.ofNullable(em.find(MonthClose.class, closeId));
  }

  @Override
  public Optional<MonthClose> current(long sectionId, YearMonth month) {
    return em.createQuery(
            "SELECT c FROM MonthClose c WHERE c.sectionId = :s AND c.month = :m ORDER BY c.id DESC",
            MonthClose.class)
        .setParameter("s", sectionId)
        .setParameter("m", month.toString())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<MonthCloseStep> steps(long closeId) {
    return em.createQuery(
            "SELECT s FROM MonthCloseStep s WHERE s.closeId = :c", MonthCloseStep.class)
        .setParameter("c", closeId)
        .getResultList();
  }

  @Override
  public void store(MonthClose close) {
    em.persist(close);
    em.flush();
  }

  @Override
  public void store(MonthResult result) {
    em.persist(result);
  }

  @Override
  public void store(MonthCloseStep step) {
    em.persist(step);
  }

  @Override
  public List<MonthResult> completingCycles(long closeId) {
    return em.createQuery(
            "SELECT r FROM MonthResult r WHERE r.closeId = :c AND r.cyclesClosed > 0",
            MonthResult.class)
        .setParameter("c", closeId)
        .getResultList();
  }

  @Override
  public long openEntries(long sectionId, YearMonth month) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM point_entry e LEFT JOIN entry_review r ON r.entry_id = e.id"
                        + " WHERE e.section_id = ?1 AND e.month = ?2"
                        + " AND (r.id IS NULL OR r.decision = 'RETURNED')"
                        + " AND NOT EXISTS (SELECT 1 FROM point_entry n WHERE n.supersedes_id = e.id)")
                .setParameter(1, sectionId)
                .setParameter(2, month.toString())
                .getSingleResult())
        .longValue();
  }

  @Override
  public Map<Long, List<ScoredItem>> approvedItems(long sectionId, YearMonth month) {
    Map<Long, List<ScoredItem>> out = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT e.id, e.inmate_id, c.part, e.amount_tenths, e.reverses_id FROM point_entry e"
                    + " JOIN entry_review r ON r.entry_id = e.id AND r.decision = 'APPROVED'"
                    + " JOIN rule_clause c ON c.id = e.clause_id"
                    + " WHERE e.section_id = ?1 AND e.month = ?2")
            .setParameter(1, sectionId)
            .setParameter(2, month.toString())
            .getResultList();
    for (Object[] row : rows) {
      out.computeIfAbsent(((Number) row[1]).longValue(), k -> new ArrayList<>())
          .add(
              new ScoredItem(
                  ((Number) row[0]).longValue(),
                  AssessmentPart.valueOf(row[2].toString()),
                  new Points(((Number) row[3]).longValue()),
                  row[4] != null));
    }
    return out;
  }

  @Override
  public Map<Long, LockedBalance> lockedBalances(Collection<Long> inmateIds, YearMonth month) {
    Map<Long, LockedBalance> out = new HashMap<>();
    for (List<Long> chunk : chunks(inmateIds)) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT r.inmate_id, r.balance_tenths, r.cycle_carry_tenths FROM month_result r"
                      + " JOIN month_close c ON c.id = r.close_id"
                      + " JOIN month_close_step s ON s.close_id = c.id AND s.step = 'LOCKED'"
                      + " WHERE r.inmate_id IN ("
                      + inList(chunk)
                      + ") AND c.month < ?1 ORDER BY c.month, r.id")
              .setParameter(1, month.toString())
              .getResultList();
      // ordered by month: an inmate's last locked month is the one left in the map
      for (Object[] row : rows) {
        out.put(
            ((Number) row[0]).longValue(),
            new LockedBalance(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
      }
    }
    return out;
  }

  @Override
  public Map<Long, Long> specialCountedThisYear(Collection<Long> inmateIds, YearMonth month) {
    Map<Long, Long> out = new HashMap<>();
    for (List<Long> chunk : chunks(inmateIds)) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT r.inmate_id, SUM(r.special_tenths) FROM month_result r"
                      + " JOIN month_close c ON c.id = r.close_id"
                      + " JOIN month_close_step s ON s.close_id = c.id AND s.step = 'LOCKED'"
                      + " WHERE r.inmate_id IN ("
                      + inList(chunk)
                      + ") AND c.month < ?1 AND c.month >= ?2"
                      + " GROUP BY r.inmate_id")
              .setParameter(1, month.toString())
              .setParameter(2, month.getYear() + "-01")
              .getResultList();
      for (Object[] row : rows) {
        out.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
      }
    }
    return out;
  }

  @Override
  public Map<Long, List<LabourExcusal>> approvedExcusals(long sectionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.id, x.inmate_id, x.from_month, x.to_month, x.entered_by, r.decision,"
                    + " r.reviewed_by FROM labour_excusal x"
                    + " JOIN labour_excusal_review r ON r.excusal_id = x.id"
                    + " WHERE x.section_id = ?1 AND r.decision = 'APPROVED'")
            .setParameter(1, sectionId)
            .getResultList();
    Map<Long, List<LabourExcusal>> out = new HashMap<>();
    for (Object[] r : rows) {
      LabourExcusal e =
          new LabourExcusal(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              YearMonth.parse(r[2].toString()),
              r[3] == null ? null : YearMonth.parse(r[3].toString()),
              (String) r[4],
              (String) r[5],
              (String) r[6]);
      out.computeIfAbsent(e.inmateId(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }

  @Override
  public long openObjections(long sectionId, String month) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM objection o LEFT JOIN point_entry e ON e.id = o.entry_id"
                        + " WHERE o.section_id = ?1 AND (o.month = ?2 OR e.month = ?2)"
                        + " AND NOT EXISTS (SELECT 1 FROM objection_step s"
                        + " WHERE s.objection_id = o.id AND s.step = 'CLOSE')")
                .setParameter(1, sectionId)
                .setParameter(2, month)
                .getSingleResult())
        .longValue();
  }

  /** Ids in slices a statement takes (ids are longs: spliced as numbers, never as text). */
  static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = List.copyOf(ids);
    List<List<Long>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 1000) {
      out.add(all.subList(from, Math.min(all.size(), from + 1000)));
    }
    return out;
  }

  static String inList(Collection<Long> ids) {
    return ids.isEmpty()
        ? "-1"
        : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
