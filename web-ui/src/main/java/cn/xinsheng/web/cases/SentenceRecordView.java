package cn.xinsheng.web.cases;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.application.SentenceService;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The penalty-execution department enters an inmate's sentence record from the judgment, and each
 * later change from the court's papers (issue 16). The service checks the facts; a refusal names
 * the field in Chinese or English and nothing is written.
 */
@Named
@ViewScoped
public class SentenceRecordView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient SentenceService sentences;

  private String prisonerNumber;
  private transient SentenceService.SentenceView current;
  private transient SentenceService.Codes codes;

  private String kind = "FIXED";
  private Integer months;
  private LocalDate start;
  private Integer detentionDays;
  private boolean limitedReduction;
  private boolean noReductionOrParole;
  private List<String> offences = new ArrayList<>();
  private boolean recidivist;
  private String propertyPenalty = "NONE";
  private boolean juvenile;
  private boolean elderlyIllOrDisabled;
  private boolean minorWhileServing;
  private boolean combinedSentence;
  private Integer violentTermMonths;
  private boolean twoCrimesOfTenYears;
  private String note;

  private String changeKind = "REDUCTION";
  private LocalDate changeOn;
  private Integer changeMonths;
  private Integer changeToMonths;
  // the day the ruling was served (送达), when the papers show it: the interval counts from it
  private LocalDate changeServedOn;
  private String changeNote;

  public SentenceService.Codes getCodes() {
    if (codes == null) {
      codes = sentences.codes();
    }
    return codes;
  }

  public SentenceService.SentenceView getCurrent() {
    return current;
  }

  public void load() {
    try {
      current = sentences.view(prisonerNumber);
      if (current.kind() != null) {
        kind = current.kind();
        months = current.months();
        start = current.start();
        detentionDays = current.detentionDays();
        limitedReduction = current.limitedReduction();
        noReductionOrParole = current.noReductionOrParole();
        offences = new ArrayList<>(current.offences());
        recidivist = current.recidivist();
        propertyPenalty = current.propertyPenalty();
        juvenile = current.juvenile();
        elderlyIllOrDisabled = current.elderlyIllOrDisabled();
        minorWhileServing = current.minorWhileServing();
        combinedSentence = current.combinedSentence();
        violentTermMonths = current.violentTermMonths();
        twoCrimesOfTenYears = current.twoCrimesOfTenYears();
      }
    } catch (Refusal r) {
      current = null;
      Messages.refused(r);
    }
  }

  public void save() {
    try {
      current =
          sentences.record(
              prisonerNumber,
              new SentenceService.SentenceInput(
                  kind,
                  "FIXED".equals(kind) ? months : null,
                  start,
                  detentionDays,
                  limitedReduction,
                  noReductionOrParole,
                  offences,
                  recidivist,
                  propertyPenalty,
                  juvenile,
                  elderlyIllOrDisabled,
                  minorWhileServing,
                  combinedSentence,
                  "FIXED".equals(kind) ? violentTermMonths : null,
                  "FIXED".equals(kind) && twoCrimesOfTenYears,
                  note));
      note = null;
      Messages.info("sentence.saved");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void addChange() {
    try {
      current =
          sentences.change(
              prisonerNumber,
              new SentenceService.ChangeInput(
                  changeKind, changeOn, changeMonths, changeToMonths, changeServedOn, changeNote));
      changeNote = null;
      changeMonths = null;
      changeToMonths = null;
      changeServedOn = null;
      Messages.info("sentence.changeSaved");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  // --- fields ----------------------------------------------------------------------------------

  public String getPrisonerNumber() {
    return prisonerNumber;
  }

  public void setPrisonerNumber(String prisonerNumber) {
    this.prisonerNumber = prisonerNumber;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public Integer getMonths() {
    return months;
  }

  public void setMonths(Integer months) {
    this.months = months;
  }

  public LocalDate getStart() {
    return start;
  }

  public void setStart(LocalDate start) {
    this.start = start;
  }

  public Integer getDetentionDays() {
    return detentionDays;
  }

  public void setDetentionDays(Integer detentionDays) {
    this.detentionDays = detentionDays;
  }

  public boolean isLimitedReduction() {
    return limitedReduction;
  }

  public void setLimitedReduction(boolean limitedReduction) {
    this.limitedReduction = limitedReduction;
  }

  public boolean isNoReductionOrParole() {
    return noReductionOrParole;
  }

  public void setNoReductionOrParole(boolean noReductionOrParole) {
    this.noReductionOrParole = noReductionOrParole;
  }

  public List<String> getOffences() {
    return offences;
  }

  public void setOffences(List<String> offences) {
    this.offences = offences;
  }

  public boolean isRecidivist() {
    return recidivist;
  }

  public void setRecidivist(boolean recidivist) {
    this.recidivist = recidivist;
  }

  public String getPropertyPenalty() {
    return propertyPenalty;
  }

  public void setPropertyPenalty(String propertyPenalty) {
    this.propertyPenalty = propertyPenalty;
  }

  public boolean isJuvenile() {
    return juvenile;
  }

  public void setJuvenile(boolean juvenile) {
    this.juvenile = juvenile;
  }

  public boolean isElderlyIllOrDisabled() {
    return elderlyIllOrDisabled;
  }

  public void setElderlyIllOrDisabled(boolean elderlyIllOrDisabled) {
    this.elderlyIllOrDisabled = elderlyIllOrDisabled;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getChangeKind() {
    return changeKind;
  }

  public void setChangeKind(String changeKind) {
    this.changeKind = changeKind;
  }

  public LocalDate getChangeOn() {
    return changeOn;
  }

  public void setChangeOn(LocalDate changeOn) {
    this.changeOn = changeOn;
  }

  public Integer getChangeMonths() {
    return changeMonths;
  }

  public void setChangeMonths(Integer changeMonths) {
    this.changeMonths = changeMonths;
  }

  public Integer getChangeToMonths() {
    return changeToMonths;
  }

  public void setChangeToMonths(Integer changeToMonths) {
    this.changeToMonths = changeToMonths;
  }

  public LocalDate getChangeServedOn() {
    return changeServedOn;
  }

  public void setChangeServedOn(LocalDate changeServedOn) {
    this.changeServedOn = changeServedOn;
  }

  public String getChangeNote() {
    return changeNote;
  }

  public void setChangeNote(String changeNote) {
    this.changeNote = changeNote;
  }

  public boolean isMinorWhileServing() {
    return minorWhileServing;
  }

  public void setMinorWhileServing(boolean minorWhileServing) {
    this.minorWhileServing = minorWhileServing;
  }

  public Integer getViolentTermMonths() {
    return violentTermMonths;
  }

  public void setViolentTermMonths(Integer violentTermMonths) {
    this.violentTermMonths = violentTermMonths;
  }

  public boolean isTwoCrimesOfTenYears() {
    return twoCrimesOfTenYears;
  }

  public void setTwoCrimesOfTenYears(boolean twoCrimesOfTenYears) {
    this.twoCrimesOfTenYears = twoCrimesOfTenYears;
  }

  public boolean isCombinedSentence() {
    return combinedSentence;
  }

  public void setCombinedSentence(boolean combinedSentence) {
    this.combinedSentence = combinedSentence;
  }
}
