package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.MAX_TEXT;
import static cn.xinsheng.cases.application.CaseChanges.refusal;
import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The court's records beside its ruling (the ruling itself is a step, signed through {@link
 * StepService}): an objection received during the court's posting, and one more month to rule.
 */
@Stateless
public class CourtService {

  @Inject CaseChanges changes;
  @Inject PrisonTime time;
  @Inject Caller caller;

  /**
   * An objection received during the court's posting (法释〔2014〕5号第三条), recorded by the case's court:
   * the hearing becomes mandatory (第六条第（三）项).
   */
  @RolesAllowed({Role.JUDGE_NAME, Role.HIGH_JUDGE_NAME})
  public CaseEventDone objectDuringCourtPosting(long caseId, String text) {
    CaseRow row = changes.reach(caseId);
    try {
      changes.load(row).checkCourtPostingObjection(caller.roles(), time.today(), text);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return CaseEventDone.of(
        changes.append(
            row, CaseEventType.COURT_POSTING_OBJECTION, null, text.strip(), null, null, false));
  }

  /**
   * The court takes one more month to rule (法释〔2014〕5号第一条: 案情复杂或者情况特殊的，可以延长一个月), never for 死缓
   * (第一条第（一）项 allows none).
   */
  @RolesAllowed({Role.JUDGE_NAME, Role.HIGH_JUDGE_NAME})
  public CaseEventDone extendRuling(long caseId, String reason) {
    CaseRow row = changes.reach(caseId);
    try {
      changes.load(row).checkCourtExtension(caller.roles(), reason);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (reason.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return CaseEventDone.of(
        changes.append(
            row, CaseEventType.COURT_EXTENSION, null, reason.strip(), null, null, false));
  }
}
