package cn.xinsheng.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cases' records as the domain sees them (ADR 0013): a case with its events, eligibility runs
 * and their results, committee meetings, sentence facts and changes. Typed records in, typed
 * records out; the SQL lives in {@code cases.infrastructure}. Rows are only ever inserted (the
 * tables are append-only for the application's account). Runs in the caller's transaction.
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

  /** One inmate as the eligibility run needs him. */
  record InmateRow(
      long id, String prisonerNumber, String name, long sectionId, SentenceFacts facts) {}

  /** A stored eligibility result. */
  record ResultRow(
      long id,
      long runId,
      long inmateId,
      String prisonerNumber,
      String inmateName,
      long sectionId,
      CaseKind kind,
      String outcome,
      LocalDate eligibleOn,
      Integer maxMonths,
      String reasonKey,
      List<String> reasonArgs) {}

  /** A committee meeting with its members and agenda. */
  record Meeting(
      long id, LocalDate heldOn, String title, Set<String> members, List<Long> caseIds) {}

  /** How a run names what it covered: the whole prison, or one section. */
  static String runScope(Long sectionId) {
    return sectionId == null ? "prison" : "section " + sectionId;
  }

  // --- cases and their events ------------------------------------------------------------------

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

  /** The sentence changes a case's ruling wrote (issue 15: the case file checks them). */
  List<Long> sentenceChangeIds(long caseId);

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

  // --- eligibility -----------------------------------------------------------------------------

  /**
   * Every inmate (of the section, or of the prison for null) with the facts eligibility rests on.
   */
  List<InmateRow> inmatesForEligibility(Long sectionId);

  Optional<InmateRow> inmateForEligibility(long inmateId);

  Optional<ResultRow> result(long id);

  List<ResultRow> resultsOfRun(long runId, Long sectionId);

  /** The latest run covering the section (its own or the prison's); the prison's for null. */
  Optional<Long> latestRunId(Long sectionId);

  long insertRun(LocalDate asOf, String ruleVersion, String scope, int inmates, String by);

  void insertResults(long runId, List<InmateRow> inmates, List<List<Eligibility>> results);

  void insertFact(
      long inmateId,
      String kind,
      boolean active,
      LocalDate on,
      Integer months,
      String note,
      String by);

  /**
   * A ruling's change of sentence; the inmate's current end is organisation's to move. Returns the
   * row's id (the audit log binds it).
   */
  long recordSentenceChange(
      long inmateId,
      long caseId,
      CaseKind kind,
      LocalDate ruledOn,
      int months,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by);

  // --- the committee ---------------------------------------------------------------------------

  /** The latest meeting whose agenda holds the case: the one its votes belong to. */
  Optional<Meeting> meetingOf(long caseId);

  /** The latest fifty meetings, newest first. */
  List<Meeting> meetings();

  long insertMeeting(
      LocalDate heldOn, String title, String by, Set<String> members, List<Long> cases);
}
