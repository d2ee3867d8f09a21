package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.identity.application.Visits;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/**
 * An external reader's home (prosecutor, judge, supervisor, lawyer): the case files in his remit
 * that changed since his last visit (issue 18, item 3), each with how many new records and the
 * latest, and the way to open it. On a first visit, every file in his remit is new.
 */
@Named
@RequestScoped
public class SinceLastVisitView {

  @Inject Visits visits;
  @Inject CaseLists caseLists;

  private Instant since;
  private boolean read;
  private List<CaseLists.Changed> changed;

  /** The last visit, or null on the first. */
  public Instant getSince() {
    if (!read) {
      since = visits.previousVisit().orElse(null);
      read = true;
    }
    return since;
  }

  public List<CaseLists.Changed> getChanged() {
    if (changed == null) {
      changed = caseLists.changedSince(getSince());
    }
    return changed;
  }
}
