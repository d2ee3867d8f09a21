package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.EntryReview;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.ReviewDecision;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four-eyes review ("谁考核谁负责、谁签字谁负责"): a reviewer of the entry's section, never its author,
 * approves it or returns it with a reason. The author then sees "您有一条信息没有通过审核，请及时处理" and amends it
 * by a new version.
 */
@Stateless
@RolesAllowed(Role.REVIEWER_NAME)
public class ReviewService {

  @Inject LedgerRecords records;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  public void approve(long entryId) {
    decide(entryId, ReviewDecision.APPROVED, null);
  }

  public void returnEntry(long entryId, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw Refusal.invalid("ledger.error.returnReason");
    }
    decide(entryId, ReviewDecision.RETURNED, reason.strip());
  }

  private void decide(long entryId, ReviewDecision decision, String reason) {
    PointEntry entry = records.entry(entryId);
    scope.requireSection(entry.getSectionId());
    if (entry.getRecordedBy().equals(caller.name())) {
      // nobody signs his own entry: the second signature is someone else's
      throw Refusal.forbidden("ledger.error.ownEntry");
    }
    if (records.status(entryId) != EntryStatus.PENDING) {
      throw Refusal.conflict("ledger.error.notPending");
    }
    Instant now = time.now();
    EntryReview review = new EntryReview(entryId, decision, reason, caller.name(), now);
    em.persist(review);
    em.flush();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", em.find(Inmate.class, entry.getInmateId()).getPrisonerNumber().value());
    p.put("entry", entryId);
    p.put("author", entry.getRecordedBy());
    if (reason != null) {
      p.put("reason", reason);
    }
    audit.append(
        decision == ReviewDecision.APPROVED ? "ledger.entry.approved" : "ledger.entry.returned",
        "point-entry/" + entryId,
        p,
        java.util.List.of(),
        now,
        java.util.List.of(
            cn.xinsheng.auditlog.application.AuditLog.Bind.of(
                cn.xinsheng.ledger.infrastructure.EntryReviewBinding.TABLE, review.getId())));
  }
}
