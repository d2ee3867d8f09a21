package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseQueries;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.CurrentUser;
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

  private transient List<CaseQueries.CaseSummary> list;

  public List<CaseQueries.CaseSummary> getList() {
    if (list == null) {
      list = queries.list();
    }
    return list;
  }

  public boolean isExternal() {
    return currentUser.getRoles().stream().anyMatch(Role::isExternal);
  }

  public String getToday() {
    return queries.today().toString();
  }
}
