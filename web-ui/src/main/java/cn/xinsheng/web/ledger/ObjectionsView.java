package cn.xinsheng.web.ledger;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.InmateLedgerQueries;
import cn.xinsheng.ledger.application.ObjectionQueries;
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
 * Objections and findings of the caller's sections with where each loop stands; the next step taken
 * in a dialog by the role whose step it is (for the prosecutor and supervisor: their own findings,
 * read-only).
 */
@Named
@ViewScoped
public class ObjectionsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ObjectionQueries queries;
  @Inject transient InmateLedgerQueries inmateLedger;
  @Inject transient ObjectionService objections;
  @Inject CurrentUser currentUser;

  private transient List<ObjectionQueries.ObjectionView> list;
  private Long current;
  private String step;
  private String note;
  private String officer;
  private String outcome;
  private Long correction;
  // issue 18, item 4: who the objection may go to and which entry carries out its correction,
  // chosen from lists
  private List<cn.xinsheng.identity.application.AccountDirectory.Person> assignees = List.of();
  private List<jakarta.faces.model.SelectItem> corrections = List.of();

  public List<ObjectionQueries.ObjectionView> getList() {
    if (list == null) {
      list = staff() ? queries.objectionsOfMySections() : queries.myFindings();
    }
    return list;
  }

  public boolean staff() {
    return currentUser.getRoles().contains(Role.OFFICER)
        || currentUser.getRoles().contains(Role.REVIEWER);
  }

  /** Whether the caller takes this objection's next step. */
  public boolean mayAct(ObjectionQueries.ObjectionView o) {
    if (o.nextStep() == null || !staff()) {
      return false;
    }
    return o.reviewerTakesNextStep()
        ? currentUser.getRoles().contains(Role.REVIEWER)
        : o.assignee().equals(currentUser.getUsername());
  }

  public void start(ObjectionQueries.ObjectionView o) {
    current = o.id();
    step = o.nextStepName();
    note = null;
    officer = null;
    outcome = null;
    correction = null;
    assignees = List.of();
    corrections = List.of();
    try {
      // by name: the view re-derives no rule from the domain (WebReachesApplicationTest)
      if ("DISPATCH".equals(step) && currentUser.hasRole("REVIEWER")) {
        assignees = objections.assignees(o.id());
      }
      if ("HANDLE".equals(step)) {
        corrections =
            inmateLedger.timeline(o.prisonerNumber()).stream()
                .map(
                    e ->
                        new jakarta.faces.model.SelectItem(
                            e.id(),
                            "#"
                                + e.id()
                                + " · "
                                + e.month()
                                + " · "
                                + e.clauseText()
                                + " "
                                + e.getAmountText()
                                + " · "
                                + e.fact()))
                .toList();
      }
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<cn.xinsheng.identity.application.AccountDirectory.Person> getAssignees() {
    return assignees;
  }

  public List<jakarta.faces.model.SelectItem> getCorrections() {
    return corrections;
  }

  public void act() {
    try {
      objections.advance(current, step, note, officer, outcome, correction);
      Messages.info("objection.done", step);
      list = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<String> getOutcomes() {
    return ObjectionService.outcomes();
  }

  public String getStep() {
    return step;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getOfficer() {
    return officer;
  }

  public void setOfficer(String officer) {
    this.officer = officer;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    // the menu's empty choice is no outcome, as the enum's converter made it
    this.outcome = outcome == null || outcome.isEmpty() ? null : outcome;
  }

  public Long getCorrection() {
    return correction;
  }

  public void setCorrection(Long correction) {
    this.correction = correction;
  }
}
