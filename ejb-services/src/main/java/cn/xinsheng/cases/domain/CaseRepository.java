package cn.xinsheng.cases.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases as the domain sees them (ADR 0013): a case with its events, the evidence attached to
 * its steps, the assessment cycles it cites, and the year's case serials. The eligibility runs
 * ({@link EligibilityRuns}), the committee's meetings ({@link CommitteeMeetings}) and the
 * sentence's changes and older facts ({@link SentenceChangeLog}) are their own repositories. Typed
 * records in, typed records out; the SQL lives in {@code cases.infrastructure}. Rows are only ever
 * inserted (the tables are append-only for the application's account). Runs in the caller's
 * transaction.
 */
public interface CaseRepository {

  /** A case as proposed, with who it is about. */
  record CaseRow(
      long id,
      String number,
      long inmateId,
      String prisonerNumber,
      String inmateName,
      long sectionId,
      String sectionName,
      CaseKind kind,
      Integer proposedMonths,
      Integer maxMonths,
      String rationale,
      long eligibilityId,
      String ruleVersion,
      int postingDays,
      boolean hearingByFacts,
      String createdBy,
      Instant createdAt,
      CaseTrack track) {}

  Optional<CaseRow> find(long id);

  /** Every case, newest first. */
  List<CaseRow> all();

  /** The inmate's cases, newest first. */
  List<CaseRow> ofInmate(long inmateId);

  List<CaseEvent> events(long caseId);

  /** The ids of the case's event rows, read without interpreting them (issue 15: a forged row). */
  List<Long> eventIds(long caseId);

  /** The histories of many cases in one query, for lists. */
  Map<Long, List<CaseEvent>> eventsOf(Collection<Long> caseIds);

  /** The evidence attached to a case's steps: event id -> evidence id. */
  Map<Long, Long> attachments(long caseId);

  /** The assessment cycles a case cites, by id. */
  List<Long> citedCycleIds(long caseId);

  /**
   * Takes the year's next case serial under the lock of its counter row, held until the transaction
   * ends: proposals made at once get distinct numbers, one after the other.
   */
  long takeCaseSerial(int year);

  /** Inserts a case; answers its id. */
  long insertCase(
      String number,
      long inmateId,
      long sectionId,
      CaseKind kind,
      Integer proposedMonths,
      Integer maxMonths,
      String rationale,
      long eligibilityId,
      String ruleVersion,
      int postingDays,
      boolean hearingByFacts,
      CaseTrack track,
      String by,
      Instant at);

  void citeCycles(long caseId, List<Long> cycleIds);

  /** Appends one event; answers its id. */
  long insertEvent(long caseId, CaseEvent e, Long attachmentId);
}
