package cn.xinsheng.ledger.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.infrastructure.PointEntryBinding;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts every ledger step into the tamper-evident log, in the step's own transaction. Events about
 * one inmate carry his prisoner number as {@code inmate}, so an export of his ledger finds them,
 * and an entry's event carries the hashes of its evidence.
 */
@ApplicationScoped
public class LedgerAudit {

  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Inject PrisonTime time;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** The entry as a court reads it: inmate, clause (code, version, text), amount, fact, links. */
  public void entry(String action, PointEntry e, String prisonerNumber, RuleClause clause) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("entry", e.getId());
    p.put("clause", clause.getCode());
    p.put("catalogue", clause.getCatalogueId());
    p.put("clauseText", clause.getText());
    p.put("part", clause.getPart().name());
    p.put("amount", e.getAmount().toString());
    p.put("fact", e.getFact());
    p.put("occurredAt", e.getOccurredAt().toString());
    p.put("month", e.getMonth().toString());
    p.put("evidenceIds", e.getEvidenceIds().stream().sorted().toList());
    if (e.getSupersedesId() != null) {
      p.put("supersedes", e.getSupersedesId());
    }
    if (e.getReversesId() != null) {
      p.put("reverses", e.getReversesId());
      p.put("reason", e.getReason());
    }
    if (e.getBatchId() != null) {
      p.put("batch", e.getBatchId());
    }
    List<String> hashes =
        e.getEvidenceIds().stream()
            .sorted()
            .map(id -> em.find(Evidence.class, id).getSha256())
            .distinct()
            .toList();
    // the row itself is bound to the entry: a later edit of it is caught and named
    auditLog.record(
        action,
        "point-entry/" + e.getId(),
        p,
        hashes,
        e.getRecordedAt(),
        List.of(AuditLog.Bind.of(PointEntryBinding.TABLE, e.getId())));
  }

  public void append(String action, String subject, Map<String, Object> payload) {
    append(action, subject, payload, List.of(), time.now());
  }

  public void append(
      String action, String subject, Map<String, Object> payload, List<String> hashes, Instant at) {
    auditLog.record(action, subject, payload, hashes, at);
  }

  /** The same, binding the rows the step wrote (their table and id). */
  public void append(
      String action,
      String subject,
      Map<String, Object> payload,
      List<String> hashes,
      Instant at,
      List<AuditLog.Bind> bound) {
    auditLog.record(action, subject, payload, hashes, at, bound);
  }
}
