package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.MAX_TEXT;
import static cn.xinsheng.cases.application.CaseChanges.refusal;
import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerRecords;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The posting inside the prison (公示): while a case is posted, an inmate of its section objects from
 * the noticeboard, or an officer or the department records an objection someone wrote on paper.
 */
@Stateless
public class PostingService {

  @Inject CaseChanges changes;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject LedgerRecords ledger;

  /**
   * An objection during the posting inside the prison: by an inmate of the case's section (from the
   * noticeboard) or recorded by an officer or the department for someone who wrote it on paper.
   */
  @RolesAllowed({Role.INMATE_NAME, Role.OFFICER_NAME, Role.EXECUTION_NAME})
  public CaseEventDone objectDuringPosting(long caseId, String text) {
    CaseRow row = changes.find(caseId);
    if (caller.has(Role.INMATE)) {
      if (scope.ownInmate().getSection().getId() != row.sectionId()) {
        throw Refusal.notFound("case.error.unknown");
      }
    } else if (!caller.has(Role.EXECUTION)) {
      scope.requireSection(row.sectionId());
    }
    try {
      changes.load(row).checkPostingObjection(time.today(), ledger.calendar(), text);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return CaseEventDone.of(
        changes.append(
            row, CaseEventType.POSTING_OBJECTION, null, text.strip(), null, null, false));
  }
}
