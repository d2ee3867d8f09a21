package cn.xinsheng.web.ledger;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.application.EvidenceView;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CatalogueService;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.JobProgress;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.MonthCloseSteps;
import cn.xinsheng.ledger.application.MonthComputation;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.application.ReviewService;
import cn.xinsheng.ledger.application.SectionLedgerQueries;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.event.FileUploadEvent;

/**
 * A section's month for its officers and reviewers: the counts, the entries with their status, the
 * quick entry form (with evidence upload), review actions, and the month close from computation to
 * lock.
 */
@Named
@ViewScoped
public class SectionLedgerView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient OrganisationQueries organisation;
  @Inject transient SectionLedgerQueries queries;
  @Inject transient LedgerService ledger;
  @Inject transient ReviewService review;
  @Inject transient MonthComputation computation;
  @Inject transient MonthCloseSteps closeSteps;
  @Inject transient CatalogueService catalogue;
  @Inject transient EvidenceService evidence;
  @Inject transient JobProgress progress;
  @Inject CurrentUser currentUser;
  @Inject transient PrisonTime time;

  private Long sectionId;
  private String month;
  private List<Section> sections;
  private transient SectionLedgerQueries.Dashboard dashboard;
  private List<EntryView> entries;
  private List<EntryView> filtered;
  private List<MonthView> results;

  // the entry form
  private String formInmate;
  private String formPart = RecordCommand.parts().get(0);
  private String formClause;
  private String formAmount;
  private String formFact;
  private LocalDateTime formOccurred;
  private final List<Long> formEvidence = new ArrayList<>();
  private final List<String> formEvidenceNames = new ArrayList<>();
  private String evidenceSource = "";
  private String evidenceDescription = "";
  private Long amendingId;

  // review
  private Long returningId;
  private String returnReason;

  @PostConstruct
  void init() {
    month = time.thisMonth().toString();
    formOccurred = time.localNow().withSecond(0).withNano(0);
    sections = organisation.mySections();
    String param =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("section");
    if (param != null && param.matches("\\d{1,6}")) {
      long wanted = Long.parseLong(param);
      sectionId =
          sections.stream().anyMatch(s -> s.getId() == wanted)
              ? wanted
              : sections.isEmpty() ? null : sections.get(0).getId();
    } else {
      sectionId = sections.isEmpty() ? null : sections.get(0).getId();
    }
    reload();
  }

  public void reload() {
    if (sectionId == null) {
      entries = List.of();
      return;
    }
    YearMonth m = YearMonth.parse(month);
    dashboard = queries.dashboard(sectionId, m);
    lockReadiness = null;
    entries = queries.sectionMonth(sectionId, m);
    results = queries.sectionResults(sectionId, m).orElse(List.of());
  }

  public boolean isOfficer() {
    return currentUser.getRoles().contains(Role.OFFICER);
  }

  public boolean isReviewer() {
    return currentUser.getRoles().contains(Role.REVIEWER);
  }

  public boolean mayReview(EntryView e) {
    return isReviewer() && e.awaitsReviewBy(currentUser.getUsername());
  }

  public boolean mayAmend(EntryView e) {
    return isOfficer() && e.returnedTo(currentUser.getUsername());
  }

  public List<String> getParts() {
    return RecordCommand.parts();
  }

  public List<CatalogueService.Clause> getClauses() {
    return catalogue.current().map(c -> c.under(formPart)).orElse(List.of());
  }

  /** The inmates of this section whose number or name starts with what was typed. */
  public List<String> completeInmate(String typed) {
    String q = typed == null ? "" : typed.strip();
    return organisation.inmatesOfMySections().stream()
        .filter(i -> i.getSection().getId().equals(sectionId))
        .filter(i -> i.getPrisonerNumber().value().startsWith(q) || i.getName().startsWith(q))
        .limit(15)
        .map(i -> i.getPrisonerNumber().value() + " " + i.getName())
        .toList();
  }

  public void handleUpload(FileUploadEvent event) {
    // PrimeFaces hands the file over right after decoding, before the typed source and
    // description reach this view; keeping the evidence then would store the defaults instead of
    // what the officer typed. So the event waits for the invoke-application phase.
    if (event.getPhaseId() != PhaseId.INVOKE_APPLICATION) {
      event.setPhaseId(PhaseId.INVOKE_APPLICATION);
      event.getComponent().queueEvent(event);
      return;
    }
    try (InputStream in = event.getFile().getInputStream()) {
      EvidenceView e =
          evidence.store(
              in,
              event.getFile().getFileName(),
              evidenceSource.isBlank()
                  ? Messages.text("ledger.evidence.defaultSource")
                  : evidenceSource,
              evidenceDescription.isBlank()
                  ? Messages.text("ledger.evidence.defaultDescription")
                  : evidenceDescription,
              sectionId);
      formEvidence.add(e.id());
      formEvidenceNames.add(e.name() + " (" + Messages.text("evidence.kind." + e.kind()) + ")");
      Messages.info("ledger.evidence.uploaded", e.name());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("evidence.error.type");
    }
  }

  public void save() {
    String number = formInmate == null ? "" : formInmate.strip().split("\\s+")[0];
    RecordCommand cmd =
        RecordCommand.withPartNamed(
            number,
            formPart,
            formClause,
            formAmount,
            formFact,
            formOccurred == null ? null : time.at(formOccurred),
            List.copyOf(formEvidence));
    try {
      if (amendingId != null) {
        ledger.amend(amendingId, cmd);
        Messages.info("ledger.amended");
      } else {
        ledger.record(cmd);
        Messages.info("ledger.recorded");
      }
      clearForm();
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void startAmend(EntryView e) {
    amendingId = e.id();
    formInmate = e.prisonerNumber() + " " + e.inmateName();
    formPart = e.partName();
    formClause = e.clauseCode();
    formAmount = e.amountAsWritten();
    formFact = e.fact();
    formOccurred = LocalDateTime.ofInstant(e.occurredAt(), time.zone());
    formEvidence.clear();
    formEvidence.addAll(e.evidenceIds());
    formEvidenceNames.clear();
    e.evidenceIds().forEach(id -> formEvidenceNames.add("#" + id));
  }

  public void clearForm() {
    amendingId = null;
    formInmate = null;
    formClause = null;
    formAmount = null;
    formFact = null;
    formEvidence.clear();
    formEvidenceNames.clear();
    evidenceSource = "";
    evidenceDescription = "";
  }

  public void approve(EntryView e) {
    try {
      review.approve(e.id());
      Messages.info("ledger.approved");
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void startReturn(EntryView e) {
    returningId = e.id();
    returnReason = null;
  }

  public void confirmReturn() {
    try {
      review.returnEntry(returningId, returnReason);
      Messages.info("ledger.returned");
      returningId = null;
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  // --- the month close -------------------------------------------------------------------------

  public void compute() {
    try {
      // a fresh bar: the job reports its own total once it has checked the month
      progress.start(MonthComputation.jobKey(sectionId, YearMonth.parse(month)), 1);
      computation.computeInBackground(sectionId, YearMonth.parse(month));
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public int getProgress() {
    return sectionId == null
        ? 0
        : progress
            .get(MonthComputation.jobKey(sectionId, YearMonth.parse(month)))
            .map(JobProgress.Progress::percent)
            .orElse(0);
  }

  public boolean isComputing() {
    return sectionId != null
        && progress
            .get(MonthComputation.jobKey(sectionId, YearMonth.parse(month)))
            .map(p -> !p.finished())
            .orElse(false);
  }

  public void computeFinished() {
    progress
        .get(MonthComputation.jobKey(sectionId, YearMonth.parse(month)))
        .filter(p -> p.error() != null)
        .ifPresent(p -> Messages.error(p.error()));
    reload();
  }

  public void step(String step) {
    try {
      String result = closeSteps.advance(dashboard.closeId().orElseThrow(), step);
      // "PUBLISHED 2026-11-27", "LOCKED 3": the step's detail follows its name
      String detail = result.contains(" ") ? result.substring(result.indexOf(' ') + 1) : "";
      Messages.info("ledger.close." + step.toLowerCase(Locale.ROOT), detail);
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String statusKey(EntryView e) {
    return "ledger.status." + e.statusName();
  }

  public String inmateLabel(Inmate i) {
    return i.getPrisonerNumber().value() + " " + i.getName();
  }

  // --- getters and setters ---------------------------------------------------------------------

  public Long getSectionId() {
    return sectionId;
  }

  public void setSectionId(Long sectionId) {
    this.sectionId = sectionId;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month != null && month.matches("\\d{4}-\\d{2}") ? month : this.month;
  }

  public List<Section> getSections() {
    return sections;
  }

  public SectionLedgerQueries.Dashboard getDashboard() {
    return dashboard;
  }

  private transient MonthCloseSteps.LockReadiness lockReadiness;

  /** Whether and from when the shown month may be locked (issue 18), as the service decides. */
  public MonthCloseSteps.LockReadiness getLockReadiness() {
    if (lockReadiness == null) {
      lockReadiness =
          dashboard == null || dashboard.closeId().isEmpty()
              ? new MonthCloseSteps.LockReadiness(false, null, 0)
              : closeSteps.lockReadiness(dashboard.closeId().get());
    }
    return lockReadiness;
  }

  /** The shown month is published or locked: it takes no new entry, only corrections. */
  public boolean isMonthClosed() {
    return dashboard != null
        && ("PUBLISHED".equals(dashboard.closeState()) || "LOCKED".equals(dashboard.closeState()));
  }

  public List<EntryView> getEntries() {
    return entries;
  }

  public List<EntryView> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<EntryView> filtered) {
    this.filtered = filtered;
  }

  public List<MonthView> getResults() {
    return results;
  }

  public String getFormInmate() {
    return formInmate;
  }

  public void setFormInmate(String formInmate) {
    this.formInmate = formInmate;
  }

  public String getFormPart() {
    return formPart;
  }

  public void setFormPart(String formPart) {
    this.formPart = formPart;
  }

  public String getFormClause() {
    return formClause;
  }

  public void setFormClause(String formClause) {
    this.formClause = formClause;
  }

  public String getFormAmount() {
    return formAmount;
  }

  public void setFormAmount(String formAmount) {
    this.formAmount = formAmount;
  }

  public String getFormFact() {
    return formFact;
  }

  public void setFormFact(String formFact) {
    this.formFact = formFact;
  }

  public LocalDateTime getFormOccurred() {
    return formOccurred;
  }

  public void setFormOccurred(LocalDateTime formOccurred) {
    this.formOccurred = formOccurred;
  }

  public List<String> getFormEvidenceNames() {
    return formEvidenceNames;
  }

  public String getEvidenceSource() {
    return evidenceSource;
  }

  public void setEvidenceSource(String evidenceSource) {
    this.evidenceSource = evidenceSource == null ? "" : evidenceSource;
  }

  public String getEvidenceDescription() {
    return evidenceDescription;
  }

  public void setEvidenceDescription(String evidenceDescription) {
    this.evidenceDescription = evidenceDescription == null ? "" : evidenceDescription;
  }

  public Long getAmendingId() {
    return amendingId;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public void setReturnReason(String returnReason) {
    this.returnReason = returnReason;
  }
}
