package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.CaseFiles;
import cn.xinsheng.cases.application.CaseParticipants;
import cn.xinsheng.cases.application.CommitteeService;
import cn.xinsheng.cases.application.CourtService;
import cn.xinsheng.cases.application.FindingService;
import cn.xinsheng.cases.application.LawyerService;
import cn.xinsheng.cases.application.PostingService;
import cn.xinsheng.cases.application.ProcuratorateService;
import cn.xinsheng.cases.application.StepService;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One case's file and what the user may do with it: the next step's owner signs it (or returns the
 * case), a committee member votes, the department records an objection or grants a lawyer, the
 * prosecutor gives an opinion, a lawyer files his, any external reader raises a finding.
 */
@Named
@ViewScoped
public class CaseView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CaseFiles caseFiles;

  @Inject transient CaseParticipants participants;
  @Inject transient CommitteeService committee;
  @Inject transient CourtService court;
  @Inject transient FindingService findings;
  @Inject transient LawyerService lawyers;
  @Inject transient PostingService posting;
  @Inject transient ProcuratorateService procuratorate;
  @Inject transient StepService steps;
  @Inject CurrentUser currentUser;
  @Inject transient cn.xinsheng.platform.PlatformClock clock;

  private Long id;
  private transient CaseFile file;
  private String note;
  private String choice;
  private Integer months;
  private LocalDate onDate;
  private String returnTo;
  private String text;
  // the court's own text field: the external readers' finding form on the same page binds text
  private String courtText;
  private String item;
  private String lawyer;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /**
   * Reads the file before the page renders, so that a refusal (an unknown case, or records that no
   * longer match the audit log) reaches the page's messages, which render before the file.
   */
  public void loadFile() {
    if (id == null) {
      // the walk: with no id the page showed only its title
      Messages.error("case.error.noId");
      return;
    }
    getFile();
  }

  public CaseFile getFile() {
    if (file == null && id != null) {
      try {
        file = caseFiles.file(id);
      } catch (Refusal r) {
        Messages.refused(r);
      }
    }
    return file;
  }

  private Set<Role> roles() {
    return currentUser.getRoles();
  }

  /** Whether the user signs the next step (the optional hearing too, for the judge). */
  public boolean isMaySign() {
    CaseFile f = getFile();
    return f != null
        && f.summary().nextOwner() != null
        && roles().contains(Role.valueOf(f.summary().nextOwner()));
  }

  /** The next step is of the prison's part: signed with an opinion (the field is required). */
  public boolean isOpinionRequired() {
    CaseFile f = getFile();
    return isMaySign() && StepService.needsOpinion(f.summary().nextStep());
  }

  public boolean isMayReturn() {
    CaseFile f = getFile();
    if (f == null || f.summary().nextStep() == null) {
      return false;
    }
    return f.rolesThatMayReturn().stream().anyMatch(this::has);
  }

  public List<String> getReturnTargets() {
    CaseFile f = getFile();
    return f == null ? List.of() : f.returnTargets();
  }

  public boolean isMayVote() {
    CaseFile f = getFile();
    return f != null
        && roles().contains(Role.COMMITTEE)
        && "COMMITTEE".equals(f.summary().nextStep())
        && f.meetingHasMember(currentUser.getUsername())
        && f.timeline().stream()
            .noneMatch(t -> "VOTE".equals(t.type()) && currentUser.getUsername().equals(t.party()));
  }

  public boolean isRuling() {
    CaseFile f = getFile();
    return f != null && "RULING".equals(f.summary().nextStep());
  }

  /**
   * The committee's 复核 of posting objections (司法部令第130号第十一条), signed by its owner: the proposal
   * upheld, or changed with a new amount (a reduction only; the changed proposal is posted again).
   */
  public boolean isRecheck() {
    CaseFile f = getFile();
    return f != null && "RECHECK".equals(f.summary().nextStep()) && isMaySign();
  }

  /** Whether the 复核 may change an amount: reductions only (parole has none). */
  public boolean isRecheckMayChange() {
    return isRecheck() && "REDUCTION".equals(getFile().summary().kind());
  }

  /** The bureau's decision: approved (审核同意) or not. */
  public boolean isBureauDecision() {
    CaseFile f = getFile();
    return f != null && "BUREAU_DECISION".equals(f.summary().nextStep());
  }

  /** The case's court, when the user is its judge (intermediate or high court). */
  public boolean isCourt() {
    CaseFile f = getFile();
    if (f == null || f.summary().nextStep() == null) {
      return false;
    }
    return has(f.summary().courtRole())
        && f.timeline().stream().anyMatch(t -> "COURT_RECEIPT".equals(t.step()));
  }

  /** While the court's posting runs, its judge records an objection received (第六条第（三）项). */
  public boolean isMayObjectAtCourt() {
    CaseFile f = getFile();
    return isCourt()
        && f.timeline().stream().anyMatch(t -> "COURT_POSTING".equals(t.step()))
        && f.timeline().stream().noneMatch(t -> "RULING".equals(t.step()));
  }

  /** The court's one more month (not for 死缓): offered until it rules, once. */
  public boolean isMayExtendRuling() {
    CaseFile f = getFile();
    return isCourt()
        && !f.summary().courtExtended()
        && f.summary().courtMayExtend()
        && f.timeline().stream().noneMatch(t -> "RULING".equals(t.step()));
  }

  public boolean isHearing() {
    CaseFile f = getFile();
    return f != null && "HEARING".equals(f.summary().nextStep());
  }

  public boolean isMayHoldOptionalHearing() {
    return isRuling()
        && has(getFile().summary().courtRole())
        && !getFile().summary().hearingRequired();
  }

  public boolean isPosting() {
    CaseFile f = getFile();
    return f != null
        && ("DIRECTOR_MEETING".equals(f.summary().nextStep())
            || "RECHECK".equals(f.summary().nextStep()))
        && f.summary().postingEnds() != null
        && !f.today().isAfter(f.summary().postingEnds());
  }

  public boolean isMayObject() {
    return isPosting() && (roles().contains(Role.OFFICER) || roles().contains(Role.EXECUTION));
  }

  public boolean has(String role) {
    return roles().contains(Role.valueOf(role));
  }

  public boolean isExternal() {
    return roles().stream().anyMatch(Role::isExternal);
  }

  public boolean isMayDownloadPackage() {
    return has("EXECUTION")
        || has("WARDEN")
        || has("PROSECUTOR")
        || has("JUDGE")
        || has("HIGH_JUDGE");
  }

  public List<String> getVoteChoices() {
    return CommitteeService.voteChoices();
  }

  // --- actions ---------------------------------------------------------------------------------

  private void done() {
    Messages.info("case.saved");
    file = null;
    note = null;
    choice = null;
    months = null;
    onDate = null;
    text = null;
    item = null;
    lawyer = null;
  }

  public void sign() {
    try {
      steps.sign(id, getFile().summary().nextStep(), note, choice, months, onDate, null);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void holdHearing() {
    try {
      steps.sign(id, "HEARING", note, null, null, onDate, null);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void doReturn() {
    try {
      steps.returnTo(id, returnTo, note);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void vote(String c) {
    try {
      committee.vote(id, c, note);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void object() {
    try {
      posting.objectDuringPosting(id, text);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void objectAtCourt() {
    try {
      court.objectDuringCourtPosting(id, courtText);
      courtText = null;
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void extendRuling() {
    try {
      court.extendRuling(id, courtText);
      courtText = null;
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void opinion() {
    try {
      procuratorate.opinion(id, choice, text);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void extend() {
    try {
      procuratorate.extend(id, text);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void grantLawyer() {
    try {
      lawyers.grantLawyer(id, lawyer);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void lawyerOpinion() {
    try {
      lawyers.lawyerOpinion(id, text);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void finding() {
    try {
      findings.finding(id, item, text);
      done();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  /** The lawyers to grant the file to, by name (issue 18, item 4), those granted left out. */
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> getLawyerChoices() {
    CaseFile f = getFile();
    if (f == null || !currentUser.hasRole("EXECUTION")) {
      return List.of();
    }
    return participants.lawyers().stream().filter(p -> !f.lawyers().contains(p.login())).toList();
  }

  /**
   * What a finding may be about, chosen from the file (issue 18, item 4): the case as a whole, each
   * step, vote and opinion on its timeline, each ledger entry it cites. The value is the record's
   * subject as the audit log names it; the label says it in words and in the prison's time.
   */
  public List<jakarta.faces.model.SelectItem> getFindingItems() {
    CaseFile f = getFile();
    List<jakarta.faces.model.SelectItem> out = new java.util.ArrayList<>();
    if (f == null) {
      return out;
    }
    out.add(
        new jakarta.faces.model.SelectItem(
            "case/" + f.summary().id(),
            Messages.text("case.finding.wholeCase") + " " + f.summary().number()));
    for (CaseFile.TimelineItem t : f.timeline()) {
      String what =
          Messages.text("case.event." + t.type())
              + (t.step() == null ? "" : " · " + Messages.text("case.step." + t.step()));
      out.add(
          new jakarta.faces.model.SelectItem(
              "case-event/" + t.id(),
              what
                  + " · "
                  + t.signedBy()
                  + " · "
                  + cn.xinsheng.platform.Wording.minutes(t.at(), zone())));
    }
    for (CaseFile.LedgerLine l : f.ledger()) {
      out.add(
          new jakarta.faces.model.SelectItem(
              "point-entry/" + l.id(),
              Messages.text("case.finding.entry")
                  + " #"
                  + l.id()
                  + " · "
                  + l.month()
                  + " · "
                  + l.clause()
                  + " "
                  + l.amount()
                  + " · "
                  + l.fact()));
    }
    return out;
  }

  private java.time.ZoneId zone() {
    return clock.zone();
  }

  /** A reason's arguments said in the language: band names are message keys. */
  public Object[] args(List<String> args) {
    return args.toArray();
  }

  // --- form fields -----------------------------------------------------------------------------

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getChoice() {
    return choice;
  }

  public void setChoice(String choice) {
    this.choice = choice;
  }

  public Integer getMonths() {
    return months;
  }

  public void setMonths(Integer months) {
    this.months = months;
  }

  public LocalDate getOnDate() {
    return onDate;
  }

  public void setOnDate(LocalDate onDate) {
    this.onDate = onDate;
  }

  public String getReturnTo() {
    return returnTo;
  }

  public void setReturnTo(String returnTo) {
    this.returnTo = returnTo;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCourtText() {
    return courtText;
  }

  public void setCourtText(String courtText) {
    this.courtText = courtText;
  }

  public String getItem() {
    return item;
  }

  public void setItem(String item) {
    this.item = item;
  }

  public String getLawyer() {
    return lawyer;
  }

  public void setLawyer(String lawyer) {
    this.lawyer = lawyer;
  }
}
