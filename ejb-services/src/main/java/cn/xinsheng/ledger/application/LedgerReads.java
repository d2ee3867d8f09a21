package cn.xinsheng.ledger.application;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * The ledger's read side as rows (ADR 0013: the SQL lives in infrastructure): entries with their
 * review and evidence, months as published, cycles, objections and their steps. Answers unchecked
 * rows in the caller's transaction; the query services check who may read and put on what the audit
 * log says of them. Every value the caller gives is bound or spliced as a number, never as text.
 */
public interface LedgerReads {

  /** An entry as read, with its review's id (null while unreviewed) for the integrity check. */
  record EntryRow(EntryView view, Long reviewId) {}

  /** An objection as raised; {@code month} is null for a finding on an entry or on a case. */
  record ObjectionRow(
      long id,
      String prisonerNumber,
      String inmateName,
      String target,
      Long entryId,
      String month,
      String text,
      String raisedBy,
      String raisedRole,
      Instant raisedAt,
      Long caseId) {}

  /** One step taken on an objection, in the order taken. */
  record ObjectionStepRow(
      long id,
      String step,
      String owner,
      String doneBy,
      Instant doneAt,
      String note,
      String outcome) {}

  /** The officer's returned entries not amended yet, latest return first. */
  List<EntryRow> returnedTo(String officer);

  /** Unreviewed entries of these sections recorded by someone else, oldest first. */
  List<EntryRow> awaitingReview(Collection<Long> sectionIds, String notRecordedBy);

  /** One section's entries of a month, newest first. */
  List<EntryRow> sectionMonth(long sectionId, YearMonth month);

  /** Every entry about the inmate, latest occurrence first. */
  List<EntryRow> ofInmate(long inmateId);

  /** The approved entries about the inmate, latest occurrence first. */
  List<EntryRow> approvedOfInmate(long inmateId);

  /**
   * The inmate's months of each section-month's current close, latest first; {@code state} and
   * {@code windowEnds} are left null.
   */
  List<MonthView> monthsOfInmate(long inmateId);

  /** A close's months by prisoner number; {@code state} and {@code windowEnds} left null. */
  List<MonthView> monthsOfClose(long closeId);

  /** The inmate's closed cycles, latest first; {@code usedBy} left null. */
  List<CycleView> cyclesOf(long inmateId);

  List<ObjectionRow> objectionsOfSections(Collection<Long> sectionIds);

  List<ObjectionRow> objectionsOfInmate(long inmateId);

  List<ObjectionRow> objectionsRaisedBy(String account);

  List<ObjectionStepRow> objectionSteps(long objectionId);

  /** Objections of the section whose loop has not reached the feedback to the raiser. */
  long objectionsWithoutFeedback(long sectionId);
}
