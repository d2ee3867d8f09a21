package cn.xinsheng.web.ledger;

import cn.xinsheng.ledger.application.ExcusalService;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.application.SectionOverview;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.organisation.InmatePicker;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Excusal from labour (司规〔2021〕3号: the old, ill and disabled have no labour part, their month is
 * split 50/50): an officer of the section enters it with its reason, another person — the section's
 * reviewer — approves or rejects it; only an approved excusal changes the monthly split.
 */
@Named
@ViewScoped
public class LabourExcusalView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ExcusalService excusals;
  @Inject transient OrganisationQueries organisation;
  @Inject transient CallerScope scope;
  @Inject CurrentUser currentUser;

  private List<SectionOverview> sections = List.of();
  private Long sectionId;
  private transient List<ExcusalService.ExcusalView> list;
  private String prisonerNumber;
  private String from;
  private String to;
  private String reason;
  private Long reviewingId;
  private String reviewingLabel;
  private String decision = "APPROVED";
  private String reviewReason;

  @PostConstruct
  void init() {
    var mine = scope.sections();
    sections =
        organisation.sectionOverview().stream().filter(x -> mine.contains(x.sectionId())).toList();
    sectionId = sections.isEmpty() ? null : sections.get(0).sectionId();
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

  /**
   * A link may name the inmate the excusal is for (?inmate=3301000011): the section shown becomes
   * his (he may be in another of the officer's sections than the first), or the page says that the
   * link names nobody. The page's view action, so that what it says is shown.
   */
  public void openLink() {
    String linked = InmatePicker.parameter("inmate");
    if (linked == null) {
      return;
    }
    var his = InmatePicker.chosen(linked, organisation::inmatesToChoose);
    his.ifPresent(i -> sectionId = i.sectionId());
    prisonerNumber = his.map(InmatePicker::line).orElse(InmatePicker.numberOf(linked));
    checkInmate();
  }

  /**
   * Says when the picker names nobody of the officer's sections, as soon as it is left (issue 18
   * walk: the page stayed silent), in the words the entry's refusal uses. The entry takes an inmate
   * of any of his sections, so the check does too, not only the section shown.
   */
  public void checkInmate() {
    if (InmatePicker.namesNobody(prisonerNumber, organisation::inmatesToChoose)) {
      Messages.error("error.unknownInmate");
    }
  }

  /**
   * The inmates of the chosen section the officer may pick, by name or number (issue 18, item 5),
   * as "姓名（编号）".
   */
  public List<String> completeInmate(String typed) {
    return InmatePicker.lines(organisation.inmatesToChoose(typed, sectionId));
  }

  public boolean isOfficer() {
    return currentUser.hasRole("OFFICER");
  }

  public boolean isReviewer() {
    return currentUser.hasRole("REVIEWER");
  }

  public void reload() {
    list = null;
    reviewingId = null;
  }

  public List<ExcusalService.ExcusalView> getList() {
    if (list == null) {
      list = sectionId == null ? List.of() : excusals.ofSection(sectionId);
    }
    return list;
  }

  public List<String> getDecisions() {
    return List.of("APPROVED", "REJECTED");
  }

  public void enter() {
    try {
      YearMonth f = month(from, "ledger.error.excusalFrom");
      if (f == null) {
        throw Refusal.invalid("ledger.error.excusalFrom");
      }
      String number = InmatePicker.numberOf(prisonerNumber);
      if (number.isEmpty()) {
        throw Refusal.invalid("picker.inmate.required");
      }
      excusals.enter(number, f, month(to, "ledger.error.excusalMonths"), reason);
      Messages.info("excusal.entered");
      prisonerNumber = null;
      from = null;
      to = null;
      reason = null;
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void choose(ExcusalService.ExcusalView x) {
    reviewingId = x.id();
    reviewingLabel = x.prisonerNumber() + " · " + x.from() + (x.to() == null ? "" : "—" + x.to());
    decision = "APPROVED";
    reviewReason = null;
  }

  public void review() {
    if (reviewingId == null) {
      return;
    }
    try {
      excusals.review(reviewingId, decision, reviewReason);
      Messages.info("excusal.reviewed");
      reload();
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  private static YearMonth month(String text, String key) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(key);
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

  public String getPrisonerNumber() {
    return prisonerNumber;
  }

  public void setPrisonerNumber(String prisonerNumber) {
    this.prisonerNumber = prisonerNumber;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getReviewingId() {
    return reviewingId;
  }

  public String getReviewingLabel() {
    return reviewingLabel;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getReviewReason() {
    return reviewReason;
  }

  public void setReviewReason(String reviewReason) {
    this.reviewReason = reviewReason;
  }
}
