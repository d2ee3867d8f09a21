package cn.xinsheng.web.ledger;

import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.InmateLedgerQueries;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.application.ObjectionQueries;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The inmate's own ledger at his terminal: every approved entry about him with its clause, amount,
 * fact and evidence; his months as published; his objections and where each stands; an objection to
 * an entry or a month while its window is open.
 */
@Named
@ViewScoped
public class MyLedgerView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient InmateLedgerQueries queries;
  @Inject transient ObjectionQueries objectionQueries;
  @Inject transient ObjectionService objections;
  @Inject transient PrisonTime time;

  private transient List<EntryView> entries;
  private transient List<MonthView> months;
  private transient List<ObjectionQueries.ObjectionView> mine;
  private transient List<cn.xinsheng.ledger.application.CycleView> cycles;
  private Long objectEntry;
  private String objectMonth;
  private String text;

  public List<EntryView> getEntries() {
    if (entries == null) {
      entries = queries.myEntries();
    }
    return entries;
  }

  public List<MonthView> getMonths() {
    if (months == null) {
      months = queries.myMonths();
    }
    return months;
  }

  public List<cn.xinsheng.ledger.application.CycleView> getCycles() {
    if (cycles == null) {
      cycles = queries.myCycles();
    }
    return cycles;
  }

  public List<ObjectionQueries.ObjectionView> getObjections() {
    if (mine == null) {
      mine = objectionQueries.myObjections();
    }
    return mine;
  }

  /** Whether the entry's month is published and its window still open. */
  public boolean mayObject(String month) {
    LocalDate today = time.today();
    return getMonths().stream()
        .anyMatch(
            m ->
                m.month().equals(month)
                    && m.state().equals("PUBLISHED")
                    && m.windowEnds() != null
                    && !today.isAfter(m.windowEnds()));
  }

  public void startEntry(EntryView e) {
    objectEntry = e.id();
    objectMonth = null;
    text = null;
  }

  public void startMonth(MonthView m) {
    objectEntry = null;
    objectMonth = m.month();
    text = null;
  }

  public void submit() {
    try {
      if (objectEntry != null) {
        objections.objectToEntry(objectEntry, text);
      } else {
        objections.objectToMonth(YearMonth.parse(objectMonth), text);
      }
      Messages.info("objection.submitted");
      mine = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
