package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.EligibilityResult;
import cn.xinsheng.cases.application.EligibilityService;
import cn.xinsheng.cases.application.ProposalService;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly eligibility list of a section: who may be proposed now, who soon, and why; the
 * officer proposes from it, citing the inmate's commended cycles.
 */
@Named
@ViewScoped
public class EligibilityView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient EligibilityService eligibility;
  @Inject transient ProposalService proposals;
  @Inject transient CallerScope scope;
  @Inject transient cn.xinsheng.organisation.application.OrganisationQueries organisation;
  @Inject CurrentUser currentUser;

  private Long section;
  private transient List<EligibilityResult> results;
  // the table's own rows, kept untyped: the view names no domain type it does not already hold
  private transient List<Object> filtered;

  /** The rows the table's filters (inmate, outcome) leave (issue 18). */
  public List<Object> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<Object> filtered) {
    this.filtered = filtered;
  }

  private String summary;
  private EligibilityResult chosen;
  private Integer months;
  private List<Long> cycles = new ArrayList<>();
  private String rationale;

  /** Whether the list shows the inmates not yet eligible too (issue 16: an early proposal). */
  private boolean all;

  /** A link may name the section (?section=22) and ask for every result (?all=true). */
  @jakarta.annotation.PostConstruct
  void init() {
    var params =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap();
    String s = params.get("section");
    if (s != null && s.matches("\\d{1,6}")) {
      long wanted = Long.parseLong(s);
      if (getSections().stream().anyMatch(x -> x.sectionId() == wanted)) {
        section = wanted;
      }
    }
    all = "true".equals(params.get("all"));
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }

  /** The department chooses any section (or none: the whole prison); an officer his own. */
  public List<cn.xinsheng.organisation.application.SectionOverview> getSections() {
    var all = organisation.sectionOverview();
    if (currentUser.getRoles().contains(Role.EXECUTION)) {
      return all;
    }
    var mine = scope.sections();
    return all.stream().filter(s -> mine.contains(s.sectionId())).toList();
  }

  public boolean isMayRun() {
    return currentUser.getRoles().contains(Role.OFFICER)
        || currentUser.getRoles().contains(Role.EXECUTION);
  }

  public boolean isMayPropose() {
    return currentUser.getRoles().contains(Role.OFFICER);
  }

  public void run() {
    try {
      EligibilityService.RunSummary s = eligibility.run(section);
      summary =
          Messages.text(
              "eligibility.summary",
              s.asOf().toString(),
              s.ruleVersion(),
              s.inmates(),
              s.eligible(),
              s.nearMiss());
      results = null;
      previous = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void show() {
    results = null;
    previous = null;
  }

  public List<EligibilityResult> getResults() {
    if (results == null) {
      try {
        results =
            eligibility
                .latestRunId(section)
                .map(run -> eligibility.results(run, section, all))
                .orElse(List.of());
      } catch (Refusal r) {
        results = List.of();
      }
    }
    return results;
  }

  private transient java.util.Map<Long, EligibilityService.PreviousRuling> previous;

  /**
   * An inmate's previous reduction ruling, if any (the row's inmate: the view names no row type):
   * its date and the day it was served, from which the interval counts (法释〔2016〕23号第四十条第二款); null
   * for an inmate with none.
   */
  public EligibilityService.PreviousRuling previousRuling(long inmateId) {
    if (previous == null) {
      try {
        previous = eligibility.previousRulings(section);
      } catch (Refusal refused) {
        previous = java.util.Map.of();
      }
    }
    return previous.get(inmateId);
  }

  public String reason(EligibilityResult r) {
    return Messages.text(r.reasonKey(), r.reasonArgs().toArray());
  }

  /** The proposal's kind of performance (issue 16): blank for the ledger's. */
  private String performance;

  private String performanceReason;

  public String getPerformance() {
    return performance;
  }

  public void setPerformance(String performance) {
    this.performance = performance;
  }

  public String getPerformanceReason() {
    return performanceReason;
  }

  public void setPerformanceReason(String performanceReason) {
    this.performanceReason = performanceReason;
  }

  public List<String> getPerformances() {
    return java.util.Arrays.stream(cn.xinsheng.sentence.domain.Performance.values())
        .map(Enum::name)
        .toList();
  }

  public void start(EligibilityResult r) {
    chosen = r;
    performance = null;
    performanceReason = null;
    months = r.maxMonths();
    cycles = new ArrayList<>();
    rationale = null;
  }

  public List<CaseFile.CycleLine> getCommendations() {
    if (chosen == null) {
      return List.of();
    }
    return eligibility.commendations(chosen.id());
  }

  public void propose() {
    try {
      var row =
          proposals.propose(
              chosen.id(),
              months,
              rationale,
              cycles,
              null,
              performance == null || performance.isBlank() ? null : performance,
              performanceReason);
      Messages.info("case.saved");
      summary = row.number();
      results = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getChosen() {
    return chosen == null
        ? ""
        : chosen.prisonerNumber() + " " + chosen.inmateName() + " · " + reason(chosen);
  }

  public String getSummary() {
    return summary;
  }

  public Long getSection() {
    return section;
  }

  public void setSection(Long section) {
    this.section = section;
  }

  public Integer getMonths() {
    return months;
  }

  public void setMonths(Integer months) {
    this.months = months;
  }

  public List<Long> getCycles() {
    return cycles;
  }

  public void setCycles(List<Long> cycles) {
    this.cycles = cycles;
  }

  public String getRationale() {
    return rationale;
  }

  public void setRationale(String rationale) {
    this.rationale = rationale;
  }
}
