package cn.xinsheng.ledger.application;

import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.evidence.domain.EvidenceKind;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.LedgerCalendar;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.RuleCatalogue;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.domain.Violation;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recording scored entries: an officer, for an inmate of his sections, under a clause of the
 * current catalogue, with the amount in its range and the evidence it needs. Amendments of returned
 * entries and corrections of locked months are new entries pointing at the old. Every refusal names
 * its reason in both languages and writes nothing.
 */
@Stateless
@RolesAllowed(Role.OFFICER_NAME)
public class LedgerService {

  private static final int MAX_FACT = 1000;

  @Inject LedgerRecords records;
  @Inject LedgerSettings settings;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  public long record(RecordCommand cmd) {
    return record(cmd, null);
  }

  /** An entry of a bulk import: part of its batch. Answers the new entry's id, as all these do. */
  public long record(RecordCommand cmd, Long batchId) {
    Checked c = check(cmd);
    PointEntry entry = newEntry(c, cmd, caller.name());
    if (batchId != null) {
      entry.inBatch(batchId);
    }
    em.persist(entry);
    em.flush();
    audit.entry("ledger.entry.recorded", entry, c.inmate.getPrisonerNumber().value(), c.clause);
    return entry.getId();
  }

  /** A new version of a returned entry, by its author; the returned one stays as it was. */
  public long amend(long returnedEntryId, RecordCommand cmd) {
    PointEntry old = records.entry(returnedEntryId);
    if (!old.getRecordedBy().equals(caller.name())) {
      throw Refusal.forbidden("ledger.error.notYourEntry");
    }
    if (records.status(returnedEntryId) != EntryStatus.RETURNED) {
      throw Refusal.conflict("ledger.error.notReturned");
    }
    Checked c = check(cmd);
    if (c.inmate.getId() != old.getInmateId()) {
      throw Refusal.invalid("ledger.error.amendOtherInmate");
    }
    PointEntry entry = newEntry(c, cmd, caller.name()).amending(returnedEntryId);
    em.persist(entry);
    em.flush();
    audit.entry("ledger.entry.amended", entry, c.inmate.getPrisonerNumber().value(), c.clause);
    return entry.getId();
  }

  /**
   * A correction of an approved entry whose month is locked: a reversing entry in the current
   * month, with its own reason and evidence, reviewed like any entry. Both stay visible.
   */
  public long correct(long approvedEntryId, String reason, List<Long> evidenceIds) {
    PointEntry old = records.entry(approvedEntryId);
    scope.requireSection(old.getSectionId());
    if (records.status(approvedEntryId) != EntryStatus.APPROVED) {
      throw Refusal.conflict("ledger.error.correctOnlyApproved");
    }
    if (!records.isLocked(old.getSectionId(), old.getMonth())) {
      throw Refusal.conflict("ledger.error.correctOnlyLocked");
    }
    if (old.getReversesId() != null || records.reversed(approvedEntryId)) {
      throw Refusal.conflict("ledger.error.alreadyCorrected");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw Refusal.invalid("ledger.error.reason");
    }
    List<Evidence> evidence = evidence(evidenceIds, old.getSectionId());
    if (evidence.isEmpty()) {
      throw Refusal.invalid("ledger.error.evidenceMissing", "-", 1);
    }
    // booked in the first month still open: this one, or the next where this one is closed
    YearMonth month =
        records
            .ledgerCalendar()
            .firstOpenMonth(m -> records.isClosedForEntries(old.getSectionId(), m));
    Inmate inmate = em.find(Inmate.class, old.getInmateId());
    RuleClause clause = records.clause(old.getClauseId());
    Instant now = time.now();
    PointEntry entry =
        new PointEntry(
                old.getInmateId(),
                old.getSectionId(),
                old.getClauseId(),
                old.getAmount().negate(),
                "更正 / correction: " + reason.strip(),
                now,
                month,
                caller.name(),
                now,
                ids(evidence))
            .reversing(approvedEntryId, reason.strip());
    em.persist(entry);
    em.flush();
    audit.entry("ledger.entry.correction", entry, inmate.getPrisonerNumber().value(), clause);
    return entry.getId();
  }

