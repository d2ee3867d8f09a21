package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.auditlog.application.AuditAdministration;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.auditlog.application.BoundRecords;
import cn.xinsheng.auditlog.domain.AuditEntries;
import cn.xinsheng.auditlog.domain.AuditWitness;
import cn.xinsheng.auditlog.domain.AuditWitnesses;
import cn.xinsheng.cases.application.CaseCalendarService;
import cn.xinsheng.cases.application.CaseFiles;
import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CaseParticipants;
import cn.xinsheng.cases.application.CommitteeService;
import cn.xinsheng.cases.application.CourtService;
import cn.xinsheng.cases.application.EligibilityService;
import cn.xinsheng.cases.application.FindingService;
import cn.xinsheng.cases.application.LawyerService;
import cn.xinsheng.cases.application.Noticeboard;
import cn.xinsheng.cases.application.PostingService;
import cn.xinsheng.cases.application.ProcuratorateService;
import cn.xinsheng.cases.application.ProposalService;
import cn.xinsheng.cases.application.RulingHistory;
import cn.xinsheng.cases.application.StepService;
import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseTrack;
import cn.xinsheng.cases.domain.CommitteeMeetings;
import cn.xinsheng.cases.domain.Eligibility;
import cn.xinsheng.cases.domain.EligibilityOutcome;
import cn.xinsheng.cases.domain.EligibilityRuns;
import cn.xinsheng.cases.domain.SentenceChangeLog;
import cn.xinsheng.cases.domain.SentenceFacts;
import cn.xinsheng.evidence.application.EvidenceCatalogue;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.application.KnownSections;
import cn.xinsheng.identity.application.Visits;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CaseReferences;
import cn.xinsheng.ledger.application.CommendationQueries;
import cn.xinsheng.ledger.application.ConductRecords;
import cn.xinsheng.ledger.application.ExcusalService;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.ledger.application.PrisonCalendar;
import cn.xinsheng.ledger.domain.LabourExcusal;
import cn.xinsheng.ledger.domain.LabourExcusals;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloses;
import cn.xinsheng.ledger.domain.Objection;
import cn.xinsheng.ledger.domain.ObjectionStepRecord;
import cn.xinsheng.ledger.domain.Objections;
import cn.xinsheng.ledger.domain.PointEntries;
import cn.xinsheng.ledger.domain.RuleCatalogue;
import cn.xinsheng.ledger.domain.RuleCatalogues;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.sentence.application.RecordedSentences;
import cn.xinsheng.sentence.application.SentenceHistory;
import cn.xinsheng.sentence.domain.SentenceChange;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The ports between contexts (issue 13, docs/context-map.md) in the real container on the shared
 * platform's database: each answers what the owning context's tables hold, writes only in the
 * caller's transaction, and the services behind them refuse a caller without the role. Changes are
 * rolled back: the shared prison is left as it was.
 */
// run by ServicesIT, which inherits these tests: one container boot for every in-container test
// (a boot per class cost 35–50 s each)
abstract class ContextPortsChecks {

  @Inject AccountDirectory accounts;
  @Inject KnownSections sections;
  @Inject CommendationQueries commendations;
  @Inject PrisonCalendar calendar;
  @Inject EvidenceCatalogue evidence;
  @Inject SentenceRecords sentences;
  @Inject InmateDirectory directory;
  @Inject CaseReferences caseReferences;
  @Inject CaseRepository cases;
  // issue 13: the case repository split by job, each on its own tables
  @Inject EligibilityRuns runs;
  @Inject CommitteeMeetings meetings;
  @Inject SentenceChangeLog sentenceLog;
  @Inject CaseCalendarService caseCalendar;
  @Inject ProposalService proposals;
  @Inject CaseFiles caseFiles;
  @Inject CaseLists caseLists;
  @Inject EligibilityService eligibility;
  @Inject StepService steps;
  @Inject CommitteeService committee;
  @Inject PostingService posting;
  @Inject ProcuratorateService procuratorate;
  @Inject CourtService court;
  @Inject LawyerService lawyers;
  @Inject FindingService findings;
  @Inject Noticeboard noticeboard;
  @Inject CaseParticipants participants;
  @Inject ConductRecords conduct;
  @Inject RecordedSentences recorded;
  @Inject SentenceHistory history;
  // issue 13: the repositories the ledger's, the audit log's, the cases' and identity's last
  // statements moved to, and the services that now call them
  @Inject AccountRepository accountRepository;
  @Inject Visits visits;
  @Inject RulingHistory rulings;
  @Inject PointEntries pointEntries;
  @Inject RuleCatalogues catalogues;
  @Inject MonthCloses closes;
  @Inject LabourExcusals excusals;
  @Inject Objections objections;
  @Inject ExcusalService excusalService;
  @Inject ObjectionService objectionService;
  @Inject AuditEntries auditEntries;
  @Inject AuditWitnesses witnesses;
  @Inject AuditLog log;
  @Inject BoundRecords bound;
  @Inject AuditAdministration auditAdministration;

