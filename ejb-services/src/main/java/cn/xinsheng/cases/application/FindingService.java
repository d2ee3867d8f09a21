package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * An external reader's finding on an item of a case in his remit; the ledger's objection loop
 * carries it inside the prison.
 */
@Stateless
public class FindingService {

  @Inject CaseFiles files;
  @Inject CaseRepository store;
  @Inject cn.xinsheng.ledger.application.ObjectionService objections;

  /**
   * An external reader's finding on an item of a case in his remit (the case, a step, a vote, a
   * cited entry): it runs the objection loop inside the prison.
   */
  @RolesAllowed({Role.PROSECUTOR_NAME, Role.SUPERVISOR_NAME, Role.JUDGE_NAME, Role.LAWYER_NAME})
  public long finding(long caseId, String item, String text) {
    // read as the file is opened: only a case in the reader's remit, and his read is logged
    CaseFile file = files.file(caseId);
    CaseRow row = store.find(file.summary().id()).orElseThrow();
    if (item != null && item.length() > 100) {
      throw Refusal.invalid("case.error.item");
    }
    return objections.raiseCaseFinding(caseId, row.inmateId(), item, text);
  }
}
