package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.AssessmentCycle;
import cn.xinsheng.ledger.domain.AssessmentCycles;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.MonthCloses;
import cn.xinsheng.ledger.domain.MonthResult;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.InmateRepository;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a computed month close ({@link MonthComputation}): approved by a reviewer who did
 * not compute it, published (公示) to the section's inmates for an objection window of working days,
 * then locked. Locking closes the 600-point cycles the month completed; a reviewer grades them
 * ({@link CycleGrading}).
 */
@Stateless
public class MonthCloseSteps {

  @Inject LedgerRecords records;
  @Inject MonthCloses closes;
  @Inject AssessmentCycles cycles;
  @Inject LedgerSettings settings;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject InmateRepository inmates;
  @Inject PrisonTime time;

  /**
   * The next step of a close, by the role that takes it: a reviewer approves, an officer publishes
   * and locks. The close is looked up first, so a close outside the caller's sections is as if it
   * did not exist.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public String advance(long closeId, String step) {
    current(closeId);
    boolean reviewer = caller.has(Role.REVIEWER);
    boolean officer = caller.has(Role.OFFICER);
    switch (step == null ? "" : step) {
      case "APPROVED" -> {
        if (!reviewer) {
          throw Refusal.forbidden("ledger.error.stepRole", step);
        }
        approve(closeId);
        return "APPROVED";
      }
      case "PUBLISHED" -> {
        if (!officer) {
          throw Refusal.forbidden("ledger.error.stepRole", step);
        }
        return "PUBLISHED " + publish(closeId);
      }
      case "LOCKED" -> {
        if (!officer) {
          throw Refusal.forbidden("ledger.error.stepRole", step);
        }
        return "LOCKED " + lock(closeId);
      }
      default -> throw Refusal.invalid("ledger.error.step", String.valueOf(step));
    }
  }

  @RolesAllowed(Role.REVIEWER_NAME)
  public void approve(long closeId) {
    MonthClose close = current(closeId);
    if (close.getComputedBy().equals(caller.name())) {
      throw Refusal.forbidden("ledger.error.ownClose");
    }
    Map<String, MonthCloseStep> steps = records.steps(closeId);
    if (steps.containsKey("APPROVED")) {
      throw Refusal.conflict("ledger.error.stepDone");
    }
    step(close, "APPROVED", null, null);
  }

  @RolesAllowed(Role.OFFICER_NAME)
  public LocalDate publish(long closeId) {
    MonthClose close = current(closeId);
    Map<String, MonthCloseStep> steps = records.steps(closeId);
    if (!steps.containsKey("APPROVED")) {
      throw Refusal.conflict("ledger.error.notApproved");
    }
    if (steps.containsKey("PUBLISHED")) {
      throw Refusal.conflict("ledger.error.stepDone");
    }
    LocalDate windowEnds =
        records.ledgerCalendar().objectionWindowEnds(settings.objectionWindowDays());
    step(close, "PUBLISHED", windowEnds, null);
    return windowEnds;
  }

  /**
   * Whether a month may be locked now, and from which day (issue 18: the screen shows Lock only
   * when {@link #lock} would take it, and otherwise says when it will): the same rule as {@link
   * #lock}, published, the objection window over, no objection to the month still open.
   *
   * @param from the first day after the objection window, null before the month is published
   */
  public record LockReadiness(boolean allowed, LocalDate from, long openObjections) {}

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public LockReadiness lockReadiness(long closeId) {
    MonthClose close =
        closes.find(closeId).orElseThrow(() -> Refusal.notFound("ledger.error.unknownClose"));
    scope.requireSection(close.getSectionId());
    Map<String, MonthCloseStep> steps = records.steps(closeId);
    MonthCloseStep published = steps.get("PUBLISHED");
    if (published == null || steps.containsKey("LOCKED")) {
      return new LockReadiness(false, null, 0);
    }
    long open = closes.openObjections(close.getSectionId(), close.getMonth());
    boolean windowOver = !records.ledgerCalendar().isWindowOpen(published.getWindowEnds());
    return new LockReadiness(windowOver && open == 0, published.getWindowEnds().plusDays(1), open);
  }

  /**
   * Locks the month once its objection window has passed and every objection to it is closed; the
   * cycles it completed are opened for a reviewer's decision. A second lock is refused.
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public int lock(long closeId) {
    MonthClose close = current(closeId);
    Map<String, MonthCloseStep> steps = records.steps(closeId);
    if (steps.containsKey("LOCKED")) {
      throw Refusal.conflict("ledger.error.closeLocked", close.getMonth());
    }
    MonthCloseStep published = steps.get("PUBLISHED");
    if (published == null) {
      throw Refusal.conflict("ledger.error.notPublished");
    }
    if (records.ledgerCalendar().isWindowOpen(published.getWindowEnds())) {
      throw Refusal.conflict("ledger.error.windowOpen", published.getWindowEnds().toString());
    }
    long openObjections = closes.openObjections(close.getSectionId(), close.getMonth());
    if (openObjections > 0) {
      throw Refusal.conflict("ledger.error.objectionsOpen", openObjections);
    }
    step(close, "LOCKED", null, null);
    int opened = 0;
    for (MonthResult r : closes.completingCycles(closeId)) {
      opened += openCycles(close, r);
    }
    return opened;
  }

  /** Opens the cycles an inmate's month completed, each with the approved entries it spans. */
  private int openCycles(MonthClose close, MonthResult r) {
    AssessmentCycles.LastCycle last = cycles.last(r.getInmateId());
    int number = last.number();
    String firstMonth =
        last.closedMonth() == null
            ? cycles.firstEntryMonth(r.getInmateId(), close.getMonth())
            : YearMonth.parse(last.closedMonth()).plusMonths(1).toString();
    Inmate inmate = inmates.findByIds(List.of(r.getInmateId())).get(0);
    for (int i = 0; i < r.getCyclesClosed(); i++) {
      AssessmentCycle cycle =
          new AssessmentCycle(
              r.getInmateId(), ++number, close.getMonth(), close.getId(), firstMonth);
      cycles.store(cycle);
      cycles.attachApprovedEntries(cycle.getId(), r.getInmateId(), firstMonth, close.getMonth());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", inmate.getPrisonerNumber().value());
      p.put("cycle", cycle.getId());
      p.put("number", number);
      p.put("from", firstMonth);
      p.put("to", close.getMonth());
      audit.append("ledger.cycle.closed", "cycle/" + cycle.getId(), p);
    }
    return r.getCyclesClosed();
  }

  /** The close, if it is in the caller's sections and still the section-month's current one. */
  private MonthClose current(long closeId) {
    MonthClose close =
        closes.find(closeId).orElseThrow(() -> Refusal.notFound("ledger.error.unknownClose"));
    scope.requireSection(close.getSectionId());
    MonthClose latest =
        records.currentClose(close.getSectionId(), YearMonth.parse(close.getMonth())).orElseThrow();
    if (!latest.getId().equals(close.getId())) {
      throw Refusal.conflict("ledger.error.closeSuperseded");
    }
    return close;
  }

  private void step(MonthClose close, String step, LocalDate windowEnds, String note) {
    Instant now = time.now();
    closes.store(new MonthCloseStep(close.getId(), step, caller.name(), now, windowEnds, note));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("section", close.getSectionId());
    p.put("month", close.getMonth());
    p.put("close", close.getId());
    p.put("step", step);
    if (windowEnds != null) {
      p.put("objectionWindowEnds", windowEnds.toString());
    }
    audit.append(
        "ledger.month." + step.toLowerCase(java.util.Locale.ROOT),
        "month-close/" + close.getId(),
        p);
  }
}
