package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * A lawyer in one case: the department grants him the case, and he gives his written opinion while
 * it is open.
 */
@Stateless
public class LawyerService {

  @Inject CaseChanges changes;
  @Inject Caller caller;
  @Inject AccountDirectory accounts;

  /** The department lets one lawyer see this one case. */
  @RolesAllowed(Role.EXECUTION_NAME)
  public CaseEventDone grantLawyer(long caseId, String lawyer) {
    CaseRow row = changes.find(caseId);
    if (lawyer == null || !accounts.holdsRole(lawyer, Role.LAWYER)) {
      throw Refusal.invalid("case.error.notALawyer", String.valueOf(lawyer));
    }
    if (changes.load(row).lawyers().contains(lawyer)) {
      throw Refusal.conflict("case.error.alreadyGranted", lawyer);
    }
    return CaseEventDone.of(
        changes.append(row, CaseEventType.LAWYER_GRANT, null, "", null, lawyer, false));
  }

  /** A granted lawyer's written opinion. */
  @RolesAllowed(Role.LAWYER_NAME)
  public CaseEventDone lawyerOpinion(long caseId, String text) {
    CaseRow row = changes.find(caseId);
    ReductionCase kase = changes.load(row);
    if (!kase.lawyers().contains(caller.name())) {
      throw Refusal.notFound("case.error.unknown");
    }
    if (kase.isClosed()) {
      throw Refusal.conflict("case.error.closed");
    }
    return CaseEventDone.of(
        changes.append(
            row,
            CaseEventType.LAWYER_OPINION,
            null,
            text(text, "case.error.text"),
            null,
            caller.name(),
            false));
  }
}
