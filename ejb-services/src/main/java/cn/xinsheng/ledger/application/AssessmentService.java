package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.AssessmentCycle;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.AssessmentRules;
import cn.xinsheng.ledger.domain.CycleDecision;
import cn.xinsheng.ledger.domain.CycleProgress;
import cn.xinsheng.ledger.domain.CycleResult;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.MonthResult;
import cn.xinsheng.ledger.domain.MonthScore;
import cn.xinsheng.ledger.domain.MonthlyAssessment;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.ScoredItem;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.InmateRepository;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The monthly assessment of a section: computed from the approved entries (a batch job with
 * progress), approved by a reviewer who did not compute it, published (公示) to the section's inmates
 * for an objection window of working days, then locked. Locking closes the 600-point cycles the
 * month completed; a reviewer decides what each earned.
 */
@Stateless
public class AssessmentService {

  @Inject LedgerRecords records;
  @Inject LedgerSettings settings;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject JobProgress progress;
  @Inject InmateRepository inmates;
  @Inject PrisonTime time;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  public static String jobKey(long sectionId, YearMonth month) {
    return "close:" + sectionId + ":" + month;
  }

  /** The close as a job: the page polls {@link JobProgress} under {@link #jobKey}. */
  @Asynchronous
  @RolesAllowed(Role.OFFICER_NAME)
  public Future<Long> computeInBackground(long sectionId, YearMonth month) {
    String job = jobKey(sectionId, month);
    try {
      long id = compute(sectionId, month);
      return new AsyncResult<>(id);
    } catch (Refusal r) {
      progress.fail(job, r.messageKey());
      throw r;
    }
  }

  /** Computes the section's month; returns the close. Refused once the month is published. */
  /**
   * The month's basis (issue 16, DOMAIN §2): a 禁闭 this month makes the base 0; the month of
   * admission counts from the admission day. Excusal from labour: see the overload.
   */
  static cn.xinsheng.ledger.domain.MonthBasis basis(
      List<ScoredItem> items, LocalDate admission, YearMonth month) {
    return basis(items, admission, month, false);
  }

  /**
   * The same, with the inmate's approved excusal from labour: his base splits 50/50 over discipline
   * and education (司规〔2021〕3号, DOMAIN §2).
   */
  static cn.xinsheng.ledger.domain.MonthBasis basis(
      List<ScoredItem> items, LocalDate admission, YearMonth month, boolean labourExcused) {
    boolean confinement =
        items.stream()
            .anyMatch(
                i ->
                    !i.reversal()
                        && i.part() == AssessmentPart.SANCTION
                        && i.amount()
                            .equals(cn.xinsheng.ledger.domain.MonthBasis.CONFINEMENT_SANCTION));
    int days = month.lengthOfMonth();
    int active = days;
    if (admission != null && YearMonth.from(admission).equals(month)) {
      active = days - admission.getDayOfMonth() + 1;
    } else if (admission != null && YearMonth.from(admission).isAfter(month)) {
      active = 0;
    }
    return new cn.xinsheng.ledger.domain.MonthBasis(confinement, labourExcused, active, days);
  }

