package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.Eligibility;
import cn.xinsheng.cases.domain.EligibilityRules;
import cn.xinsheng.cases.domain.EligibilityRuns;
import cn.xinsheng.cases.domain.EligibilityRuns.InmateRow;
import cn.xinsheng.cases.domain.EligibilityRuns.ResultRow;
import cn.xinsheng.cases.domain.SentenceChangeLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.application.SentenceFacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monthly eligibility run: every inmate (or one section's) against the rule table, one result
 * per inmate and kind with its reason, near misses included. A run is a record: the list a section
 * proposes from is the run it proposes from, with the table's version.
 */
@Stateless
@RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.EXECUTION_NAME})
public class EligibilityService {

  /** What a run produced. */
  public record RunSummary(
      long runId, LocalDate asOf, int inmates, int eligible, int nearMiss, String ruleVersion) {}

  private static final EligibilityRules RULES = EligibilityRules.standard();

  @Inject EligibilityRuns runs;
  @Inject SentenceChangeLog sentenceLog;
  @Inject cn.xinsheng.ledger.application.CaseReferences references;
  @Inject SentenceFacts sentences;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject cn.xinsheng.ledger.application.CommendationQueries commendationQueries;

  public static EligibilityRules rules() {
    return RULES;
  }

  /**
   * Runs the table for a section (an officer's own) or, for the department, for the whole prison
   * when {@code sectionId} is null.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.EXECUTION_NAME})
  public RunSummary run(Long sectionId) {
    if (sectionId == null) {
      if (!caller.has(Role.EXECUTION)) {
        throw Refusal.invalid("case.error.section");
      }
    } else if (!caller.has(Role.EXECUTION)) {
      scope.requireSection(sectionId);
    }
    LocalDate asOf = time.today();
    List<InmateRow> inmates = runs.inmatesForEligibility(sectionId);
    // the sentence record and its changes (issue 16): the engine of rule table 2016-23/v2
    Map<Long, SentenceFacts.Facts> records = sentences.records(sectionId);
    List<List<Eligibility>> results = new ArrayList<>(inmates.size());
    int eligible = 0;
    int near = 0;
    for (InmateRow i : inmates) {
      List<Eligibility> r = assess(records.get(i.id()), asOf);
      results.add(r);
      for (Eligibility e : r) {
        switch (e.outcome()) {
          case ELIGIBLE -> eligible++;
          case NEAR_MISS -> near++;
          default -> {
            // counted in the list, not in the summary
          }
        }
      }
    }
    String scopeText = EligibilityRuns.runScope(sectionId);
    long runId = runs.insertRun(asOf, RULES.version(), scopeText, inmates.size(), caller.name());
    runs.insertResults(runId, inmates, results);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("run", runId);
    p.put("asOf", asOf.toString());
    p.put("ruleVersion", RULES.version());
    p.put("scope", scopeText);
    p.put("inmates", (long) inmates.size());
    p.put("eligible", (long) eligible);
    p.put("nearMiss", (long) near);
    audit.append("case.eligibility.run", "eligibility-run/" + runId, p, List.of());
    return new RunSummary(runId, asOf, inmates.size(), eligible, near, RULES.version());
  }

  /** One inmate's results: the engine's answer, or both blocked when the facts are incomplete. */
  static List<Eligibility> assess(SentenceFacts.Facts loaded, LocalDate asOf) {
    if (loaded == null) {
      return RULES.incomplete("sentence", "缺少刑罚记录", "no sentence record");
    }
    if (loaded.error() != null) {
      return RULES.incomplete(loaded.error().field(), loaded.error().zh(), loaded.error().en());
    }
    try {
      return RULES.results(RULES.engine().evaluate(loaded.record(), loaded.derived(), asOf));
    } catch (cn.xinsheng.sentence.domain.SentenceFactException e) {
      return RULES.incomplete(e.field(), e.zh(), e.en());
    }
  }

