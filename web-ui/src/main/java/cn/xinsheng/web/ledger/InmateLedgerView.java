package cn.xinsheng.web.ledger;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.LedgerQueries;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
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

  @Inject transient LedgerQueries queries;
  @Inject transient ObjectionService objections;
  @Inject CurrentUser currentUser;

  private String number;
  private List<EntryView> entries = List.of();
  private List<MonthView> months = List.of();
  private Long findingEntry;
  private String findingText;

  @PostConstruct
  void init() {
    number =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("no");
    load();
  }

  public void load() {
    if (number == null || number.isBlank()) {
      return;
    }
    try {
      entries = queries.timeline(number.strip());
      months = queries.monthsOf(number.strip());
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
