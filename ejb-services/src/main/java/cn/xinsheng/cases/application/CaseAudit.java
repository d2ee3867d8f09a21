package cn.xinsheng.cases.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.infrastructure.CaseEventBinding;
import cn.xinsheng.cases.infrastructure.ReductionCaseBinding;
import cn.xinsheng.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every case record into the tamper-evident log, in the record's own transaction. Each event
 * carries the inmate's prisoner number, so his export and the case package find it, and the same
 * field names the case package's record list compares with the database.
 */
@ApplicationScoped
public class CaseAudit {

  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Inject java.time.Clock clock;

  public static Map<String, Object> caseFields(CaseRow c) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", c.prisonerNumber());
    p.put("case", c.id());
    p.put("number", c.number());
    p.put("kind", c.kind().name());
    p.put("proposedMonths", c.proposedMonths() == null ? null : c.proposedMonths().longValue());
    p.put("rationale", c.rationale());
    p.put("ruleVersion", c.ruleVersion());
    if (c.track() != null && c.track().viaBureau()) {
      // issue 16: a life or 死缓 case goes through the bureau to the high court
      p.put("court", c.track().name());
    }
    // an event's payload holds no nulls: a field that is absent is simply left out
    p.values().removeIf(java.util.Objects::isNull);
    return p;
  }

  public static Map<String, Object> eventFields(CaseRow c, CaseEvent e) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", c.prisonerNumber());
    p.put("case", c.id());
    p.put("type", e.type().name());
    p.put("step", e.step() == null ? null : e.step().name());
    p.put("note", e.note());
    p.put("choice", e.choice());
    p.put("months", e.months() == null ? null : e.months().longValue());
    p.put("onDate", e.onDate() == null ? null : e.onDate().toString());
    p.put("party", e.party());
    p.put("late", e.late());
    p.values().removeIf(java.util.Objects::isNull);
    return p;
  }

  public void proposed(CaseRow c, List<Long> cycles, Map<String, Object> eligibility) {
    Map<String, Object> p = caseFields(c);
    p.put("cycles", cycles);
    p.put("eligibility", eligibility);
    // the proposal's row is bound to its entry (issue 15): a later edit is caught and named
    append(
        "case.proposed",
        "case/" + c.id(),
        p,
        List.of(),
        List.of(AuditLog.Bind.of(ReductionCaseBinding.TABLE, c.id())));
  }

  public void event(CaseRow c, long eventId, CaseEvent e, String attachmentSha) {
    Map<String, Object> p = eventFields(c, e);
    if (e.meetingId() != null) {
      p.put("meeting", e.meetingId());
    }
    // the row itself is bound to its entry (issue 15): a later edit of it is caught and named
    auditLog.record(
        "case." + e.type().name().toLowerCase(java.util.Locale.ROOT),
        "case-event/" + eventId,
        p,
        attachmentSha == null ? List.of() : List.of(attachmentSha),
        clock.instant(),
        List.of(AuditLog.Bind.of(CaseEventBinding.TABLE, eventId)));
  }

  /** The same as {@link #append}, binding the rows the step wrote (issue 15). */
  public void append(
      String action,
      String subject,
      Map<String, Object> payload,
      List<String> hashes,
      List<AuditLog.Bind> bound) {
    auditLog.record(action, subject, payload, hashes, clock.instant(), bound);
  }

  public void append(
      String action, String subject, Map<String, Object> payload, List<String> hashes) {
    auditLog.record(action, subject, payload, hashes);
  }
}