  @Resource jakarta.transaction.UserTransaction transaction;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  private List<Object[]> rows(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Object[]> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
          r[i] = rs.getObject(i + 1);
        }
        out.add(r);
      }
      return out;
    }
  }

  private long number(String sql) throws SQLException {
    return ((Number) rows(sql).get(0)[0]).longValue();
  }

  // --- identity --------------------------------------------------------------------------------

  @Test
  void theAccountDirectoryAnswersRolesAndSections() throws SQLException {
    assertTrue(accounts.holdsRole("committee1", Role.COMMITTEE));
    assertTrue(accounts.holdsRole("lawyer1", Role.LAWYER));
    assertFalse(accounts.holdsRole("officer1", Role.COMMITTEE));
    assertFalse(accounts.holdsRole("nobody.here", Role.LAWYER));
    assertTrue(accounts.hasRoleOnRecord("teacher1", Role.TEACHER));
    assertFalse(accounts.hasRoleOnRecord("inmate1", Role.TEACHER));
    // names for the court's records: a known login by its name, an unknown one left out
    java.util.Map<String, String> names =
        accounts.names(java.util.List.of("lawyer1", "nobody.here", "lawyer1"));
    assertEquals(java.util.Set.of("lawyer1"), names.keySet());
    assertFalse(names.get("lawyer1").isBlank());

    long own =
        number(
            "SELECT s.section_id FROM officer_section s JOIN account a ON a.id = s.account_id"
                + " WHERE a.username = 'officer1' ORDER BY s.section_id LIMIT 1");
    long other =
        number(
            "SELECT id FROM section WHERE id NOT IN (SELECT s.section_id FROM officer_section s"
                + " JOIN account a ON a.id = s.account_id WHERE a.username = 'officer1')"
                + " ORDER BY id LIMIT 1");
    assertTrue(accounts.isOfficerOf("officer1", own));
    assertFalse(accounts.isOfficerOf("officer1", other));
    assertFalse(accounts.isOfficerOf("reviewer1", own), "a reviewer is not the section's officer");
    assertFalse(accounts.isOfficerOf(null, own));

    assertTrue(sections.exists(own));
    assertFalse(sections.exists(-1));
  }

  // --- ledger ----------------------------------------------------------------------------------

  @Test
  void theLedgerAnswersEntriesAndCyclesAsTypedRecords() throws SQLException {
    // an inmate with entries when another test recorded some, else the first (none: an empty list)
    long inmate =
        number(
            "SELECT COALESCE((SELECT inmate_id FROM point_entry ORDER BY id LIMIT 1),"
                + " (SELECT MIN(id) FROM inmate))");
    long stored = number("SELECT COUNT(*) FROM point_entry WHERE inmate_id = " + inmate);
    List<CommendationQueries.EntryLine> entries = commendations.entries(inmate);
    assertEquals(stored, entries.size());
    for (CommendationQueries.EntryLine e : entries) {
      assertNotNull(e.month());
      assertNotNull(e.clause());
      assertNotNull(e.evidenceIds(), "empty, never null, when an entry has no evidence");
    }
    assertEquals(List.of(), commendations.cycles(List.of()));
    assertEquals(List.of(), commendations.cycles(List.of(-1L)));
    List<Object[]> cycles = rows("SELECT id, inmate_id FROM assessment_cycle ORDER BY id LIMIT 3");
    for (Object[] c : cycles) {
      long id = ((Number) c[0]).longValue();
      List<CommendationQueries.Cycle> found = commendations.cycles(List.of(id));
      assertEquals(1, found.size());
      assertEquals(id, found.get(0).id());
      // commendations are the decided ones with PRAISE or MATERIAL only
      long inmateOf = ((Number) c[1]).longValue();
      for (CommendationQueries.Cycle k : commendations.commendations(inmateOf)) {
        assertTrue(List.of("PRAISE", "MATERIAL").contains(k.result()), k.toString());
      }
    }
  }

  @Test
  void theWorkingCalendarIsWrittenOnlyInTheCallersTransaction() throws Exception {
    // a Wednesday far ahead, which no other test touches
    LocalDate day = LocalDate.of(2031, 1, 8);
    assertTrue(calendar.calendar().isWorkingDay(day));
    transaction.begin();
    try {
      calendar.markDay(day, false, "ContextPortsChecks");
      assertFalse(calendar.calendar().isWorkingDay(day), "seen in the same transaction");
    } finally {
      transaction.rollback();
    }
    assertTrue(calendar.calendar().isWorkingDay(day), "gone with the rollback");
    assertEquals(0, number("SELECT COUNT(*) FROM calendar_day WHERE day = '2031-01-08'"));
  }

  // --- evidence and organisation -------------------------------------------------------------

  @Test
  void theEvidenceCatalogueNamesFilesAsStored() throws SQLException {
    assertEquals(Map.of(), evidence.files(List.of()));
    assertEquals(Map.of(), evidence.files(List.of(-1L)));
    for (Object[] r :
        rows("SELECT id, section_id, original_name, sha256 FROM evidence ORDER BY id LIMIT 3")) {
      long id = ((Number) r[0]).longValue();
      EvidenceCatalogue.FileRef f = evidence.files(List.of(id)).get(id);
      assertEquals(((Number) r[1]).longValue(), f.sectionId());
      assertEquals(r[2], f.name());
      assertEquals(r[3], f.sha256());
    }
  }

  @Test
  void aSentenceEndMovesOnlyInTheCallersTransaction() throws Exception {
    Object[] r =
        rows("SELECT id, current_sentence_end FROM inmate WHERE current_sentence_end IS NOT NULL"
                + " ORDER BY id DESC LIMIT 1")
            .get(0);
    long inmate = ((Number) r[0]).longValue();
    LocalDate end = ((java.sql.Date) r[1]).toLocalDate();
    assertEquals(end, sentences.currentSentenceEnd(inmate));
    transaction.begin();
    try {
      sentences.moveSentenceEnd(inmate, end.minusMonths(3));
      assertEquals(end.minusMonths(3), sentences.currentSentenceEnd(inmate));
    } finally {
      transaction.rollback();
    }
    assertEquals(end, sentences.currentSentenceEnd(inmate));
  }

  @Test
  void theInmateDirectoryAndTheTermsAgreeWithOrganisationsTables() throws SQLException {
    assertEquals(Map.of(), directory.inmates(List.of()));
    assertEquals(Map.of(), directory.inmates(List.of(-1L)));
    assertEquals(Map.of(), directory.sectionNames(List.of(-1L)));
    for (Object[] r :
        rows(
            "SELECT i.id, i.prisoner_number, i.name, i.section_id, s.name FROM inmate i"
                + " JOIN section s ON s.id = i.section_id ORDER BY i.id LIMIT 3")) {
      long id = ((Number) r[0]).longValue();
      long section = ((Number) r[3]).longValue();
      assertEquals(
          Map.of(id, new InmateDirectory.Named(id, (String) r[1], (String) r[2], section)),
          directory.inmates(List.of(id, id)));
      assertEquals(Map.of(section, r[4]), directory.sectionNames(List.of(section)));
      assertTrue(
          sentences.terms(section).stream()
              .anyMatch(t -> t.inmateId() == id && t.prisonerNumber().equals(r[1])));
    }
    assertEquals(number("SELECT COUNT(*) FROM inmate"), sentences.terms(null).size());
  }

  @Test
  void oneInmatesTermCarriesHisOffenceCategory() throws SQLException {
    assertEquals(Optional.empty(), sentences.term(-1));
    for (Object[] r :
        rows(
            "SELECT id, prisoner_number, offence_category, sentence_months, life_sentence"
                + " FROM inmate ORDER BY id DESC LIMIT 3")) {
      long id = ((Number) r[0]).longValue();
      SentenceRecords.Term t = sentences.term(id).orElseThrow();
      assertEquals(id, t.inmateId());
      assertEquals(r[1], t.prisonerNumber());
      assertEquals(r[2], t.offenceCategory());
      assertEquals(r[3] == null ? null : ((Number) r[3]).intValue(), t.months());
      assertEquals(Boolean.TRUE.equals(r[4]) || Integer.valueOf(1).equals(r[4]), t.life());
      assertEquals(
          sentences.terms(t.sectionId()).stream()
              .filter(x -> x.inmateId() == id)
              .findFirst()
              .orElseThrow(),
          t,
          "one term as the section's list gives it");
    }
  }

  // --- identity, for music's recusal ------------------------------------------------------------

  @Test
  void servingInASectionIsAskedWithoutTheRole() throws SQLException {
    List<Object[]> served =
        rows(
            "SELECT a.username, s.section_id FROM officer_section s"
                + " JOIN account a ON a.id = s.account_id ORDER BY s.account_id, s.section_id");
    assertFalse(served.isEmpty(), "the demo prison has officers in sections");
    for (Object[] r : served) {
      assertTrue(accounts.servesInSection((String) r[0], ((Number) r[1]).longValue()));
    }
    long other =
        number(
            "SELECT id FROM section WHERE id NOT IN (SELECT s.section_id FROM officer_section s"
                + " JOIN account a ON a.id = s.account_id WHERE a.username = 'officer1')"
                + " ORDER BY id LIMIT 1");
    assertFalse(accounts.servesInSection("officer1", other));
    assertFalse(accounts.servesInSection("nobody.here", ((Number) served.get(0)[1]).longValue()));
  }

  // --- ledger, for the sentence engine and the risk assessment --------------------------------

  @Test
  void thePraisedInmatesAreThoseWithAPraiseDecision() throws SQLException {
    Set<Long> expected = new HashSet<>();
    for (Object[] r :
        rows(
            "SELECT c.inmate_id FROM assessment_cycle c JOIN cycle_decision d"
                + " ON d.cycle_id = c.id WHERE d.result = 'PRAISE'")) {
      expected.add(((Number) r[0]).longValue());
    }
    assertEquals(expected, commendations.praisedInmates());
    for (long inmate : expected) {
      assertTrue(
          commendations.commendations(inmate).stream().anyMatch(c -> "PRAISE".equals(c.result())));
    }
  }

  @Test
  void conductCountsApprovedPointsAndStandingSanctions() throws SQLException {
    assertEquals(
        Optional.empty(),
        conduct.conductOf(
            number("SELECT COALESCE(MAX(id), 0) + 1 FROM inmate"),
            LocalDate.of(2000, 1, 1),
            LocalDate.of(2000, 1, 1)),
        "no entry at all: no conduct, not a conduct of nothing");
    for (Object[] who :
        rows("SELECT DISTINCT inmate_id FROM point_entry ORDER BY inmate_id LIMIT 5")) {
      long inmate = ((Number) who[0]).longValue();
      // counted here from the rows, in Java: approved entries; a sanction stands unless it is a
      // correction itself or an approved correction reverses it
      long points = 0;
      Map<Long, Boolean> sanctions = new java.util.HashMap<>();
      Set<Long> reversed = new HashSet<>();
      for (Object[] e :
          rows(
              "SELECT e.id, e.amount_tenths, c.part, e.reverses_id FROM point_entry e"
                  + " JOIN rule_clause c ON c.id = e.clause_id JOIN entry_review r"
                  + " ON r.entry_id = e.id AND r.decision = 'APPROVED' WHERE e.inmate_id = "
                  + inmate)) {
        if (e[3] != null) {
          reversed.add(((Number) e[3]).longValue());
        }
        if ("SANCTION".equals(e[2])) {
          sanctions.put(((Number) e[0]).longValue(), e[3] == null);
        } else {
          points += ((Number) e[1]).longValue();
        }
      }
      long standing =
          sanctions.entrySet().stream()
              .filter(x -> x.getValue() && !reversed.contains(x.getKey()))
              .count();
      ConductRecords.Conduct all =
          conduct
              .conductOf(inmate, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 1))
              .orElseThrow();
      assertEquals(new ConductRecords.Conduct(points, (int) standing), all);
      // nothing is recorded after 2100: the windows are empty, the record is not
      assertEquals(
          Optional.of(new ConductRecords.Conduct(0, 0)),
          conduct.conductOf(inmate, LocalDate.of(2100, 1, 1), LocalDate.of(2100, 1, 1)));
    }
  }

  // --- sentence ----------------------------------------------------------------------------------

  @Test
  void theRecidivistIsTheLatestSentenceRecords() throws SQLException {
    assertEquals(Optional.empty(), recorded.recidivist(-1));
    for (Object[] r :
        rows(
            "SELECT r.inmate_id, r.recidivist FROM sentence_record r WHERE r.id = (SELECT MAX(x.id)"
                + " FROM sentence_record x WHERE x.inmate_id = r.inmate_id) ORDER BY r.inmate_id"
                + " LIMIT 5")) {
      boolean expected = Boolean.TRUE.equals(r[1]) || Integer.valueOf(1).equals(r[1]);
      assertEquals(Optional.of(expected), recorded.recidivist(((Number) r[0]).longValue()));
    }
  }

  @Test
  void theSentenceHistoryReadsAndAddsInTheCallersTransaction() throws Exception {
    long changes = number("SELECT COUNT(*) FROM sentence_change WHERE kind <> 'PAROLE'");
    assertEquals(changes, history.changes().size());
    assertEquals(number("SELECT COUNT(*) FROM sentence_fact"), history.facts().size());
    for (SentenceHistory.Fact f : history.facts()) {
      assertNotNull(f.kind());
      assertNotNull(f.effectiveOn());
    }
    long inmate = number("SELECT MIN(id) FROM inmate");
    LocalDate on = LocalDate.of(2031, 1, 8);
    transaction.begin();
    try {
      long id =
          history.recordChange(
              inmate,
              null,
              SentenceChange.reduction(on, 7),
              on.plusYears(3),
              on.plusYears(3).minusMonths(7),
              "ContextPortsChecks",
              java.time.Instant.parse("2031-01-08T02:00:00Z"));
      assertTrue(id > 0);
      List<SentenceHistory.Change> now = history.changes();
      assertEquals(changes + 1, now.size(), "seen in the same transaction");
      assertEquals(
          new SentenceHistory.Change(inmate, SentenceChange.reduction(on, 7)),
          now.get(now.size() - 1),
          "the latest change is the one just recorded");
      // issue 16: a ruling entered by hand, served a week later: the service is written beside it
      // and read back with it, so the interval counts from it (法释〔2016〕23号第四十条第二款)
      history.recordChangeService(
          id,
          on.plusDays(7),
          "ContextPortsChecks",
          java.time.Instant.parse("2031-01-15T02:00:00Z"));
      List<SentenceHistory.Change> served = history.changes();
      assertEquals(
          new SentenceHistory.Change(
              inmate, SentenceChange.reduction(on, 7).served(on.plusDays(7))),
          served.get(served.size() - 1),
          "the change with its service day");
      assertEquals(on.plusDays(7), served.get(served.size() - 1).change().effectiveFrom());
    } finally {
      transaction.rollback();
    }
    assertEquals(changes, history.changes().size(), "gone with the rollback");
    assertEquals(
        0, number("SELECT COUNT(*) FROM sentence_change WHERE recorded_by = 'ContextPortsChecks'"));
    assertEquals(
        0,
        number(
            "SELECT COUNT(*) FROM sentence_change_service WHERE recorded_by = 'ContextPortsChecks'"));
  }

  // --- cases -----------------------------------------------------------------------------------

  @Test
  void theCaseRepositoryAndTheLedgersCaseNumbersAgreeWithTheTables() throws SQLException {
    assertTrue(cases.find(-1).isEmpty());
    assertEquals(Map.of(), caseReferences.numbers(List.of()));
    assertEquals(Map.of(), caseReferences.numbers(List.of(-1L)));
    for (Object[] r : rows("SELECT id, number FROM reduction_case ORDER BY id LIMIT 3")) {
      long id = ((Number) r[0]).longValue();
      assertEquals(r[1], cases.find(id).orElseThrow().number());
      assertEquals(Map.of(id, r[1]), caseReferences.numbers(List.of(id)));
      assertEquals(
          number("SELECT COUNT(*) FROM case_event WHERE case_id = " + id), cases.events(id).size());
    }
    // the names come from organisation's port now, not a join: the same as the join gives
    assertEquals(number("SELECT COUNT(*) FROM reduction_case"), cases.all().size());
    for (Object[] r :
        rows(
            "SELECT c.id, i.prisoner_number, i.name, s.name FROM reduction_case c"
                + " JOIN inmate i ON i.id = c.inmate_id JOIN section s ON s.id = c.section_id"
                + " ORDER BY c.id DESC LIMIT 3")) {
      CaseRepository.CaseRow row = cases.find(((Number) r[0]).longValue()).orElseThrow();
      assertEquals(
          List.of(r[1], r[2], r[3]),
          List.of(row.prisonerNumber(), row.inmateName(), row.sectionName()));
    }
    assertEquals("prison", EligibilityRuns.runScope(null));
    assertEquals("section 7", EligibilityRuns.runScope(7L));
  }

  @Test
  void theCaseServicesRefuseACallerWithoutTheRole() {
    // the test runs without a logged-in user: the service boundary itself must refuse
    assertThrows(EJBAccessException.class, () -> proposals.propose(1, 1, "x", List.of(), null));
    assertThrows(EJBAccessException.class, () -> caseCalendar.calendarDay(null, false, "x"));
    assertThrows(EJBAccessException.class, () -> caseLists.list());
    assertThrows(EJBAccessException.class, () -> caseFiles.file(1));
    assertThrows(EJBAccessException.class, () -> eligibility.run(null));
    assertThrows(EJBAccessException.class, () -> eligibility.commendations(1));
    // each service the case workflow was split into (issue 13) is its own boundary
    assertThrows(
        EJBAccessException.class,
        () ->
            steps.sign(
                1, cn.xinsheng.cases.domain.CaseStep.WARD_MEETING, "x", null, null, null, null));
    assertThrows(
        EJBAccessException.class,
        () -> steps.returnTo(1, cn.xinsheng.cases.domain.CaseStep.PROPOSAL, "x"));
    assertThrows(
        EJBAccessException.class, () -> committee.createMeeting(null, "x", List.of(), List.of(1L)));
    assertThrows(
        EJBAccessException.class,
        () -> committee.vote(1, cn.xinsheng.cases.domain.VoteChoice.values()[0], "x"));
    assertThrows(EJBAccessException.class, () -> posting.objectDuringPosting(1, "x"));
    assertThrows(EJBAccessException.class, () -> procuratorate.opinion(1, "AGREE", "x"));
    assertThrows(EJBAccessException.class, () -> procuratorate.extend(1, "x"));
    assertThrows(EJBAccessException.class, () -> court.objectDuringCourtPosting(1, "x"));
    assertThrows(EJBAccessException.class, () -> court.extendRuling(1, "x"));
    assertThrows(EJBAccessException.class, () -> lawyers.grantLawyer(1, "lawyer1"));
    assertThrows(EJBAccessException.class, () -> lawyers.lawyerOpinion(1, "x"));
    assertThrows(EJBAccessException.class, () -> findings.finding(1, null, "x"));
    assertThrows(EJBAccessException.class, () -> caseCalendar.advanceDemoClock(1));
    assertThrows(EJBAccessException.class, () -> caseFiles.mine());
    assertThrows(EJBAccessException.class, () -> caseLists.awaitingCommittee());
    assertThrows(EJBAccessException.class, () -> noticeboard.publicList(false));
    assertThrows(EJBAccessException.class, () -> participants.meetings());
    assertThrows(EJBAccessException.class, () -> participants.lawyers());
  }

  @Test
  void theEligibilityRunsAndTheCommitteesMeetingsAgreeWithTheTables() throws SQLException {
    assertEquals(
        sentences.terms(null).size(),
        runs.inmatesForEligibility(null).size(),
        "one row for each inmate with a term");
    assertTrue(runs.inmateForEligibility(-1).isEmpty());
    assertTrue(runs.result(-1).isEmpty());
    assertEquals(List.of(), runs.resultsOfRun(-1, null));
    assertEquals(
        rows("SELECT id FROM eligibility_run WHERE scope = 'prison' ORDER BY id DESC LIMIT 1")
            .stream()
            .map(r -> ((Number) r[0]).longValue())
            .findFirst(),
        runs.latestRunId(null));
    for (Object[] r :
        rows(
            "SELECT r.id, r.run_id, r.inmate_id, r.section_id, r.kind, r.outcome, r.reason_key,"
                + " i.prisoner_number FROM eligibility_result r JOIN inmate i ON i.id = r.inmate_id"
                + " ORDER BY r.id DESC LIMIT 3")) {
      EligibilityRuns.ResultRow found = runs.result(((Number) r[0]).longValue()).orElseThrow();
      assertEquals(
          List.of(
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue(),
              r[4],
              r[5],
              r[6],
              r[7]),
          List.of(
              found.runId(),
              found.inmateId(),
              found.sectionId(),
              found.kind().name(),
              found.outcome(),
              found.reasonKey(),
              found.prisonerNumber()));
      assertEquals(
          number("SELECT COUNT(*) FROM eligibility_result WHERE run_id = " + found.runId()),
          runs.resultsOfRun(found.runId(), null).size());
    }

    List<Long> newest =
        rows("SELECT id FROM committee_meeting ORDER BY id DESC LIMIT 50").stream()
            .map(r -> ((Number) r[0]).longValue())
            .toList();
    assertEquals(newest, meetings.meetings().stream().map(CommitteeMeetings.Meeting::id).toList());
    assertTrue(meetings.meetingOf(-1).isEmpty());
    for (Object[] r :
        rows(
            "SELECT case_id, MAX(meeting_id) FROM committee_agenda GROUP BY case_id"
                + " ORDER BY case_id DESC LIMIT 3")) {
      CommitteeMeetings.Meeting m = meetings.meetingOf(((Number) r[0]).longValue()).orElseThrow();
      assertEquals(((Number) r[1]).longValue(), m.id());
      assertEquals(
          number("SELECT COUNT(*) FROM committee_member WHERE meeting_id = " + m.id()),
          m.members().size());
      assertTrue(m.caseIds().contains(((Number) r[0]).longValue()));
    }
    assertEquals(List.of(), sentenceLog.changeIdsOfCase(-1));
    for (Object[] r :
        rows(
            "SELECT case_id, COUNT(*) FROM sentence_change WHERE case_id IS NOT NULL"
                + " GROUP BY case_id ORDER BY case_id LIMIT 3")) {
      assertEquals(
          ((Number) r[1]).longValue(),
          sentenceLog.changeIdsOfCase(((Number) r[0]).longValue()).size());
    }
  }

  @Test
  void aRunACaseItsMeetingAndItsSentenceChangeAreWrittenOnlyInTheCallersTransaction()
      throws Exception {
    EligibilityRuns.InmateRow inmate = runs.inmatesForEligibility(null).get(0);
    String who = "cpc." + UUID.randomUUID().toString().substring(0, 8);
    LocalDate asOf = LocalDate.of(2031, 1, 8);
    long runsBefore = number("SELECT COUNT(*) FROM eligibility_run");
    transaction.begin();
    try {
      // a run of the whole prison, with one inmate's two results
      long run = runs.insertRun(asOf, "cpc-rules", EligibilityRuns.runScope(null), 1, who);
      assertEquals(Optional.of(run), runs.latestRunId(null), "the prison's latest run");
      assertEquals(
          Optional.of(run),
          runs.latestRunId(inmate.sectionId()),
          "the prison's run covers each section");
      runs.insertResults(
          run,
          List.of(inmate),
          List.of(
              List.of(
                  new Eligibility(
                      CaseKind.REDUCTION,
                      EligibilityOutcome.ELIGIBLE,
                      asOf,
                      9,
                      "case.reason.cpc",
                      List.of("a", ""),
                      "cpc-rules"),
                  new Eligibility(
                      CaseKind.PAROLE,
                      EligibilityOutcome.BLOCKED,
                      null,
                      null,
                      "case.reason.cpc",
                      List.of(),
                      "cpc-rules"))));
      List<EligibilityRuns.ResultRow> results = runs.resultsOfRun(run, null);
      assertEquals(
          List.of(CaseKind.PAROLE, CaseKind.REDUCTION),
          results.stream().map(EligibilityRuns.ResultRow::kind).toList(),
          "by kind within the inmate");
      EligibilityRuns.ResultRow reduction = results.get(1);
      assertEquals(
          new EligibilityRuns.ResultRow(
              reduction.id(),
              run,
              inmate.id(),
              inmate.prisonerNumber(),
              inmate.name(),
              inmate.sectionId(),
              CaseKind.REDUCTION,
              "ELIGIBLE",
              asOf,
              9,
              "case.reason.cpc",
              List.of("a", "")),
          reduction);
      assertEquals(List.of(), results.get(0).reasonArgs(), "no arguments, not one empty one");
      assertEquals(null, results.get(0).maxMonths());
      assertEquals(Optional.of(reduction), runs.result(reduction.id()));
      assertEquals(results, runs.resultsOfRun(run, inmate.sectionId()));
      assertEquals(List.of(), runs.resultsOfRun(run, -1L));

      // a case proposed from it, on two meetings' agendas
      long caseId =
          cases.insertCase(
              "CPC-" + who.substring(4),
              inmate.id(),
              inmate.sectionId(),
              CaseKind.REDUCTION,
              6,
              9,
              "ContextPortsChecks",
              reduction.id(),
              "cpc-rules",
              5,
              false,
              CaseTrack.FIXED_TERM,
              who,
              Instant.parse("2031-01-08T02:00:00Z"));
      assertTrue(meetings.meetingOf(caseId).isEmpty(), "on no agenda yet");
      long first =
          meetings.insertMeeting(
              asOf, "cpc " + who, who, Set.of(who + ".b", who + ".a"), List.of(caseId));
      CommitteeMeetings.Meeting m = meetings.meetingOf(caseId).orElseThrow();
      assertEquals(first, m.id());
      assertEquals(asOf, m.heldOn());
      assertEquals("cpc " + who, m.title());
      assertEquals(List.of(who + ".a", who + ".b"), List.copyOf(m.members()), "by name");
      assertEquals(List.of(caseId), m.caseIds());
      assertEquals(m, meetings.meetings().get(0), "newest first");
      long second =
          meetings.insertMeeting(
              asOf.plusDays(7), "cpc again", who, Set.of(who + ".a"), List.of(caseId));
      assertEquals(
          second,
          meetings.meetingOf(caseId).orElseThrow().id(),
          "the latest meeting whose agenda holds the case: its votes belong there");

      // the ruling's change of sentence and the older facts, as eligibility then reads them
      assertEquals(List.of(), sentenceLog.changeIdsOfCase(caseId));
      LocalDate ruledOn = asOf.plusMonths(1);
      long change =
          sentenceLog.insertChange(
              inmate.id(), caseId, CaseKind.REDUCTION, ruledOn, 6, null, null, who);
      assertEquals(List.of(change), sentenceLog.changeIdsOfCase(caseId));
      assertTrue(facts(inmate.id()).reductions().contains(ruledOn), "a ruled reduction counts");
      sentenceLog.insertFact(inmate.id(), "STRICT", true, asOf, null, "ContextPortsChecks", who);
      assertTrue(facts(inmate.id()).strict());
      sentenceLog.insertFact(
          inmate.id(), "STRICT", false, asOf.plusDays(1), null, "ContextPortsChecks", who);
      assertFalse(facts(inmate.id()).strict(), "the latest row of the kind is in force");
      LocalDate prior = asOf.minusYears(1);
      sentenceLog.insertFact(
          inmate.id(), "PRIOR_REDUCTION", true, prior, 3, "ContextPortsChecks", who);
      assertTrue(facts(inmate.id()).reductions().contains(prior), "an earlier reduction counts");
    } finally {
      transaction.rollback();
    }
    assertEquals(runsBefore, number("SELECT COUNT(*) FROM eligibility_run"), "gone with it");
    for (String sql :
        List.of(
            "SELECT COUNT(*) FROM eligibility_run WHERE run_by = '",
            "SELECT COUNT(*) FROM reduction_case WHERE created_by = '",
            "SELECT COUNT(*) FROM committee_meeting WHERE created_by = '",
            "SELECT COUNT(*) FROM sentence_change WHERE recorded_by = '",
            "SELECT COUNT(*) FROM sentence_fact WHERE recorded_by = '")) {
      assertEquals(0, number(sql + who + "'"), sql);
    }
  }

  private SentenceFacts facts(long inmateId) {
    return runs.inmateForEligibility(inmateId).orElseThrow().facts();
  }

  // --- issue 13: the statements the services held, behind their repositories -------------------

  /** A time column as the database holds it, read on the test's own connection (null: none). */
  private Instant instant(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      java.sql.Timestamp t = rs.getTimestamp(1);
      return t == null ? null : t.toInstant();
    }
  }

  @Test
  void aLoginTimeAndThePreviousVisitAreKeptInTheCallersTransaction() throws Exception {
    long account = number("SELECT id FROM account WHERE username = 'committee1'");
    String lastLogin = "SELECT last_login_at FROM account WHERE id = " + account;
    Instant before = instant(lastLogin);
    Instant at = Instant.parse("2031-01-08T02:00:00Z");
    String who = "cpc." + UUID.randomUUID().toString().substring(0, 8);
    transaction.begin();
    try {
      accountRepository.recordLogin(account, at);
      assertEquals(at, instant(lastLogin), "seen in the same transaction");

      assertEquals(Optional.empty(), accountRepository.loginBeforeLatest(who), "never logged in");
      Instant first = Instant.parse("2031-01-06T01:00:00Z");
      accountRepository.record(
          new IdentityEvent(first, who, who, IdentityEvent.Kind.LOGIN_SUCCEEDED, null));
      assertEquals(
          Optional.empty(), accountRepository.loginBeforeLatest(who), "a first visit has none");
      accountRepository.record(
          new IdentityEvent(
              Instant.parse("2031-01-07T01:00:00Z"),
              who,
              who,
              IdentityEvent.Kind.LOGIN_FAILED,
              null));
      accountRepository.record(
          new IdentityEvent(at, who, who, IdentityEvent.Kind.LOGIN_SUCCEEDED, null));
      assertEquals(
          Optional.of(first),
          accountRepository.loginBeforeLatest(who),
          "the successful login before the latest, a failure between them left out");
    } finally {
      transaction.rollback();
    }
    assertEquals(before, instant(lastLogin), "gone with the rollback");
    assertEquals(0, number("SELECT COUNT(*) FROM identity_event WHERE subject = '" + who + "'"));
  }

  @Test
  void theRulingHistoryReadsTheSentencesChangesInTheCallersTransaction() throws Exception {
    for (Object[] r :
        rows(
            "SELECT inmate_id, COUNT(*) FROM sentence_change GROUP BY inmate_id"
                + " ORDER BY inmate_id LIMIT 3")) {
      long inmate = ((Number) r[0]).longValue();
      List<RulingHistory.Ruling> found = rulings.of(inmate);
      assertEquals(((Number) r[1]).longValue(), found.size());
      for (int i = 1; i < found.size(); i++) {
        assertFalse(found.get(i).ruledOn().isBefore(found.get(i - 1).ruledOn()), "oldest first");
      }
    }
    assertEquals(List.of(), rulings.of(-1));
    assertFalse(rulings.paroleProposed(-1));
    for (Object[] r :
        rows("SELECT DISTINCT inmate_id FROM reduction_case WHERE kind = 'PAROLE' LIMIT 3")) {
      assertTrue(rulings.paroleProposed(((Number) r[0]).longValue()));
    }
    for (Object[] r :
        rows(
            "SELECT id FROM inmate WHERE id NOT IN (SELECT inmate_id FROM reduction_case"
                + " WHERE kind = 'PAROLE') ORDER BY id LIMIT 3")) {
      assertFalse(rulings.paroleProposed(((Number) r[0]).longValue()));
    }

    long inmate = number("SELECT MIN(id) FROM inmate");
    int had = rulings.of(inmate).size();
    LocalDate on = LocalDate.of(2031, 1, 8);
    transaction.begin();
    try {
      history.recordChange(
          inmate,
          null,
          SentenceChange.reduction(on, 7),
          on.plusYears(3),
          on.plusYears(3).minusMonths(7),
          "ContextPortsChecks",
          Instant.parse("2031-01-08T02:00:00Z"));
      List<RulingHistory.Ruling> now = rulings.of(inmate);
      assertEquals(had + 1, now.size(), "seen in the same transaction");
      assertEquals(
          new RulingHistory.Ruling(
              "REDUCTION", null, on, 7, on.plusYears(3), on.plusYears(3).minusMonths(7)),
          now.get(now.size() - 1),
          "the latest ruling, entered without a case");
    } finally {
      transaction.rollback();
    }
    assertEquals(had, rulings.of(inmate).size(), "gone with the rollback");
  }

  @Test
  void theLedgersRepositoriesAgreeWithItsTables() throws Exception {
    assertTrue(pointEntries.find(-1).isEmpty());
    assertTrue(pointEntries.review(-1).isEmpty());
    for (Object[] r : rows("SELECT id, inmate_id FROM point_entry ORDER BY id DESC LIMIT 5")) {
      long id = ((Number) r[0]).longValue();
      assertEquals(((Number) r[1]).longValue(), pointEntries.find(id).orElseThrow().getInmateId());
      assertEquals(
          number("SELECT COUNT(*) FROM entry_review WHERE entry_id = " + id) > 0,
          pointEntries.review(id).isPresent());
      assertEquals(
          number("SELECT COUNT(*) FROM point_entry WHERE supersedes_id = " + id) > 0,
          pointEntries.superseded(id));
      assertEquals(
          number("SELECT COUNT(*) FROM point_entry WHERE reverses_id = " + id) > 0,
          pointEntries.reversed(id));
    }
    for (Object[] r :
        rows(
            "SELECT x.evidence_id, e.inmate_id, r.decision FROM point_entry_evidence x"
                + " JOIN point_entry e ON e.id = x.entry_id"
                + " LEFT JOIN entry_review r ON r.entry_id = e.id ORDER BY x.entry_id LIMIT 5")) {
      long evidenceId = ((Number) r[0]).longValue();
      long inmate = ((Number) r[1]).longValue();
      if ("APPROVED".equals(r[2])) {
        assertTrue(pointEntries.backsApprovedEntryAbout(evidenceId, inmate));
      }
      assertFalse(pointEntries.backsApprovedEntryAbout(evidenceId, -1), "not about another");
    }
    assertFalse(pointEntries.backsApprovedEntryAbout(-1, number("SELECT MIN(id) FROM inmate")));

    // the demo prison has its catalogue
    long prison = number("SELECT prison_id FROM rule_catalogue ORDER BY id LIMIT 1");
    RuleCatalogue current = catalogues.current(prison).orElseThrow();
    assertEquals(
        number("SELECT MAX(version) FROM rule_catalogue WHERE prison_id = " + prison),
        current.getVersion());
    List<RuleClause> clauses = catalogues.clauses(current.getId());
    assertEquals(
        number("SELECT COUNT(*) FROM rule_clause WHERE catalogue_id = " + current.getId()),
        clauses.size());
    RuleClause first = clauses.get(0);
    assertEquals(
        first.getId(), catalogues.clause(current.getId(), first.getCode()).orElseThrow().getId());
    assertTrue(catalogues.clause(current.getId(), "NO-SUCH-CODE").isEmpty());
    assertEquals(first.getCode(), catalogues.clause(first.getId()).getCode());
    assertTrue(catalogues.current(-1).isEmpty());

    for (Object[] r :
        rows(
            "SELECT section_id, month, MAX(id) FROM month_close GROUP BY section_id, month LIMIT 3")) {
      long section = ((Number) r[0]).longValue();
      YearMonth month = YearMonth.parse(r[1].toString());
      MonthClose close = closes.current(section, month).orElseThrow();
      assertEquals(((Number) r[2]).longValue(), close.getId(), "the latest computed");
      assertEquals(
          number("SELECT COUNT(*) FROM month_close_step WHERE close_id = " + close.getId()),
          closes.steps(close.getId()).size());
    }
    assertTrue(closes.current(-1, YearMonth.of(2031, 1)).isEmpty());
    assertEquals(List.of(), closes.steps(-1));
  }

  @Test
  void excusalsObjectionsAndTheirAuditBindingsAreWrittenOnlyInTheCallersTransaction()
      throws Exception {
    Object[] who = rows("SELECT id, section_id FROM inmate ORDER BY id LIMIT 1").get(0);
    long inmate = ((Number) who[0]).longValue();
    long section = ((Number) who[1]).longValue();
    String mark = "ContextPortsChecks " + UUID.randomUUID();
    Instant at = Instant.parse("2031-01-08T02:00:00Z");
    YearMonth from = YearMonth.of(2031, 1);
    long objectionId;
    transaction.begin();
    try {
      // an open-ended excusal, then one with an end, each read back as entered
      long open = excusals.enter(inmate, section, from, null, mark, "officer.cpc", at);
      long closed =
          excusals.enter(inmate, section, from, from.plusMonths(2), mark, "officer.cpc", at);
      assertTrue(closed > open, "each INSERT's own id");
      assertEquals(
          new LabourExcusals.Filed(
              new LabourExcusal(open, inmate, from, null, "officer.cpc", null, null), section),
          excusals.find(open).orElseThrow());
      excusals.review(open, "APPROVED", "核实", "reviewer.cpc", at);
      assertEquals(
          new LabourExcusal(open, inmate, from, null, "officer.cpc", "APPROVED", "reviewer.cpc"),
          excusals.find(open).orElseThrow().excusal());
      List<LabourExcusals.Line> lines = excusals.ofSection(section);
      assertEquals(
          List.of(
              new LabourExcusals.Line(
                  closed, inmate, from, from.plusMonths(2), mark, "officer.cpc", null, null, null),
              new LabourExcusals.Line(
                  open, inmate, from, null, mark, "officer.cpc", "APPROVED", "reviewer.cpc", "核实")),
          lines.subList(0, 2),
          "newest first, with the review");
      assertTrue(excusals.find(-1).isEmpty());

      // an objection and its steps, in the order taken
      Objection o =
          new Objection(
              inmate, section, "MONTH", null, "2031-01", mark, "inmate.cpc", "INMATE", at);
      objections.store(o);
      assertNotNull(o.getId(), "its id at once");
      objectionId = o.getId();
      ObjectionStepRecord find =
          new ObjectionStepRecord(
              o.getId(), "FIND", "inmate.cpc", on(at), "inmate.cpc", at, mark, null, null);
      objections.store(find);
      ObjectionStepRecord dispatch =
          new ObjectionStepRecord(
              o.getId(),
              "DISPATCH",
              "officer.cpc",
              on(at).plusDays(2),
              "reviewer.cpc",
              at.plusSeconds(60),
              "派单",
              null,
              null);
      objections.store(dispatch);
      assertEquals(mark, objections.find(o.getId()).orElseThrow().getText());
      assertEquals(
          List.of("FIND", "DISPATCH"),
          objections.steps(o.getId()).stream().map(ObjectionStepRecord::getStep).toList());
      assertTrue(objections.find(-1).isEmpty());

      // the audit log binds them in this transaction: read as written, stored with the entry
      Map<String, Object> form =
          auditEntries.formInTransaction("objection", o.getId()).orElseThrow();
      assertEquals(o.getId(), form.get("id"));
      assertTrue(auditEntries.formInTransaction("objection", -1).isEmpty());
      String subject = "context-ports/" + UUID.randomUUID();
      log.append(
          new AuditEvent(
              "reviewer.cpc", "REVIEWER", "test.bound", subject, Map.of(), List.of(), at),
          List.of(
              AuditLog.Bind.of("objection", o.getId()),
              AuditLog.Bind.of("objection_step", dispatch.getId())));
      assertEquals(
          1,
          number(
              "SELECT COUNT(*) FROM audit_binding b JOIN audit_entry e ON e.id = b.entry_id"
                  + " WHERE b.table_name = 'objection' AND b.record_id = "
                  + o.getId()
                  + " AND e.subject = '"
                  + subject
                  + "'"));
      AuditEntries.BoundRows read = auditEntries.boundRows("objection", List.of(o.getId()));
      assertEquals(form, read.now().get(o.getId()), "one form by either reading");
      assertEquals(1, read.bindings().size());
      assertEquals(o.getId(), read.bindings().get(0).recordId());
      assertEquals(-1, read.bindings().get(0).leafIndex(), "not sequenced yet");
      assertEquals(Map.of(), bound.mismatches("objection", List.of(o.getId())), "as bound");
      // a row that is not there fails the append (and with it the caller's transaction)
      assertThrows(
          jakarta.ejb.EJBException.class,
          () ->
              log.append(
                  new AuditEvent("x", "X", "test.bound", subject, Map.of(), List.of(), at),
                  List.of(AuditLog.Bind.of("objection", -1))),
          "no row to bind");
    } finally {
      transaction.rollback();
    }
    assertEquals(0, number("SELECT COUNT(*) FROM labour_excusal WHERE reason = '" + mark + "'"));
    assertEquals(0, number("SELECT COUNT(*) FROM objection WHERE text = '" + mark + "'"));
    assertEquals(0, number("SELECT COUNT(*) FROM objection_step WHERE note = '" + mark + "'"));
    assertEquals(
        0,
        number(
            "SELECT COUNT(*) FROM audit_binding WHERE table_name = 'objection' AND record_id = "
                + objectionId));
  }

  private static LocalDate on(Instant at) {
    return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
  }

  @Test
  void aWitnessIsTakenByNameOrKeyOnlyOnceStored() throws Exception {
    for (Object[] r : rows("SELECT name, verifier_key FROM audit_witness ORDER BY id LIMIT 3")) {
      assertTrue(witnesses.taken((String) r[0], "no-such-key"));
      assertTrue(witnesses.taken("no-such-name", (String) r[1]));
    }
    String name = "cpc" + UUID.randomUUID().toString().substring(0, 8);
    String key = name + "+00000000+AAAA";
    assertFalse(witnesses.taken(name, key));
    transaction.begin();
    try {
      witnesses.store(
          new AuditWitness(
              name, key, "ContextPortsChecks", "cpc", Instant.parse("2031-01-08T02:00:00Z")));
      assertTrue(witnesses.taken(name, "no-such-key"));
      assertTrue(witnesses.taken("no-such-name", key));
    } finally {
      transaction.rollback();
    }
    assertFalse(witnesses.taken(name, key), "gone with the rollback");
  }

  @Test
  void theServicesWhoseStatementsMovedStillRefuseACallerWithoutTheRole() {
    // the test runs without a logged-in user: each service boundary must still refuse
    assertThrows(EJBAccessException.class, () -> visits.previousVisit());
    assertThrows(
        EJBAccessException.class,
        () -> excusalService.enter("X1", YearMonth.of(2031, 1), null, "x"));
    assertThrows(EJBAccessException.class, () -> excusalService.review(1, "APPROVED", "x"));
    assertThrows(EJBAccessException.class, () -> excusalService.ofSection(1));
    assertThrows(
        EJBAccessException.class, () -> objectionService.objectToMonth(YearMonth.of(2031, 1), "x"));
    assertThrows(EJBAccessException.class, () -> objectionService.raiseFinding(1, "x"));
    assertThrows(EJBAccessException.class, () -> objectionService.dispatch(1, "officer1", "x"));
    assertThrows(EJBAccessException.class, () -> objectionService.verify(1, "x"));
    assertThrows(
        EJBAccessException.class, () -> auditAdministration.registerWitness("x", "description"));
  }
}
