package cn.xinsheng.web.api;

import cn.xinsheng.ledger.application.CycleView;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.application.ObjectionQueries;
import cn.xinsheng.platform.Refusal;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the ledger's resources answer about entries, months, cycles and objections, and how a
 * service's view becomes one: shared by the staff's ({@link LedgerEntryResource} and the other
 * ledger jobs), the inmate-file ({@link InmateLedgerResource}) and the inmate's own ({@link
 * MyLedgerResource}) resources, so the three answer the same JSON for the same thing.
 */
public final class LedgerViews {

  private LedgerViews() {}

  /** A ledger entry, with its review, what it supersedes or reverses, and its evidence ids. */
  @JsonbPropertyOrder({
    "id",
    "prisonerNumber",
    "inmateName",
    "section",
    "clause",
    "clauseText",
    "catalogueVersion",
    "part",
    "amount",
    "fact",
    "occurredAt",
    "month",
    "recordedBy",
    "recordedAt",
    "status",
    "evidence",
    "reviewedBy",
    "reviewedAt",
    "reviewReason",
    "supersedes",
    "reverses",
    "reason",
    "integrityWarning"
  })
  public record LedgerEntry(
      long id,
      String prisonerNumber,
      String inmateName,
      long section,
      String clause,
      String clauseText,
      int catalogueVersion,
      String part,
      String amount,
      String fact,
      String occurredAt,
      String month,
      String recordedBy,
      String recordedAt,
      String status,
      List<Long> evidence,
      String reviewedBy,
      String reviewedAt,
      String reviewReason,
      Long supersedes,
      Long reverses,
      String reason,
      /** The record as read differs from what the audit log bound: said beside it. */
      String integrityWarning) {}

  /** An inmate's computed month: the five parts, the total, the balance, the cycle carry. */
  @JsonbPropertyOrder({
    "closeId",
    "month",
    "prisonerNumber",
    "name",
    "supervision",
    "education",
    "labour",
    "special",
    "sanctions",
    "discarded",
    "total",
    "balance",
    "cycleCarry",
    "cyclesClosed",
    "entries",
    "state",
    "objectionWindowEnds"
  })
  public record LedgerMonth(
      long closeId,
      String month,
      String prisonerNumber,
      String name,
      String supervision,
      String education,
      String labour,
      String special,
      String sanctions,
      String discarded,
      String total,
      String balance,
      String cycleCarry,
      int cyclesClosed,
      int entries,
      String state,
      String objectionWindowEnds) {}

  /** A closed 600-point cycle and what it earned. */
  @JsonbPropertyOrder({
    "id",
    "prisonerNumber",
    "number",
    "firstMonth",
    "closedMonth",
    "entries",
    "result",
    "reason",
    "decidedBy",
    "usedBy"
  })
  public record LedgerCycle(
      long id,
      String prisonerNumber,
      int number,
      String firstMonth,
      String closedMonth,
      long entries,
      String result,
      String reason,
      String decidedBy,
      String usedBy) {}

  /** An objection or finding, where it stands and what comes next. */
  @JsonbPropertyOrder({
    "id",
    "prisonerNumber",
    "target",
    "text",
    "raisedBy",
    "raisedRole",
    "raisedAt",
    "lastStep",
    "assignee",
    "history",
    "entry",
    "month",
    "nextStep",
    "nextDue",
    "outcome",
    "integrityWarning"
  })
  public record LedgerObjection(
      long id,
      String prisonerNumber,
      String target,
      String text,
      String raisedBy,
      String raisedRole,
      String raisedAt,
      String lastStep,
      String assignee,
      List<String> history,
      Long entry,
      String month,
      String nextStep,
      String nextDue,
      String outcome,
      /* issue 15: the objection or a step no longer matches its audit entry; null when sound */
      String integrityWarning) {}

  static List<LedgerEntry> entries(List<EntryView> list) {
    return list.stream()
        .map(
            e ->
                new LedgerEntry(
                    e.id(),
                    e.prisonerNumber(),
                    e.inmateName(),
                    e.sectionId(),
                    e.clauseCode(),
                    e.clauseText(),
                    e.catalogueVersion(),
                    e.partName(),
                    e.amountAsWritten(),
                    e.fact(),
                    e.occurredAt().toString(),
                    e.month(),
                    e.recordedBy(),
                    e.recordedAt().toString(),
                    e.statusName(),
                    e.evidenceIds(),
                    e.reviewedBy(),
                    e.reviewedBy() == null ? null : e.reviewedAt().toString(),
                    e.reviewReason(),
                    e.supersedesId(),
                    e.reversesId(),
                    e.reversesId() == null ? null : e.reason(),
                    e.integrityWarning()))
        .toList();
  }

  static List<LedgerMonth> months(List<MonthView> list) {
    return list.stream()
        .map(
            m -> {
              MonthView.Written w = m.written();
              return new LedgerMonth(
                  m.closeId(),
                  m.month(),
                  m.prisonerNumber(),
                  m.inmateName(),
                  w.supervision(),
                  w.education(),
                  w.labour(),
                  w.special(),
                  w.sanctions(),
                  w.discarded(),
                  w.total(),
                  w.balance(),
                  w.cycleCarry(),
                  m.cyclesClosed(),
                  m.entries(),
                  m.state(),
                  m.windowEnds() == null ? null : m.windowEnds().toString());
            })
        .toList();
  }

  static List<LedgerCycle> cycles(List<CycleView> list) {
    return list.stream()
        .map(
            c ->
                new LedgerCycle(
                    c.id(),
                    c.prisonerNumber(),
                    c.number(),
                    c.firstMonth(),
                    c.closedMonth(),
                    c.entries(),
                    c.result(),
                    c.result() == null ? null : c.reason(),
                    c.result() == null ? null : c.decidedBy(),
                    c.usedBy()))
        .toList();
  }

  static List<LedgerObjection> objectionViews(List<ObjectionQueries.ObjectionView> list) {
    return list.stream()
        .map(
            v ->
                new LedgerObjection(
                    v.id(),
                    v.prisonerNumber(),
                    v.target(),
                    v.text(),
                    v.raisedBy(),
                    v.raisedRole(),
                    v.raisedAt().toString(),
                    v.lastStepName(),
                    v.assignee(),
                    v.history(),
                    v.entryId(),
                    v.month(),
                    v.nextStepName(),
                    v.nextStep() == null ? null : v.nextDue().toString(),
                    v.outcome(),
                    v.integrityWarning()))
        .toList();
  }

  /** A month as yyyy-MM, or the refusal that names the text. */
  static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw Refusal.invalid("ledger.error.month", String.valueOf(text));
    }
  }
}
