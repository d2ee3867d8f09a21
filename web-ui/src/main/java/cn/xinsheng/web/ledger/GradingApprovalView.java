package cn.xinsheng.web.ledger;

import cn.xinsheng.ledger.application.CycleGrading;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.application.SectionOverview;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Grading (等级评定, 司规〔2021〕3号): the section's reviewer proposes 表扬, 物质奖励 or nothing for a closed
 * cycle, checked against the prison's criteria; the penalty-execution department approves or
 * rejects it, another person than the proposer (谁签字谁负责). Only an approved grading is a commendation
 * a proposal may cite.
 */
@Named
@ViewScoped
public class GradingApprovalView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CycleGrading grading;
  @Inject transient OrganisationQueries organisation;
  @Inject transient CallerScope scope;
  @Inject CurrentUser currentUser;

  private List<SectionOverview> sections = List.of();
  private Long sectionId;
  private transient List<CycleGrading.UngradedCycle> ungraded;
  private transient List<CycleGrading.PendingGrading> pending;
  private Long cycleId;
  private String cycleLabel;
  private String result = "PRAISE";
  private String reason;
  private Long pendingCycleId;
  private String pendingLabel;
  private String decision = "APPROVED";
  private String decisionReason;

  @PostConstruct
  void init() {
    if (isReviewer()) {
      var mine = scope.sections();
      sections =
          organisation.sectionOverview().stream()
              .filter(x -> mine.contains(x.sectionId()))
              .toList();
      sectionId = sections.isEmpty() ? null : sections.get(0).sectionId();
    }
    // a link may name one of the caller's sections (?section=21)
    String param =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("section");
    if (param != null && param.matches("\\d{1,6}")) {
      long wanted = Long.parseLong(param);
      if (sections.stream().anyMatch(x -> x.sectionId() == wanted)) {
        sectionId = wanted;
      }
    }
  }

  public boolean isReviewer() {
    return currentUser.hasRole("REVIEWER");
  }

  public boolean isExecution() {
    return currentUser.hasRole("EXECUTION");
  }

  public void reload() {
    ungraded = null;
    pending = null;
    cycleId = null;
    pendingCycleId = null;
  }

  public List<CycleGrading.UngradedCycle> getUngraded() {
    if (ungraded == null) {
      ungraded = isReviewer() && sectionId != null ? grading.ungradedCycles(sectionId) : List.of();
    }
    return ungraded;
  }

  public List<CycleGrading.PendingGrading> getPending() {
    if (pending == null) {
      pending = isExecution() ? grading.pendingGradings() : List.of();
    }
    return pending;
  }

  public List<String> getResults() {
    return CycleGrading.gradingResults();
  }

  public List<String> getDecisions() {
    return List.of("APPROVED", "REJECTED");
  }

  public void choose(CycleGrading.UngradedCycle c) {
    cycleId = c.cycleId();
    cycleLabel = c.prisonerNumber() + " " + c.inmateName() + " · " + c.number();
    result = "PRAISE";
    reason = null;
  }

  public void choosePending(CycleGrading.PendingGrading g) {
    pendingCycleId = g.cycleId();
    pendingLabel = g.prisonerNumber() + " · " + g.number();
    decision = "APPROVED";
    decisionReason = null;
  }

  public void propose() {
    if (cycleId == null) {
      return;
    }
    try {
      grading.decideCycle(cycleId, result, reason);
      Messages.info("grading.proposed");
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void approve() {
    if (pendingCycleId == null) {
      return;
    }
    try {
      grading.approveGrading(pendingCycleId, decision, decisionReason);
      Messages.info("APPROVED".equals(decision) ? "grading.approved" : "grading.rejected");
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<SectionOverview> getSections() {
    return sections;
  }

  public Long getSectionId() {
    return sectionId;
  }

  public void setSectionId(Long sectionId) {
    this.sectionId = sectionId;
  }

  public Long getCycleId() {
    return cycleId;
  }

  public String getCycleLabel() {
    return cycleLabel;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getPendingCycleId() {
    return pendingCycleId;
  }

  public String getPendingLabel() {
    return pendingLabel;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public void setDecisionReason(String decisionReason) {
    this.decisionReason = decisionReason;
  }
}