  /**
   * The checks of one entry whose evidence will be of these kinds, as a list: the bulk preview
   * shows them row by row.
   */
  public List<Violation> violations(RecordCommand cmd, List<EvidenceKind> evidenceKinds) {
    try {
      check(cmd, evidenceKinds);
      return List.of();
    } catch (Refusal r) {
      return List.of(Violation.of(r.messageKey(), r.arguments()));
    }
  }

  /**
   * One entry checked: the inmate in the caller's sections, the clause, amount, evidence, month.
   */
  record Checked(
      Inmate inmate, RuleClause clause, Points amount, List<Evidence> evidence, YearMonth month) {}

  Checked check(RecordCommand cmd) {
    return check(cmd, null);
  }

  /**
   * @param assumedKinds for a preview: the kinds of evidence the entry will have (the sheet
   *     itself), instead of the command's evidence ids
   */
  Checked check(RecordCommand cmd, List<EvidenceKind> assumedKinds) {
    if (cmd.prisonerNumber() == null || cmd.prisonerNumber().isBlank()) {
      // an empty form is asked for the inmate, not told there is no such inmate
      throw Refusal.invalid("ledger.error.inmateMissing");
    }
    Inmate inmate = scope.inmateInMySections(cmd.prisonerNumber());
    RuleCatalogue catalogue = records.currentCatalogue(settings.prisonId());
    RuleClause clause =
        records
            .clause(catalogue, cmd.clauseCode() == null ? "" : cmd.clauseCode().strip())
            .orElseThrow(() -> Refusal.invalid("ledger.error.unknownClause", cmd.clauseCode()));
    if (cmd.part() != null && cmd.part() != clause.getPart()) {
      throw Refusal.invalid("ledger.error.clauseWrongPart", clause.getCode(), cmd.part().name());
    }
    Points amount;
    try {
      amount = Points.parse(cmd.amount());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("ledger.error.amount", String.valueOf(cmd.amount()));
    }
    if (cmd.fact() == null || cmd.fact().isBlank() || cmd.fact().length() > MAX_FACT) {
      throw Refusal.invalid("ledger.error.fact");
    }
    LedgerCalendar dates = records.ledgerCalendar();
    if (cmd.occurredAt() == null || dates.isInTheFuture(cmd.occurredAt())) {
      throw Refusal.invalid("ledger.error.occurredAt");
    }
    List<Evidence> evidence =
        assumedKinds == null ? evidence(cmd.evidenceIds(), inmate.getSection().getId()) : List.of();
    List<EvidenceKind> kinds =
        assumedKinds == null ? evidence.stream().map(Evidence::getKind).toList() : assumedKinds;
    List<Violation> v = clause.violations(amount, kinds);
    if (!v.isEmpty()) {
      throw Refusal.invalid(v.get(0).key(), v.get(0).args().toArray());
    }
    YearMonth month = dates.monthOf(cmd.occurredAt());
    if (records.isClosedForEntries(inmate.getSection().getId(), month)) {
      throw Refusal.conflict("ledger.error.monthClosed", month.toString());
    }
    return new Checked(inmate, clause, amount, evidence, month);
  }

  private PointEntry newEntry(Checked c, RecordCommand cmd, String author) {
    return new PointEntry(
        c.inmate.getId(),
        c.inmate.getSection().getId(),
        c.clause.getId(),
        c.amount,
        cmd.fact().strip(),
        cmd.occurredAt(),
        c.month,
        author,
        time.now(),
        ids(c.evidence));
  }

  /** The evidence by id: each must exist and come from the entry's section. */
  List<Evidence> evidence(List<Long> ids, long sectionId) {
    List<Evidence> out = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids == null ? List.<Long>of() : ids)) {
      Evidence e = id == null ? null : em.find(Evidence.class, id);
      if (e == null || e.getSectionId() != sectionId) {
        throw Refusal.invalid("ledger.error.evidenceUnknown", String.valueOf(id));
      }
      out.add(e);
    }
    return out;
  }

  private static Set<Long> ids(List<Evidence> evidence) {
    Set<Long> ids = new LinkedHashSet<>();
    evidence.forEach(e -> ids.add(e.getId()));
    return ids;
  }
}
