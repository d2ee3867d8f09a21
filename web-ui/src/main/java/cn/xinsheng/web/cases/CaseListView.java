package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseQueries;
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

  @Inject transient CaseQueries queries;
  @Inject CurrentUser currentUser;
  @Inject transient cn.xinsheng.cases.application.CaseService cases;
  @Inject transient cn.xinsheng.platform.PlatformClock clock;

  private transient List<CaseQueries.CaseSummary> list;
  private transient List<CaseQueries.CaseSummary> filtered;

  /** The rows the table's filters (number, inmate, state) leave (issue 18). */
  public List<CaseQueries.CaseSummary> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<CaseQueries.CaseSummary> filtered) {
    this.filtered = filtered;
  }

  public List<CaseQueries.CaseSummary> getList() {
    if (list == null) {
      list = queries.list();
    }
    return list;
  }

  public boolean isExternal() {
    return currentUser.getRoles().stream().anyMatch(Role::isExternal);
  }

  /** The noticeboard's PDF links are offered only to those who may open them. */
  public boolean isNoticeboard() {
    return currentUser.getRoles().stream().anyMatch(CaseQueries.NOTICEBOARD_READERS::contains);
  }

  public String getToday() {
    return queries.today().toString();
  }

  /** In a demonstration only: the department moves the case calendar forward. */
  public boolean isDemoClock() {
    return currentUser.getRoles().contains(Role.EXECUTION) && clock.isDemo();
  }

  public void advance(int days) {
    try {
      cases.advanceDemoClock(days);
      Messages.info("case.demoClock.moved", queries.today().toString());
      list = null;
    } catch (cn.xinsheng.platform.Refusal r) {
      Messages.refused(r);
    }
  }
}
