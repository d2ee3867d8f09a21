package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.EntryReview;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.LedgerCalendar;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.MonthCloses;
import cn.xinsheng.ledger.domain.PointEntries;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.RuleCatalogue;
import cn.xinsheng.ledger.domain.RuleCatalogues;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's reads that every service needs: the current catalogue, an entry's status, a
 * section-month's close and its steps, the working calendar, from the ledger's repositories. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class LedgerRecords {

  @Inject PrisonTime time;
  @Inject PrisonCalendar calendar;
  @Inject PointEntries entries;
  @Inject MonthCloses closes;
  @Inject RuleCatalogues catalogues;

  public RuleCatalogue currentCatalogue(long prisonId) {
    return catalogues
        .current(prisonId)
        .orElseThrow(() -> Refusal.conflict("ledger.error.noCatalogue"));
  }

  public List<RuleClause> clauses(RuleCatalogue catalogue) {
    return catalogues.clauses(catalogue.getId());
  }

  public Optional<RuleClause> clause(RuleCatalogue catalogue, String code) {
    return catalogues.clause(catalogue.getId(), code);
  }

  public RuleClause clause(long id) {
    return catalogues.clause(id);
  }

  public PointEntry entry(long id) {
    return entries.find(id).orElseThrow(() -> Refusal.notFound("ledger.error.unknownEntry"));
  }

  public Optional<EntryReview> review(long entryId) {
    return entries.review(entryId);
  }

  public boolean superseded(long entryId) {
    return entries.superseded(entryId);
  }

  public boolean reversed(long entryId) {
    return entries.reversed(entryId);
  }

  public EntryStatus status(long entryId) {
    return EntryStatus.of(
        review(entryId).map(EntryReview::getDecision).orElse(null), superseded(entryId));
  }

  /** The section-month's current close (the latest computed), if any. */
  public Optional<MonthClose> currentClose(long sectionId, YearMonth month) {
    return closes.current(sectionId, month);
  }

  public Map<String, MonthCloseStep> steps(long closeId) {
    Map<String, MonthCloseStep> steps = new HashMap<>();
    closes.steps(closeId).forEach(s -> steps.put(s.getStep(), s));
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
