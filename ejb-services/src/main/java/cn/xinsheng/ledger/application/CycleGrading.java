package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.AssessmentCycle;
import cn.xinsheng.ledger.domain.AssessmentCycles;
import cn.xinsheng.ledger.domain.CycleDecision;
import cn.xinsheng.ledger.domain.CycleResult;
import cn.xinsheng.ledger.domain.Grading;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The grading of a closed 600-point cycle (等级评定, 司规〔2021〕3号, issue 16): the section proposes 表扬,
 * 物质奖励 or none with a reason, checked against the prison's criteria; the prison approves or rejects
 * it, by another person than the proposer; an approval is the cycle's decision that reduction and
 * parole proposals cite.
 */
@Stateless
public class CycleGrading {

  @Inject AssessmentCycles cycles;
  @Inject LedgerSettings settings;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject InmateRepository inmates;
  @Inject PrisonTime time;

  /** The grading results a section may propose, as codes (表扬, 物质奖励, none). */
  public static List<String> gradingResults() {
    return java.util.Arrays.stream(CycleResult.values()).map(Enum::name).toList();
  }

  /**
   * The section's grading proposal (等级评定, issue 16, DOMAIN §2) for a closed cycle: 表扬, 物质奖励 or
   * none, with the reason, checked against the prison's criteria (settings). It counts once the
   * prison approves it ({@link #approveGrading}), by another person.
   */
  @RolesAllowed(Role.REVIEWER_NAME)
  public void decideCycle(long cycleId, String result, String reason) {
    // the result by its exact name, as the screens' menus and the API send it
    CycleResult r;
    try {
      r = CycleResult.valueOf(result == null ? "" : result);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("ledger.error.cycleDecision");
    }
    decideCycle(cycleId, r, reason);
  }

  @RolesAllowed(Role.REVIEWER_NAME)
  public void decideCycle(long cycleId, CycleResult result, String reason) {
    AssessmentCycle cycle =
        cycles.find(cycleId).orElseThrow(() -> Refusal.notFound("ledger.error.unknownCycle"));
    Inmate inmate = inmate(cycle.getInmateId());
    scope.requireSection(inmate.getSection().getId());
    boolean decided = cycles.decided(cycleId);
    boolean pending = cycles.pendingProposal(cycleId).isPresent();
    String refused =
        Grading.checkProposal(
            result, reason, settings.gradingCriteria(), cycles.facts(cycleId), decided, pending);
    if (refused != null) {
      throw "ledger.error.stepDone".equals(refused)
          ? Refusal.conflict(refused)
          : Refusal.invalid(refused);
    }
    Instant now = time.now();
    cycles.propose(cycleId, result.name(), reason.strip(), caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate.getPrisonerNumber().value());
    p.put("cycle", cycleId);
    p.put("number", cycle.getNumber());
    p.put("result", result.name());
    p.put("reason", reason.strip());
    audit.append("ledger.cycle.grading-proposed", "cycle/" + cycleId, p);
  }

  /**
   * The prison approves or rejects the section's grading proposal, by another person than its
   * proposer (谁签字谁负责). An approval is the cycle's decision that proposals cite.
   */
  @RolesAllowed(Role.EXECUTION_NAME)
  public void approveGrading(long cycleId, String decision, String reason) {
    AssessmentCycle cycle =
        cycles.find(cycleId).orElseThrow(() -> Refusal.notFound("ledger.error.unknownCycle"));
    AssessmentCycles.GradingProposal proposal =
        cycles
            .pendingProposal(cycleId)
            .orElseThrow(() -> Refusal.conflict("ledger.error.noGradingProposal"));
    String d = decision == null ? "" : decision.strip();
    String refused = Grading.checkApproval(proposal.proposedBy(), caller.name(), d, reason, false);
    if (refused != null) {
      throw "ledger.error.gradingSelfApproval".equals(refused)
          ? Refusal.forbidden(refused)
          : Refusal.invalid(refused);
    }
    Instant now = time.now();
    cycles.answer(proposal.id(), d, reason.strip(), caller.name(), now);
    Inmate inmate = inmate(cycle.getInmateId());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate.getPrisonerNumber().value());
    p.put("cycle", cycleId);
    p.put("number", cycle.getNumber());
    p.put("proposal", proposal.id());
    p.put("result", proposal.result());
    p.put("proposedBy", proposal.proposedBy());
    p.put("decision", d);
    p.put("reason", reason.strip());
    if ("APPROVED".equals(d)) {
      cycles.store(
          new CycleDecision(cycleId, proposal.result(), proposal.reason(), caller.name(), now));
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
   * waiting; one the prison rejected may be proposed again. By closing month, prisoner number and
   * cycle number.
   */
  @RolesAllowed(Role.REVIEWER_NAME)
  public List<UngradedCycle> ungradedCycles(long sectionId) {
    scope.requireSection(sectionId);
    Map<Long, Inmate> people =
        inmates.findBySections(List.of(sectionId)).stream()
            .collect(Collectors.toMap(Inmate::getId, Function.identity()));
    List<UngradedCycle> out = new ArrayList<>();
    for (AssessmentCycle c : cycles.ungraded(people.keySet())) {
      Inmate i = people.get(c.getInmateId());
      out.add(
          new UngradedCycle(
              c.getId(),
              i.getPrisonerNumber().value(),
              i.getName(),
              c.getNumber(),
              c.getFirstMonth(),
              c.getClosedMonth()));
    }
    out.sort(
        Comparator.comparing(UngradedCycle::closedMonth)
            .thenComparing(UngradedCycle::prisonerNumber)
            .thenComparingInt(UngradedCycle::number));
    return out;
  }

  /** Grading proposals waiting for the prison: cycle id, inmate, number, result, reason, by. */
  public record PendingGrading(
      long cycleId, String prisonerNumber, int number, String result, String reason, String by) {}

  @RolesAllowed(Role.EXECUTION_NAME)
  public List<PendingGrading> pendingGradings() {
    List<PendingGrading> out = new ArrayList<>();
    for (AssessmentCycles.GradingProposal g : cycles.pendingProposals()) {
      AssessmentCycle c = cycles.find(g.cycleId()).orElseThrow();
      Inmate i = inmate(c.getInmateId());
      out.add(
          new PendingGrading(
              c.getId(),
              i.getPrisonerNumber().value(),
              c.getNumber(),
              g.result(),
              g.reason(),
              g.proposedBy()));
    }
    return out;
  }

  private Inmate inmate(long id) {
    return inmates.findByIds(List.of(id)).get(0);
  }
}
