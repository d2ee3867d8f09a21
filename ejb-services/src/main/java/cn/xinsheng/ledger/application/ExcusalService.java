package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.LabourExcusal;
import cn.xinsheng.ledger.domain.LabourExcusals;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Excusal from labour (issue 16, deliverable 7; 司规〔2021〕3号, DOMAIN §2): a section officer enters it
 * with its reason, another person (the section's reviewer) approves or rejects it; both are
 * audited. The monthly assessment splits an approved excused month's base 50/50 over discipline and
 * education.
 */
@Stateless
public class ExcusalService {

  /** One excusal as a list shows it. */
  public record ExcusalView(
      long id,
      String prisonerNumber,
      String from,
      String to,
      String reason,
      String enteredBy,
      String decision,
      String reviewedBy,
      String reviewReason) {}

  @Inject LabourExcusals excusals;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject LedgerAudit audit;
  @Inject cn.xinsheng.organisation.domain.InmateRepository inmates;

  /** An officer enters an excusal for an inmate of his section. */
  @RolesAllowed(Role.OFFICER_NAME)
  public long enter(String prisonerNumber, YearMonth from, YearMonth to, String reason) {
    Inmate inmate =
        scope
            .inmate(prisonerNumber == null ? "" : prisonerNumber.strip())
            .orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
    scope.requireSection(inmate.getSection().getId());
    String refused = LabourExcusal.checkEntry(from, to, reason);
    if (refused != null) {
      throw Refusal.invalid(refused);
    }
    long id =
        excusals.enter(
            inmate.getId(),
            inmate.getSection().getId(),
            from,
            to,
            reason.strip(),
            caller.name(),
            time.now());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate.getPrisonerNumber().value());
    p.put("excusal", id);
    p.put("from", from.toString());
    if (to != null) {
      p.put("to", to.toString());
    }
    p.put("reason", reason.strip());
    audit.append("ledger.excusal.entered", "labour-excusal/" + id, p);
    return id;
  }

  /** Another person of the section approves or rejects it. */
  @RolesAllowed(Role.REVIEWER_NAME)
  public void review(long excusalId, String decision, String reason) {
    LabourExcusals.Filed filed =
        excusals.find(excusalId).orElseThrow(() -> Refusal.notFound("ledger.error.unknownExcusal"));
    scope.requireSection(filed.sectionId());
    LabourExcusal e = filed.excusal();
    String refused = e.checkReview(caller.name(), decision == null ? "" : decision.strip(), reason);
    if (refused != null) {
      throw "ledger.error.stepDone".equals(refused)
          ? Refusal.conflict(refused)
          : "ledger.error.excusalSelfReview".equals(refused)
              ? Refusal.forbidden(refused)
              : Refusal.invalid(refused);
    }
    excusals.review(excusalId, decision.strip(), reason.strip(), caller.name(), time.now());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("excusal", excusalId);
    p.put("decision", decision.strip());
    p.put("reason", reason.strip());
    audit.append("ledger.excusal.reviewed", "labour-excusal/" + excusalId, p);
  }

  /** The excusals of a section, newest first. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<ExcusalView> ofSection(long sectionId) {
    scope.requireSection(sectionId);
    List<LabourExcusals.Line> lines = excusals.ofSection(sectionId);
    // prisoner numbers from organisation's repository: no SQL on its inmate table here
    Map<Long, String> numbers = new HashMap<>();
    for (Inmate i : inmates.findBySections(List.of(sectionId))) {
      numbers.put(i.getId(), i.getPrisonerNumber().value());
    }
    List<ExcusalView> out = new ArrayList<>();
    for (LabourExcusals.Line l : lines) {
      out.add(
          new ExcusalView(
              l.id(),
              numbers.get(l.inmateId()),
              l.from().toString(),
              l.to() == null ? null : l.to().toString(),
              l.reason(),
              l.enteredBy(),
              l.decision(),
              l.reviewedBy(),
              l.reviewReason()));
    }
    return out;
  }
}
