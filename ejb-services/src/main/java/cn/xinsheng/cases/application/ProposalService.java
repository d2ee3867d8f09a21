package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CaseTrack;
import cn.xinsheng.cases.domain.EligibilityRules;
import cn.xinsheng.cases.domain.EligibilityRuns;
import cn.xinsheng.cases.domain.EligibilityRuns.InmateRow;
import cn.xinsheng.cases.domain.EligibilityRuns.ResultRow;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CommendationQueries;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A section's proposal of a reduction or parole for its own inmate: the eligibility result it
 * starts from, the lawful maximum for the kind of performance, the assessment cycles it cites, the
 * case number, the first step signed. The domain and the sentence context decide what is lawful;
 * this service checks who the caller is and what he may reach, and writes the case, its first event
 * and their audit leaves in one transaction.
 */
@Stateless
public class ProposalService {

  @Inject CaseRepository store;
  @Inject EligibilityRuns runs;
  @Inject CaseChanges changes;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject CommendationQueries commendationQueries;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;

  /**
   * A section's proposal from an eligibility result of its own inmate, citing the assessment cycles
   * (commendations) it rests on.
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public CaseCreated propose(
      long eligibilityId,
      Integer months,
      String rationale,
      List<Long> cycleIds,
      Long attachmentId) {
    return propose(eligibilityId, months, rationale, cycleIds, attachmentId, null, null);
  }

  /**
   * Proposes with a kind of performance (issue 16): the ledger's when none is given; another needs
   * a reason. The lawful maximum follows it (法释〔2016〕23号第六条第二款).
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public CaseCreated propose(
      long eligibilityId,
      Integer months,
      String rationale,
      List<Long> cycleIds,
      Long attachmentId,
      String performance,
      String performanceReason) {
    // First of all, before any read: the year's serial, under its counter's lock. Proposals wait
    // here for each other, so the check below that the inmate has no open case sees the case a
    // proposal just before committed (a read before the lock would keep an older snapshot).
    int year = time.today().getYear();
    long serial = store.takeCaseSerial(year);
    ResultRow r =
        runs.result(eligibilityId)
            .orElseThrow(() -> Refusal.notFound("case.error.unknownEligibility"));
    scope.requireSection(r.sectionId());
    // a reduction before its general wait may still be lawful (重大立功; 第十九条、第二十条): the law
    // below decides, naming the exception; parole, and anything the run blocked, waits
    boolean early = !"ELIGIBLE".equals(r.outcome());
    if (early && (r.kind() != CaseKind.REDUCTION || "BLOCKED".equals(r.outcome()))) {
      throw Refusal.conflict("case.error.notEligible", r.prisonerNumber());
    }
    String text = text(rationale, "case.error.rationale");
    if (store.ofInmate(r.inmateId()).stream().anyMatch(c -> !changes.load(c).isClosed())) {
      throw Refusal.conflict("case.error.openCase", r.prisonerNumber());
    }
    // issue 16: the maximum follows the proposal's performance; minimum served and remaining term
    cn.xinsheng.sentence.domain.Performance performed = null;
    Integer lawfulLimit = null;
    String limitArticle = null;
    boolean nonStandard = false;
    String earlyArticle = null;
    if (r.kind() == CaseKind.REDUCTION) {
      performed = law.choose(r.inmateId(), r.sectionId(), performance, performanceReason);
      cn.xinsheng.sentence.application.CaseLaw.Limit limit =
          law.limit(r.inmateId(), r.sectionId(), performed, months, time.today(), true);
      lawfulLimit = limit.limitMonths();
      limitArticle = limit.limitArticle();
      nonStandard = limit.nonStandard();
      earlyArticle = limit.earlyArticle();
    } else if (r.kind() == CaseKind.PAROLE) {
      months = null;
    }
    // issue 16: life and 死缓 go through the bureau to the high court (司法部令第130号第四条)
    CaseTrack track = CaseTrack.valueOf(law.sentenceInExecution(r.inmateId(), r.sectionId()));
    List<Long> cycles = cycleIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(cycleIds));
    requireCycles(r.kind(), track, performed, cycles);
    Set<Long> commendations = new java.util.HashSet<>();
    commendationQueries.commendations(r.inmateId()).forEach(c -> commendations.add(c.id()));
    for (Long c : cycles) {
      if (!commendations.contains(c)) {
        throw Refusal.invalid("case.error.cycle", c);
      }
    }
    if (!EligibilityService.rules().commendationMayBeCitedAgain()) {
      // a commendation cited by a granted case is used (DOMAIN §3; the province's setting)
      Set<Long> used = law.usedCommendations(r.inmateId());
      for (Long c : cycles) {
        if (used.contains(c)) {
          throw Refusal.conflict("case.error.cycleUsed", c);
        }
      }
    }
    String attachmentSha = changes.attachment(attachmentId, r.sectionId());
    InmateRow inmate = runs.inmateForEligibility(r.inmateId()).orElseThrow();
    EligibilityRules rules = EligibilityService.rules();
    String number =
        (r.kind() == CaseKind.REDUCTION ? "JX" : "JS")
            + "-"
            + year
            + "-"
            + String.format("%04d", serial);
    Instant now = time.now();
    long id =
        store.insertCase(
            number,
            r.inmateId(),
            r.sectionId(),
            r.kind(),
            months,
            lawfulLimit,
            text,
            r.id(),
            rules.version(),
            rules.postingWorkingDays(inmate.facts()),
            // 法释〔2014〕5号第六条: major merit or 第（五）项's offenders (第（一）（五）项), a
            // non-standard amount (第（二）项)
            rules.hearingRequired(inmate.facts())
                || law.hearingByFacts(r.inmateId(), r.sectionId(), performed)
                || nonStandard,
            track,
            caller.name(),
            now);
    store.citeCycles(id, cycles);
    if (performed != null) {
      law.recordPerformance(
          id,
          performed,
          law.derived(r.inmateId(), r.sectionId()),
          performanceReason,
          caller.name());
    }
    // issue 16: the limit kept with the article of the rule that computed it, which the court's
    // ruling names when it refuses an amount above the limit
    law.recordLimitBasis(id, lawfulLimit, limitArticle, caller.name());
    CaseRow row = store.find(id).orElseThrow();
    Map<String, Object> elig = new LinkedHashMap<>();
    if (limitArticle != null) {
      elig.put("limitArticle", limitArticle);
    }
    elig.put("result", r.id());
    elig.put("outcome", r.outcome());
    elig.put("reason", r.reasonKey());
    elig.put("args", r.reasonArgs());
    if (earlyArticle != null) {
      // a proposal before the general wait, on the exception this article makes (issue 16)
      elig.put("nonStandardWait", earlyArticle);
      law.recordNonStandard(id, "WAIT", earlyArticle, caller.name());
    } else if (nonStandard) {
      elig.put("nonStandardAmount", true);
      law.recordNonStandard(id, "AMOUNT", "法释〔2016〕23号第十九条、第二十条", caller.name());
    }
    audit.proposed(row, cycles, elig);
    CaseEvent proposal =
        new CaseEvent(
            0,
            CaseEventType.STEP,
            CaseStep.PROPOSAL,
            caller.name(),
            Role.OFFICER.name(),
            now,
            text,
            null,
            months,
            time.today(),
            null,
            null,
            false);
    long eventId = store.insertEvent(id, proposal, attachmentId);
    audit.event(row, eventId, proposal, attachmentSha);
    return new CaseCreated(row.id(), row.number());
  }

  /**
   * Issue 18 walk: a proposal rests on the assessment cycles whose commendations it cites
   * (司规〔2021〕3号: 计分考核结果是减刑、假释的依据); one citing none was saved. A proposal must cite at least one,
   * except where the law itself is the basis: a 死缓 whose reprieve ends (刑法第五十条) and a reduction for
   * merit (立功、重大立功, 刑法第七十八条).
   */
  static void requireCycles(
      CaseKind kind,
      CaseTrack track,
      cn.xinsheng.sentence.domain.Performance performed,
      List<Long> cycles) {
    if (!cycles.isEmpty()) {
      return;
    }
    boolean byLaw =
        kind == CaseKind.REDUCTION
            && (track == CaseTrack.DEATH_REPRIEVE
                || performed == cn.xinsheng.sentence.domain.Performance.MERIT
                || performed == cn.xinsheng.sentence.domain.Performance.MAJOR_MERIT);
    if (!byLaw) {
      throw Refusal.invalid("case.error.noCycle");
    }
  }
}
