package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.EntryReview;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.LedgerCalendar;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.RuleCatalogue;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's reads that every service needs: the current catalogue, an entry's status, a
 * section-month's close and its steps, the working calendar. Runs in the caller's transaction.
 */
@ApplicationScoped
public class LedgerRecords {

  @Inject PrisonTime time;
  @Inject PrisonCalendar calendar;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  public RuleCatalogue currentCatalogue(long prisonId) {
    return em.createNamedQuery("RuleCatalogue.latest", RuleCatalogue.class)
        .setParameter("prison", prisonId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refusal.conflict("ledger.error.noCatalogue"));
  }

  public List<RuleClause> clauses(RuleCatalogue catalogue) {
    return em.createNamedQuery("RuleClause.ofCatalogue", RuleClause.class)
        .setParameter("catalogue", catalogue.getId())
        .getResultList();
  }

  public Optional<RuleClause> clause(RuleCatalogue catalogue, String code) {
    return em.createNamedQuery("RuleClause.byCode", RuleClause.class)
        .setParameter("catalogue", catalogue.getId())
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  public RuleClause clause(long id) {
    return em.find(RuleClause.class, id);
  }

  public PointEntry entry(long id) {
    PointEntry e = em.find(PointEntry.class, id);
    if (e == null) {
      throw Refusal.notFound("ledger.error.unknownEntry");
    }
    return e;
  }

  public Optional<EntryReview> review(long entryId) {
    return em.createQuery("SELECT r FROM EntryReview r WHERE r.entryId = :e", EntryReview.class)
        .setParameter("e", entryId)
        .getResultStream()
        .findFirst();
  }

  public boolean superseded(long entryId) {
    return em.createQuery("SELECT COUNT(e) FROM PointEntry e WHERE e.supersedesId = :e", Long.class)
            .setParameter("e", entryId)
            .getSingleResult()
        > 0;
  }

  public boolean reversed(long entryId) {
    return em.createQuery("SELECT COUNT(e) FROM PointEntry e WHERE e.reversesId = :e", Long.class)
            .setParameter("e", entryId)
            .getSingleResult()
        > 0;
  }

  public EntryStatus status(long entryId) {
    return EntryStatus.of(
        review(entryId).map(EntryReview::getDecision).orElse(null), superseded(entryId));
  }

  /** The section-month's current close (the latest computed), if any. */
  public Optional<MonthClose> currentClose(long sectionId, YearMonth month) {
    return em.createQuery(
            "SELECT c FROM MonthClose c WHERE c.sectionId = :s AND c.month = :m ORDER BY c.id DESC",
            MonthClose.class)
        .setParameter("s", sectionId)
        .setParameter("m", month.toString())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Map<String, MonthCloseStep> steps(long closeId) {
    Map<String, MonthCloseStep> steps = new HashMap<>();
    em.createQuery("SELECT s FROM MonthCloseStep s WHERE s.closeId = :c", MonthCloseStep.class)
        .setParameter("c", closeId)
        .getResultList()
        .forEach(s -> steps.put(s.getStep(), s));
    return steps;
  }

  /** Published or locked: no more entries, no recomputation. */
  public boolean isClosedForEntries(long sectionId, YearMonth month) {
    return currentClose(sectionId, month)
        .map(c -> steps(c.getId()))
        .map(s -> s.containsKey("PUBLISHED") || s.containsKey("LOCKED"))
        .orElse(false);
  }

  public boolean isLocked(long sectionId, YearMonth month) {
    return currentClose(sectionId, month)
        .map(c -> steps(c.getId()).containsKey("LOCKED"))
        .orElse(false);
  }

  /** The ledger's dates on the prison's calendar, now. */
  public LedgerCalendar ledgerCalendar() {
    return new LedgerCalendar(time, calendar());
  }

  public WorkingCalendar calendar() {
    return calendar.calendar();
  }
}
