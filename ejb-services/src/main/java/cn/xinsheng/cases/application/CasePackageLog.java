package cn.xinsheng.cases.application;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records, in its own committed transaction, that a case package was made and its PDF's hash. */
@Stateless
@RolesAllowed({
  Role.EXECUTION_NAME,
  Role.WARDEN_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.HIGH_JUDGE_NAME
})
public class CasePackageLog {

  @Inject CaseAudit audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void produced(
      String prisonerNumber, long caseId, String number, String pdfSha, String marker) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("case", caseId);
    p.put("number", number);
    p.put("pdf", pdfSha);
    audit.append(
        cn.xinsheng.audit.export.ExportFormat.PACKAGE_PRODUCED, marker, p, List.of(pdfSha));
  }
}
