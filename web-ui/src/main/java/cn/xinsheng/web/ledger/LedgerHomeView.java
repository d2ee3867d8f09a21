package cn.xinsheng.web.ledger;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.ReviewQueues;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the home pages show of the ledger: the returned-entry alert, the review queue's length. */
@Named
@RequestScoped
public class LedgerHomeView {

  @Inject ReviewQueues queries;
  @Inject CurrentUser currentUser;

  private Integer returned;
  private Integer waiting;

  public int getReturned() {
    if (returned == null) {
      returned = currentUser.getRoles().contains(Role.OFFICER) ? queries.returnedToMe().size() : 0;
    }
    return returned;
  }

  /** "您有一条信息没有通过审核，请及时处理。" */
  public String getReturnedAlert() {
    return Messages.text("ledger.alert.returned", getReturned());
  }

  public int getWaiting() {
    if (waiting == null) {
      waiting =
          currentUser.getRoles().contains(Role.REVIEWER) ? queries.waitingForMyReview().size() : 0;
    }
    return waiting;
  }
}