  @RolesAllowed(Role.OFFICER_NAME)
  public long compute(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    String job = jobKey(sectionId, month);
    if (records.ledgerCalendar().isFutureMonth(month)) {
      throw Refusal.invalid("ledger.error.futureMonth", month.toString());
    }
    if (records.isClosedForEntries(sectionId, month)) {
      throw Refusal.conflict("ledger.error.closeLocked", month.toString());
    }
    long open = openEntries(sectionId, month);
    if (open > 0) {
      throw Refusal.conflict("ledger.error.closePending", open);
    }
    AssessmentRules rules = settings.rules();
    List<Inmate> people = inmates.findBySections(List.of(sectionId));
    progress.start(job, people.size());

    Map<Long, List<ScoredItem>> items = approvedItems(sectionId, month);
    Map<Long, long[]> previous = previousBalances(sectionId, month);
    Map<Long, Long> specialThisYear = specialCountedThisYear(sectionId, month);
    // issue 16: approved excusals from labour (the 50/50 split)
    Map<Long, List<cn.xinsheng.ledger.domain.LabourExcusal>> excused = approvedExcusals(sectionId);

    Instant now = time.now();
    MonthClose close =
        new MonthClose(sectionId, month.toString(), rules.split().toString(), caller.name(), now);
    em.persist(close);
    em.flush();
    int done = 0;
    for (Inmate inmate : people) {
      List<ScoredItem> mine = items.getOrDefault(inmate.getId(), List.of());
      MonthScore score =
          MonthlyAssessment.compute(
              mine,
              rules,
              new Points(specialThisYear.getOrDefault(inmate.getId(), 0L)),
              basis(
                  mine,
                  inmate.getAdmissionDate(),
                  month,
                  cn.xinsheng.ledger.domain.LabourExcusal.excused(
                      excused.getOrDefault(inmate.getId(), List.of()), month)));
      long[] prev = previous.getOrDefault(inmate.getId(), new long[] {0, 0});
      Points total = score.total();
      CycleProgress cycle = CycleProgress.advance(new Points(prev[1]), total, rules.cyclePoints());
      long balance = prev[0] + total.tenths();
      MonthResult result =
          new MonthResult(
              close.getId(),
              inmate.getId(),
              tenths(score.part(AssessmentPart.SUPERVISION)),
              tenths(score.part(AssessmentPart.EDUCATION)),
              tenths(score.part(AssessmentPart.LABOUR)),
              tenths(score.specialCounted()),
              tenths(score.sanctions().plus(score.corrections())),
              tenths(score.discarded()),
              tenths(total),
              balance,
              cycle.carry().tenths(),
              cycle.cyclesClosed(),
              score.entries());
      em.persist(result);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", inmate.getPrisonerNumber().value());
      p.put("month", month.toString());
      p.put("close", close.getId());
      p.put("split", rules.split().toString());
      p.put("supervision", score.part(AssessmentPart.SUPERVISION).toString());
      p.put("education", score.part(AssessmentPart.EDUCATION).toString());
      p.put("labour", score.part(AssessmentPart.LABOUR).toString());
      p.put("special", score.specialCounted().toString());
      p.put("sanctions", score.sanctions().toString());
      p.put("corrections", score.corrections().toString());
      p.put("discarded", score.discarded().toString());
      p.put("total", total.toString());
      p.put("balance", new Points(balance).toString());
      p.put("cycleCarry", cycle.carry().toString());
      p.put("entries", score.entries());
      audit.append(
          "ledger.month.result", "month-result/" + close.getId() + "/" + inmate.getId(), p);
      if (++done % 100 == 0) {
        progress.advance(job, done);
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("section", sectionId);
    p.put("month", month.toString());
    p.put("close", close.getId());
    p.put("inmates", people.size());
    audit.append("ledger.month.computed", "month-close/" + close.getId(), p);
    progress.finish(job, close.getId());
    return close.getId();
  }

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
    MonthClose close = em.find(MonthClose.class, closeId);
    if (close == null) {
      throw Refusal.notFound("ledger.error.unknownClose");
    }
    scope.requireSection(close.getSectionId());
    Map<String, MonthCloseStep> steps = records.steps(closeId);
    MonthCloseStep published = steps.get("PUBLISHED");
    if (published == null || steps.containsKey("LOCKED")) {
      return new LockReadiness(false, null, 0);
    }
    long open = openObjections(close);
    boolean windowOver = !records.ledgerCalendar().isWindowOpen(published.getWindowEnds());
    return new LockReadiness(windowOver && open == 0, published.getWindowEnds().plusDays(1), open);
  }

  private long openObjections(MonthClose close) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM objection o LEFT JOIN point_entry e ON e.id = o.entry_id"
                        + " WHERE o.section_id = ?1 AND (o.month = ?2 OR e.month = ?2)"
                        + " AND NOT EXISTS (SELECT 1 FROM objection_step s"
                        + " WHERE s.objection_id = o.id AND s.step = 'CLOSE')")
                .setParameter(1, close.getSectionId())
                .setParameter(2, close.getMonth())
                .getSingleResult())
        .longValue();
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
    long openObjections = openObjections(close);
    if (openObjections > 0) {
      throw Refusal.conflict("ledger.error.objectionsOpen", openObjections);
    }
    step(close, "LOCKED", null, null);
    int cycles = 0;
    List<MonthResult> completing =
        em.createQuery(
                "SELECT r FROM MonthResult r WHERE r.closeId = :c AND r.cyclesClosed > 0",
                MonthResult.class)
            .setParameter("c", closeId)
            .getResultList();
    for (MonthResult r : completing) {
      cycles += openCycles(close, r);
    }
    return cycles;
  }

  private int openCycles(MonthClose close, MonthResult r) {
    Object[] last =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(number), 0), MAX(closed_month) FROM assessment_cycle"
                        + " WHERE inmate_id = ?1")
                .setParameter(1, r.getInmateId())
                .getSingleResult();
    int number = ((Number) last[0]).intValue();
    String firstMonth =
        last[1] == null
            ? (String)
                em.createNativeQuery(
                        "SELECT COALESCE(MIN(month), ?2) FROM point_entry WHERE inmate_id = ?1")
                    .setParameter(1, r.getInmateId())
                    .setParameter(2, close.getMonth())
                    .getSingleResult()
            : YearMonth.parse(last[1].toString()).plusMonths(1).toString();
    Inmate inmate = em.find(Inmate.class, r.getInmateId());
    for (int i = 0; i < r.getCyclesClosed(); i++) {
      AssessmentCycle cycle =
          new AssessmentCycle(
              r.getInmateId(), ++number, close.getMonth(), close.getId(), firstMonth);
      em.persist(cycle);
      em.flush();
      em.createNativeQuery(
              "INSERT INTO cycle_entry (cycle_id, entry_id) SELECT ?1, e.id FROM point_entry e"
                  + " JOIN entry_review v ON v.entry_id = e.id AND v.decision = 'APPROVED'"
                  + " WHERE e.inmate_id = ?2 AND e.month >= ?3 AND e.month <= ?4")
          .setParameter(1, cycle.getId())
          .setParameter(2, r.getInmateId())
          .setParameter(3, firstMonth)
          .setParameter(4, close.getMonth())
          .executeUpdate();
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

  /**
   * The section's grading proposal (等级评定, issue 16, DOMAIN §2) for a closed cycle: 表扬, 物质奖励 or
   * none, with the reason, checked against the prison's criteria (settings). It counts once the
   * prison approves it ({@link #approveGrading}), by another person.
   */
  @RolesAllowed(Role.REVIEWER_NAME)
  public void decideCycle(long cycleId, String result, String reason) {
    CycleResult r;
    try {
      r = CycleResult.valueOf(result == null ? "" : result.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("ledger.error.cycleDecision");
    }
    decideCycle(cycleId, r, reason);
  }

  /** The grading results a section may propose, as codes (表扬, 物质奖励, none). */
  public static List<String> gradingResults() {
    return java.util.Arrays.stream(CycleResult.values()).map(Enum::name).toList();
  }

  @RolesAllowed(Role.REVIEWER_NAME)
  public void decideCycle(long cycleId, CycleResult result, String reason) {
    AssessmentCycle cycle = em.find(AssessmentCycle.class, cycleId);
    if (cycle == null) {
      throw Refusal.notFound("ledger.error.unknownCycle");
    }
    Inmate inmate = em.find(Inmate.class, cycle.getInmateId());
    scope.requireSection(inmate.getSection().getId());
    Long decided =
        em.createQuery("SELECT COUNT(d) FROM CycleDecision d WHERE d.cycleId = :c", Long.class)
            .setParameter("c", cycleId)
            .getSingleResult();
    boolean pending = pendingProposal(cycleId) != null;
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(CASE WHEN c.part = 'SANCTION' THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN e.amount_tenths < 0 THEN 1 ELSE 0 END), 0)"
                        + " FROM cycle_entry x JOIN point_entry e ON e.id = x.entry_id"
                        + " JOIN rule_clause c ON c.id = e.clause_id WHERE x.cycle_id = ?1")
                .setParameter(1, cycleId)
                .getSingleResult();
    String refused =
        cn.xinsheng.ledger.domain.Grading.checkProposal(
            result,
            reason,
            settings.gradingCriteria(),
            new cn.xinsheng.ledger.domain.Grading.CycleFacts(
                ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue()),
            decided > 0,
            pending);
    if (refused != null) {
      throw "ledger.error.stepDone".equals(refused)
          ? Refusal.conflict(refused)
          : Refusal.invalid(refused);
    }
    Instant now = time.now();
    em.createNativeQuery(
            "INSERT INTO grading_proposal (cycle_id, result, reason, proposed_by, proposed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, cycleId)
        .setParameter(2, result.name())
        .setParameter(3, reason.strip())
        .setParameter(4, caller.name())
        .setParameter(5, java.sql.Timestamp.from(now))
        .executeUpdate();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate.getPrisonerNumber().value());
    p.put("cycle", cycleId);
    p.put("number", cycle.getNumber());
    p.put("result", result.name());
    p.put("reason", reason.strip());
    audit.append("ledger.cycle.grading-proposed", "cycle/" + cycleId, p);
  }

  /**
   * The approved excusals of a section's inmates, by inmate, for the monthly assessment (issue 16).
   */
  private Map<Long, List<cn.xinsheng.ledger.domain.LabourExcusal>> approvedExcusals(
      long sectionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.id, x.inmate_id, x.from_month, x.to_month, x.entered_by, r.decision,"
                    + " r.reviewed_by FROM labour_excusal x"
                    + " JOIN labour_excusal_review r ON r.excusal_id = x.id"
                    + " WHERE x.section_id = ?1 AND r.decision = 'APPROVED'")
            .setParameter(1, sectionId)
            .getResultList();
    Map<Long, List<cn.xinsheng.ledger.domain.LabourExcusal>> out = new HashMap<>();
    for (Object[] r : rows) {
      cn.xinsheng.ledger.domain.LabourExcusal e =
          new cn.xinsheng.ledger.domain.LabourExcusal(
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

  /** A grading proposal waiting for the prison: id, result, reason, proposer; or null. */
  private Object[] pendingProposal(long cycleId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.id, p.result, p.reason, p.proposed_by FROM grading_proposal p"
                    + " WHERE p.cycle_id = ?1 AND NOT EXISTS (SELECT 1 FROM grading_approval a"
                    + " WHERE a.proposal_id = p.id) ORDER BY p.id DESC")
            .setParameter(1, cycleId)
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * The prison approves or rejects the section's grading proposal, by another person than its
   * proposer (谁签字谁负责). An approval is the cycle's decision that proposals cite.
   */
  @RolesAllowed(Role.EXECUTION_NAME)
  public void approveGrading(long cycleId, String decision, String reason) {
    AssessmentCycle cycle = em.find(AssessmentCycle.class, cycleId);
    if (cycle == null) {
      throw Refusal.notFound("ledger.error.unknownCycle");
    }
    Object[] proposal = pendingProposal(cycleId);
    if (proposal == null) {
      throw Refusal.conflict("ledger.error.noGradingProposal");
    }
    String d = decision == null ? "" : decision.strip();
    String refused =
        cn.xinsheng.ledger.domain.Grading.checkApproval(
            (String) proposal[3], caller.name(), d, reason, false);
    if (refused != null) {
      throw "ledger.error.gradingSelfApproval".equals(refused)
          ? Refusal.forbidden(refused)
          : Refusal.invalid(refused);
    }
    long proposalId = ((Number) proposal[0]).longValue();
    Instant now = time.now();
    em.createNativeQuery(
            "INSERT INTO grading_approval (proposal_id, decision, reason, approved_by, approved_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, proposalId)
        .setParameter(2, d)
        .setParameter(3, reason.strip())
        .setParameter(4, caller.name())
        .setParameter(5, java.sql.Timestamp.from(now))
        .executeUpdate();
    Inmate inmate = em.find(Inmate.class, cycle.getInmateId());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate.getPrisonerNumber().value());
    p.put("cycle", cycleId);
    p.put("number", cycle.getNumber());
    p.put("proposal", proposalId);
    p.put("result", proposal[1].toString());
    p.put("proposedBy", proposal[3].toString());
    p.put("decision", d);
    p.put("reason", reason.strip());
    if ("APPROVED".equals(d)) {
      em.persist(
          new CycleDecision(
              cycleId, proposal[1].toString(), proposal[2].toString(), caller.name(), now));
      audit.append("ledger.cycle.decided", "cycle/" + cycleId, p);
    } else {
      audit.append("ledger.cycle.grading-rejected", "cycle/" + cycleId, p);
    }
  }

  /** A closed cycle of a section with no grading yet and none waiting for the prison. */
  public record UngradedCycle(
      long cycleId,
      String prisonerNumber,
      String inmateName,
      int number,
      String firstMonth,
      String closedMonth) {}

  /**
   * The section's closed cycles that still need the section's grading proposal (司规〔2021〕3号: the
   * month after a cycle closes, the section grades it and the prison approves): none decided, none
   * waiting; one the prison rejected may be proposed again.
   */
  @RolesAllowed(Role.REVIEWER_NAME)
  public List<UngradedCycle> ungradedCycles(long sectionId) {
    scope.requireSection(sectionId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.id, i.prisoner_number, i.name, c.number, c.first_month, c.closed_month"
                    + " FROM assessment_cycle c JOIN inmate i ON i.id = c.inmate_id"
                    + " WHERE i.section_id = ?1"
                    + " AND NOT EXISTS (SELECT 1 FROM cycle_decision d WHERE d.cycle_id = c.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM grading_proposal p WHERE p.cycle_id = c.id"
                    + " AND NOT EXISTS (SELECT 1 FROM grading_approval a WHERE a.proposal_id ="
                    + " p.id)) ORDER BY c.closed_month, i.prisoner_number, c.number")
            .setParameter(1, sectionId)
            .getResultList();
    List<UngradedCycle> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new UngradedCycle(
              ((Number) r[0]).longValue(),
              r[1].toString(),
              r[2].toString(),
              ((Number) r[3]).intValue(),
              r[4].toString(),
              r[5].toString()));
    }
    return out;
  }

  /** Grading proposals waiting for the prison: cycle id, inmate, number, result, reason, by. */
  public record PendingGrading(
      long cycleId, String prisonerNumber, int number, String result, String reason, String by) {}

  @RolesAllowed(Role.EXECUTION_NAME)
  public List<PendingGrading> pendingGradings() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.cycle_id, p.result, p.reason, p.proposed_by FROM grading_proposal p"
                    + " WHERE NOT EXISTS (SELECT 1 FROM grading_approval a WHERE a.proposal_id ="
                    + " p.id) ORDER BY p.id")
            .getResultList();
    List<PendingGrading> out = new ArrayList<>();
    for (Object[] r : rows) {
      AssessmentCycle c = em.find(AssessmentCycle.class, ((Number) r[0]).longValue());
      Inmate i = em.find(Inmate.class, c.getInmateId());
      out.add(
          new PendingGrading(
              c.getId(),
              i.getPrisonerNumber().value(),
              c.getNumber(),
              r[1].toString(),
              r[2].toString(),
              r[3].toString()));
    }
    return out;
  }

  private MonthClose current(long closeId) {
    MonthClose close = em.find(MonthClose.class, closeId);
    if (close == null) {
      throw Refusal.notFound("ledger.error.unknownClose");
    }
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
    em.persist(new MonthCloseStep(close.getId(), step, caller.name(), now, windowEnds, note));
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

  /** Entries of the month still waiting for review or amendment. */
  long openEntries(long sectionId, YearMonth month) {
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

  private Map<Long, List<ScoredItem>> approvedItems(long sectionId, YearMonth month) {
    Map<Long, List<ScoredItem>> out = new HashMap<>();
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

  /** Per inmate: balance and cycle carry after his last locked month before this one. */
  private Map<Long, long[]> previousBalances(long sectionId, YearMonth month) {
    Map<Long, long[]> out = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT r.inmate_id, r.balance_tenths, r.cycle_carry_tenths FROM month_result r"
                    + " JOIN month_close c ON c.id = r.close_id"
                    + " JOIN month_close_step s ON s.close_id = c.id AND s.step = 'LOCKED'"
                    + " JOIN inmate i ON i.id = r.inmate_id"
                    + " WHERE i.section_id = ?1 AND c.month < ?2 ORDER BY c.month, r.id")
            .setParameter(1, sectionId)
            .setParameter(2, month.toString())
            .getResultList();
    for (Object[] row : rows) {
      out.put(
          ((Number) row[0]).longValue(),
          new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    return out;
  }

  /** Per inmate: special bonus counted in locked months of this year before this month. */
  private Map<Long, Long> specialCountedThisYear(long sectionId, YearMonth month) {
    Map<Long, Long> out = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT r.inmate_id, SUM(r.special_tenths) FROM month_result r"
                    + " JOIN month_close c ON c.id = r.close_id"
                    + " JOIN month_close_step s ON s.close_id = c.id AND s.step = 'LOCKED'"
                    + " JOIN inmate i ON i.id = r.inmate_id"
                    + " WHERE i.section_id = ?1 AND c.month < ?2 AND c.month >= ?3"
                    + " GROUP BY r.inmate_id")
            .setParameter(1, sectionId)
            .setParameter(2, month.toString())
            .setParameter(3, month.getYear() + "-01")
            .getResultList();
    for (Object[] row : rows) {
      out.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return out;
  }

  private static int tenths(Points p) {
    return Math.toIntExact(p.tenths());
  }
}
