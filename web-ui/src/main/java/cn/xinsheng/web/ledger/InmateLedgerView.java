package cn.xinsheng.web.ledger;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.InmateLedgerQueries;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One inmate's ledger: every entry version with its review and evidence, his months, exports; for
 * the officers of his section and, read-only, for the prosecutor, judge and supervisor, who may
 * raise a finding on any entry.
 */
@Named
@ViewScoped
public class InmateLedgerView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient InmateLedgerQueries queries;
  @Inject transient ObjectionService objections;
  @Inject transient cn.xinsheng.ledger.application.LedgerService ledger;
  @Inject transient cn.xinsheng.ledger.application.CycleGrading grading;
  @Inject CurrentUser currentUser;
  @Inject cn.xinsheng.web.organisation.InmatePicker picker;

  /** The picker's line, "姓名（编号）" once chosen. */
  private String inmate;

  private String number;
  private List<EntryView> entries = List.of();
  private List<MonthView> months = List.of();
  private List<cn.xinsheng.ledger.application.CycleView> cycles = List.of();
  private Long correcting;
  private String correctionReason;
  private String correctionEvidence;
  private Long deciding;
  private String cycleResult;
  private String cycleReason;
  private Long findingEntry;
  private String findingText;

  /**
   * The page's link (its view action, so that what it says is shown: the page's messages are drawn
   * before the view would otherwise be made). Links name the inmate as ?no= (the section's list,
   * the evidence viewer's way back) or ?inmate= (as the other screens that pick an inmate); a link
   * naming nobody the caller may see says so rather than showing an empty ledger.
   */
  public void openLink() {
    String linked = cn.xinsheng.web.organisation.InmatePicker.parameter("no");
    if (linked == null) {
      linked = cn.xinsheng.web.organisation.InmatePicker.parameter("inmate");
    }
    if (linked == null) {
      return;
    }
    inmate = picker.lineOf(linked);
    if (picker.namesNobody(inmate)) {
      Messages.error("error.unknownInmate");
      return;
    }
    load();
  }

  public void load() {
    number = cn.xinsheng.web.organisation.InmatePicker.numberOf(inmate);
    if (number.isEmpty()) {
      number = null;
      entries = List.of();
      months = List.of();
      cycles = List.of();
      return;
    }
    try {
      entries = queries.timeline(number.strip());
      months = queries.monthsOf(number.strip());
      cycles = queries.cyclesOf(number.strip());
    } catch (Refusal r) {
      Messages.refused(r);
      entries = List.of();
      months = List.of();
    }
  }

  public boolean isFindingAllowed() {
    return currentUser.getRoles().contains(Role.PROSECUTOR)
        || currentUser.getRoles().contains(Role.SUPERVISOR);
  }

  public void startFinding(EntryView e) {
    findingEntry = e.id();
    findingText = null;
  }

  public void raiseFinding() {
    try {
      objections.raiseFinding(findingEntry, findingText);
      Messages.info("ledger.finding.raised");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public boolean isOfficer() {
    return currentUser.getRoles().contains(Role.OFFICER);
  }

  public boolean isReviewer() {
    return currentUser.getRoles().contains(Role.REVIEWER);
  }

  /** An approved entry whose month is locked can be corrected by a reversing entry. */
  public boolean mayCorrect(EntryView e) {
    return isOfficer()
        && e.correctable()
        && months.stream().anyMatch(m -> m.month().equals(e.month()) && m.state().equals("LOCKED"));
  }

  public void startCorrection(EntryView e) {
    correcting = e.id();
    correctionReason = null;
    correctionEvidence = null;
  }

  public void correct() {
    try {
      List<Long> ids = new java.util.ArrayList<>();
      for (String part : (correctionEvidence == null ? "" : correctionEvidence).split("[,，\\s]+")) {
        if (!part.isBlank()) {
          ids.add(Long.parseLong(part.replace("#", "").strip()));
        }
      }
      ledger.correct(correcting, correctionReason, ids);
      Messages.info("ledger.corrected");
      load();
    } catch (NumberFormatException e) {
      Messages.error("ledger.error.evidenceUnknown", correctionEvidence);
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void startDecision(cn.xinsheng.ledger.application.CycleView c) {
    deciding = c.id();
    cycleResult = null;
    cycleReason = null;
  }

  public void decide() {
    try {
      grading.decideCycle(deciding, cycleResult, cycleReason);
      // issue 16: the section proposes; the prison approves (等级评定)
      Messages.info("ledger.cycle.proposed");
      load();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<String> getCycleResults() {
    return cn.xinsheng.ledger.application.CycleGrading.gradingResults();
  }

  public List<cn.xinsheng.ledger.application.CycleView> getCycles() {
    return cycles;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }

  public void setCorrectionReason(String correctionReason) {
    this.correctionReason = correctionReason;
  }

  public String getCorrectionEvidence() {
    return correctionEvidence;
  }

  public void setCorrectionEvidence(String correctionEvidence) {
    this.correctionEvidence = correctionEvidence;
  }

  public String getCycleResult() {
    return cycleResult;
  }

  public void setCycleResult(String cycleResult) {
    this.cycleResult = cycleResult;
  }

  public String getCycleReason() {
    return cycleReason;
  }

  public void setCycleReason(String cycleReason) {
    this.cycleReason = cycleReason;
  }

  public String getInmate() {
    return inmate;
  }

  public void setInmate(String inmate) {
    this.inmate = inmate;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public List<EntryView> getEntries() {
    return entries;
  }

  public List<MonthView> getMonths() {
    return months;
  }

  public String getFindingText() {
    return findingText;
  }

  public void setFindingText(String findingText) {
    this.findingText = findingText;
  }
}
