package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The four-eyes review as a work queue: the officer's entries that came back to him, the entries of
 * a reviewer's sections waiting for his second signature. Each entry checked against the audit log.
 */
@Stateless
// as LedgerQueries had it: every read names its own roles, the default is the ledger's readers
@RolesAllowed({
  Role.OFFICER_NAME,
  Role.REVIEWER_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.WARDEN_NAME,
  Role.COMMITTEE_NAME,
  Role.HIGH_JUDGE_NAME
})
public class ReviewQueues {

  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject LedgerReads reads;
  @Inject LedgerReadModel model;

  /** The officer's entries that came back: "您有一条信息没有通过审核，请及时处理". */
  @RolesAllowed(Role.OFFICER_NAME)
  public List<EntryView> returnedToMe() {
    return model.checked(reads.returnedTo(caller.name()));
  }

  /** Entries of the reviewer's sections waiting for a second signature, not his own. */
  @RolesAllowed(Role.REVIEWER_NAME)
  public List<EntryView> waitingForMyReview() {
    return model.checked(reads.awaitingReview(scope.sections(), caller.name()));
  }
}
