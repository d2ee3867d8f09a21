package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseCalendarService;
import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.Noticeboard;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The cases the user may see, by the next step's deadline: the officers' and the department's
 * working list, and the external readers' portal (each reader's remit, read-only).
 */
@Named
@ViewScoped
public class CaseListView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CaseLists caseLists;
  @Inject CurrentUser currentUser;
  @Inject transient CaseCalendarService caseCalendar;
  @Inject transient cn.xinsheng.platform.PlatformClock clock;

  private transient List<CaseSummary> list;
  private transient List<CaseSummary> filtered;

  /** The rows the table's filters (number, inmate, state) leave (issue 18). */
  public List<CaseSummary> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<CaseSummary> filtered) {
    this.filtered = filtered;
  }

  public List<CaseSummary> getList() {
    if (list == null) {
      list = caseLists.list();
    }
    return list;
  }

  public boolean isExternal() {
    return currentUser.getRoles().stream().anyMatch(Role::isExternal);
  }

  /** The noticeboard's PDF links are offered only to those who may open them. */
  public boolean isNoticeboard() {
    return currentUser.getRoles().stream().anyMatch(Noticeboard.READERS::contains);
  }

  public String getToday() {
    return caseLists.today().toString();
  }

  /** In a demonstration only: the department moves the case calendar forward. */
  public boolean isDemoClock() {
    return currentUser.getRoles().contains(Role.EXECUTION) && clock.isDemo();
  }

  public void advance(int days) {
    try {
      caseCalendar.advanceDemoClock(days);
      Messages.info("case.demoClock.moved", caseLists.today().toString());
      list = null;
    } catch (cn.xinsheng.platform.Refusal r) {
      Messages.refused(r);
    }
  }
}
