package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.LabourExcusal;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
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

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

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
    em.createNativeQuery(
            "INSERT INTO labour_excusal (inmate_id, section_id, from_month, to_month, reason,"
                + " entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, inmate.getId())
        .setParameter(2, inmate.getSection().getId())
        .setParameter(3, from.toString())
        .setParameter(4, to == null ? null : to.toString())
        .setParameter(5, reason.strip())
        .setParameter(6, caller.name())
        .setParameter(7, Timestamp.from(time.now()))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
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
    Object[] row = row(excusalId);
    scope.requireSection(((Number) row[2]).longValue());
    LabourExcusal e = excusal(row);
    String refused = e.checkReview(caller.name(), decision == null ? "" : decision.strip(), reason);
    if (refused != null) {
      throw "ledger.error.stepDone".equals(refused)
          ? Refusal.conflict(refused)
          : "ledger.error.excusalSelfReview".equals(refused)
              ? Refusal.forbidden(refused)
              : Refusal.invalid(refused);
    }
    em.createNativeQuery(
            "INSERT INTO labour_excusal_review (excusal_id, decision, reason, reviewed_by,"
                + " reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, excusalId)
        .setParameter(2, decision.strip())
        .setParameter(3, reason.strip())
        .setParameter(4, caller.name())
        .setParameter(5, Timestamp.from(time.now()))
        .executeUpdate();
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.id, x.inmate_id, x.from_month, x.to_month, x.reason, x.entered_by,"
                    + " r.decision, r.reviewed_by, r.reason FROM labour_excusal x"
                    + " LEFT JOIN labour_excusal_review r ON r.excusal_id = x.id"
                    + " WHERE x.section_id = ?1 ORDER BY x.id DESC")
            .setParameter(1, sectionId)
            .getResultList();
    // prisoner numbers from organisation's repository: no SQL on its inmate table here
    Map<Long, String> numbers = new HashMap<>();
    for (Inmate i : inmates.findBySections(List.of(sectionId))) {
      numbers.put(i.getId(), i.getPrisonerNumber().value());
    }
    List<ExcusalView> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new ExcusalView(
              ((Number) r[0]).longValue(),
              numbers.get(((Number) r[1]).longValue()),
              r[2].toString(),
              r[3] == null ? null : r[3].toString(),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[8]));
    }
    return out;
  }

  private Object[] row(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT x.id, x.inmate_id, x.section_id, x.from_month, x.to_month, x.entered_by,"
                    + " r.decision, r.reviewed_by FROM labour_excusal x"
                    + " LEFT JOIN labour_excusal_review r ON r.excusal_id = x.id WHERE x.id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw Refusal.notFound("ledger.error.unknownExcusal");
    }
    return rows.get(0);
  }

  private static LabourExcusal excusal(Object[] r) {
    return new LabourExcusal(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        YearMonth.parse(r[3].toString()),
        r[4] == null ? null : YearMonth.parse(r[4].toString()),
        (String) r[5],
        (String) r[6],
        (String) r[7]);
  }
}
