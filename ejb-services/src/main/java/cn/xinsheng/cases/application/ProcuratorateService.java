package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.MAX_TEXT;
import static cn.xinsheng.cases.application.CaseChanges.refusal;
import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The procuratorate's part in a case (检察监督): its opinion on the proposal, taken and flagged late
 * after its deadline, and its one extension of that deadline.
 */
@Stateless
public class ProcuratorateService {

  @Inject CaseChanges changes;
  @Inject PrisonTime time;

  /** The procuratorate's opinion; after its deadline it is taken and flagged late. */
  @RolesAllowed(Role.PROSECUTOR_NAME)
  public CaseEventDone opinion(long caseId, String choice, String reasons) {
    CaseRow row = changes.find(caseId);
    boolean late;
    try {
      late = changes.load(row).checkOpinion(time.today(), choice, reasons);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    String text = reasons == null ? "" : reasons.strip();
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return CaseEventDone.of(
        changes.append(row, CaseEventType.PROCURATORATE_OPINION, null, text, choice, null, late));
  }

  @RolesAllowed(Role.PROSECUTOR_NAME)
  public CaseEventDone extend(long caseId, String reason) {
    CaseRow row = changes.find(caseId);
    try {
      changes.load(row).checkExtension();
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    return CaseEventDone.of(
        changes.append(
            row,
            CaseEventType.PROCURATORATE_EXTENSION,
            null,
            text(reason, "case.error.reason"),
            null,
            null,
            false));
  }
}