  /**
   * A run's results for one section (an officer's or reviewer's own), or all for the department.
   */
  public List<EligibilityResult> results(long runId, Long sectionId, boolean includeNotYet) {
    if (!caller.has(Role.EXECUTION)) {
      if (sectionId == null) {
        throw Refusal.invalid("case.error.section");
      }
      scope.requireSection(sectionId);
    }
    return runs.resultsOfRun(runId, sectionId).stream()
        .filter(r -> includeNotYet || Set.of("ELIGIBLE", "NEAR_MISS").contains(r.outcome()))
        .map(EligibilityResult::of)
        .toList();
  }

  /**
   * An inmate's previous reduction ruling as the eligibility list shows it beside his results: the
   * ruling's date and the day it was served (送达), from which the interval to the next reduction
   * counts (法释〔2016〕23号第四十条第二款); {@code servedOn} is null while the service is not recorded.
   */
  public record PreviousRuling(LocalDate ruledOn, LocalDate servedOn) {}

  /**
   * The previous reduction ruling of each inmate of a section (an officer's or reviewer's own), or
   * of the prison for the department, who has one on record.
   */
  public Map<Long, PreviousRuling> previousRulings(Long sectionId) {
    if (!caller.has(Role.EXECUTION)) {
      if (sectionId == null) {
        throw Refusal.invalid("case.error.section");
      }
      scope.requireSection(sectionId);
    }
    return previousRulings(law.lastReductionRulings(sectionId));
  }

  static Map<Long, PreviousRuling> previousRulings(
      Map<Long, cn.xinsheng.sentence.domain.SentenceChange> rulings) {
    Map<Long, PreviousRuling> out = new java.util.HashMap<>();
    rulings.forEach((inmate, c) -> out.put(inmate, new PreviousRuling(c.on(), c.servedOn())));
    return out;
  }

  /**
   * The latest run that covers a section: its own, or a later one of the whole prison. For the
   * department without a section, the latest run of the whole prison. One section's run never hides
   * another section's results.
   */
  public java.util.Optional<Long> latestRunId(Long sectionId) {
    return runs.latestRunId(sectionId);
  }

  /**
   * The commended cycles a proposal from this result may cite: the ledger's, read through its port.
   * Only for a result the caller may propose from or look at.
   */
  public List<CaseFile.CycleLine> commendations(long eligibilityId) {
    ResultRow r =
        runs.result(eligibilityId)
            .orElseThrow(() -> Refusal.notFound("case.error.unknownEligibility"));
    if (!caller.has(Role.EXECUTION)) {
      scope.requireSection(r.sectionId());
    }
    // issue 16: one a granted case cited is shown as used (and refused at the proposal where the
    // province's setting says so)
    java.util.Map<Long, String> used = references.usedByGrantedCases(r.inmateId());
    return commendationQueries.commendations(r.inmateId()).stream()
        .map(c -> CaseReadModel.cycle(c, used))
        .toList();
  }

  /** A fact of a sentence as the judgment or the execution record gives it. */
  @RolesAllowed(Role.EXECUTION_NAME)
  public void recordFact(
      String prisonerNumber,
      String kind,
      boolean active,
      LocalDate on,
      Integer months,
      String note) {
    var inmate =
        scope.inmate(prisonerNumber).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
    if (!Set.of("PROPERTY_UNPAID", "MAJOR_MERIT", "STRICT", "PRIOR_REDUCTION", "LIFE_COMMUTED")
        .contains(kind)) {
      throw Refusal.invalid("case.error.factKind");
    }
    if (note == null || note.isBlank() || note.length() > 500 || on == null) {
      throw Refusal.invalid("case.error.factNote");
    }
    sentenceLog.insertFact(inmate.getId(), kind, active, on, months, note.strip(), caller.name());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("kind", kind);
    p.put("active", active);
    p.put("effectiveOn", on.toString());
    p.put("note", note.strip());
    if (months != null) {
      p.put("months", months.longValue());
    }
    audit.append("case.sentence-fact", "sentence-fact/" + prisonerNumber, p, List.of());
  }
}
