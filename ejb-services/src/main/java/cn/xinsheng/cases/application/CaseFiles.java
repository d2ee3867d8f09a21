package cn.xinsheng.cases.application;

import cn.xinsheng.cases.application.CaseFile.Attachment;
import cn.xinsheng.cases.application.CaseFile.CycleLine;
import cn.xinsheng.cases.application.CaseFile.LedgerLine;
import cn.xinsheng.cases.application.CaseFile.TimelineItem;
import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CommitteeMeetings;
import cn.xinsheng.cases.domain.CommitteeMeetings.Meeting;
import cn.xinsheng.cases.domain.EligibilityRuns;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.cases.domain.SentenceChangeLog;
import cn.xinsheng.evidence.application.EvidenceCatalogue;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CommendationQueries;
import cn.xinsheng.ledger.application.LedgerRecords;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's whole file for whoever may read it: on the screen, on paper, for the case package, and
 * the inmate's own. An external reader's opening of a file is itself a record in the audit log; a
 * file whose rows no longer match their audit entries says which.
 */
@Stateless
@RolesAllowed({
  Role.OFFICER_NAME,
  Role.REVIEWER_NAME,
  Role.EXECUTION_NAME,
  Role.WARDEN_NAME,
  Role.COMMITTEE_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.LAWYER_NAME,
  Role.BUREAU_NAME,
  Role.HIGH_JUDGE_NAME
})
public class CaseFiles {

  @Inject CaseRepository store;
  @Inject EligibilityRuns runs;
  @Inject CommitteeMeetings meetings;
  @Inject SentenceChangeLog sentenceLog;
  @Inject CaseReadModel model;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject LedgerRecords ledger;
  @Inject CommendationQueries commendations;
  @Inject EvidenceCatalogue evidence;
  @Inject cn.xinsheng.identity.application.AccountDirectory accounts;
  @Inject cn.xinsheng.ledger.application.CaseReferences references;
  @Inject cn.xinsheng.auditlog.application.BoundRecords bound;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;

  /** A case's file for whoever may read it; an external reader's read is logged with the inmate. */
  public CaseFile file(long caseId) {
    Readable c;
    CaseFile built;
    try {
      c = readable(caseId);
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      // who may read it cannot be told from a file that cannot be read: an inmate learns nothing
      if (caller.has(Role.INMATE)) {
        throw Refusal.notFound("case.error.unknown");
      }
      throw unreadable(caseId, e);
    }
    try {
      built = build(c.row(), c.state());
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw unreadable(caseId, e);
    }
    CaseRow r = c.row();
    if (caller.roles().stream().anyMatch(Role::isExternal)) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", r.prisonerNumber());
      p.put("case", r.id());
      audit.append("case.file.read", "case-read/" + r.id(), p, List.of());
    }
    return built;
  }

  /**
   * Issue 18, item 9: the case file on paper, for whoever may read it: the same document the court
   * receives in the case package (words, not codes; moments in the prison's zone; the shipped CJK
   * font), made for the reader and read through {@link #file}, so an external reader's print is
   * logged as his read.
   */
  public byte[] filePdf(long caseId) throws java.io.IOException {
    CaseFile f = file(caseId);
    return cn.xinsheng.cases.infrastructure.CaseDocuments.proposal(
        f, caller.name(), time.now(), time.zone(), peopleNames(f));
  }

  /**
   * The names of the people a case's paper names (who made it, signed, voted, was authorised), by
   * login: the walk found "制作 Made by prosecutor1" on the court's PDF.
   */
  public Map<String, String> peopleNames(CaseFile f) {
    java.util.Set<String> logins = new java.util.LinkedHashSet<>();
    logins.add(caller.name());
    for (TimelineItem t : f.timeline()) {
      logins.add(t.signedBy());
      logins.add(t.party());
    }
    logins.addAll(f.lawyers());
    return accounts.names(logins);
  }

  /**
   * Issue 15: a row a root rewrote with a value the code cannot read (a vote "OBJECT") cannot be
   * folded into a file; instead of an error page the reader is told which bound rows no longer
   * match their audit entries (named by table and row only: he has not been shown the case). When
   * no bound row differs, the failure is a fault of ours and goes on as one.
   */
  private RuntimeException unreadable(long caseId, RuntimeException cause) {
    Map<String, String> changed = changedBoundRows(caseId, store.eventIds(caseId), List.of());
    if (changed.isEmpty()) {
      return cause;
    }
    return Refusal.conflict("case.error.recordsChanged", String.join(", ", changed.keySet()));
  }

  /**
   * Issue 15: every bound row of a case that no longer matches the row its audit entry bound, as
   * {@code table/id} → the message naming table, row and field (Chinese and English), in one order:
   * the proposal, the sentence changes its ruling wrote, its events (steps, returns, votes,
   * opinions, the court's records), then the ledger entries the file shows. The case page and API
   * show the messages beside a file; a file that cannot even be read names the rows alone.
   */
  private Map<String, String> changedBoundRows(
      long caseId, List<Long> eventIds, List<Long> ledgerLineIds) {
    Map<String, String> out = new LinkedHashMap<>();
    addChanged(out, cn.xinsheng.cases.infrastructure.ReductionCaseBinding.TABLE, List.of(caseId));
    addChanged(
        out,
        cn.xinsheng.cases.infrastructure.SentenceChangeBinding.TABLE,
        sentenceLog.changeIdsOfCase(caseId));
    addChanged(out, cn.xinsheng.cases.infrastructure.CaseEventBinding.TABLE, eventIds);
    addChanged(out, "point_entry", ledgerLineIds);
    return out;
  }

  private void addChanged(Map<String, String> out, String table, List<Long> ids) {
    if (!ids.isEmpty()) {
      new java.util.TreeMap<>(bound.mismatches(table, ids))
          .forEach((id, message) -> out.put(table + "/" + id, message));
    }
  }

  /**
   * The records a case package lists, by the subject of their log entries, with the fields their
   * entries logged, as the database holds them now: the case, its events, the inmate's entries.
   */
  @RolesAllowed({
    Role.EXECUTION_NAME,
    Role.WARDEN_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.HIGH_JUDGE_NAME
  })
  public Map<String, Map<String, Object>> recordsForPackage(long caseId) {
    CaseRow r = readable(caseId).row();
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    Map<String, Object> c = CaseAudit.caseFields(r);
    out.put("case/" + r.id(), c);
    for (CaseRow other : store.ofInmate(r.inmateId())) {
      for (CaseEvent e : store.events(other.id())) {
        out.put("case-event/" + e.id(), CaseAudit.eventFields(other, e));
      }
      out.put("case/" + other.id(), CaseAudit.caseFields(other));
    }
    for (CommendationQueries.EntryLine e : commendations.entries(r.inmateId())) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("inmate", r.prisonerNumber());
      f.put("entry", e.id());
      f.put("month", e.month());
      f.put("clause", e.clause());
      f.put("amount", new Points(e.amountTenths()).toString());
      f.put("fact", e.fact());
      out.put("point-entry/" + e.id(), f);
    }
    return out;
  }

  /** The same file, without logging a read: for the package, whose making is logged itself. */
  @RolesAllowed({
    Role.EXECUTION_NAME,
    Role.WARDEN_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.HIGH_JUDGE_NAME
  })
  public CaseFile fileForPackage(long caseId) {
    Readable c = readable(caseId);
    return build(c.row(), c.state());
  }

  /** A case the caller may read, with its state. */
  private record Readable(CaseRow row, ReductionCase state) {}

  /** The case if the caller may read it; any other is as if it did not exist. */
  private Readable readable(long caseId) {
    CaseRow r = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    ReductionCase k = CaseReadModel.kase(r, store.events(r.id()));
    if (!model.mayRead(r, k)) {
      throw Refusal.notFound("case.error.unknown");
    }
    return new Readable(r, k);
  }

  private CaseFile build(CaseRow r, ReductionCase k) {
    WorkingCalendar cal = ledger.calendar();
    LocalDate today = time.today();
    Meeting meeting = meetings.meetingOf(r.id()).orElse(null);
    ReductionCase.Tally tally = null;
    if (meeting != null && meeting.members().size() >= ReductionCase.MIN_COMMITTEE) {
      tally = k.tally(meeting.members());
    }
    // issue 16: a cited commendation that a granted case used is marked with that case's number
    Map<Long, String> used = references.usedByGrantedCases(r.inmateId());
    List<CycleLine> cycles =
        commendations.cycles(store.citedCycleIds(r.id())).stream()
            .map(c -> CaseReadModel.cycle(c, used))
            .toList();
    List<LedgerLine> lines = new ArrayList<>();
    for (CommendationQueries.EntryLine e : commendations.entries(r.inmateId())) {
      lines.add(
          new LedgerLine(
              e.id(),
              e.month(),
              e.clause(),
              new Points(e.amountTenths()).toString(),
              e.fact(),
              e.recordedBy(),
              e.review(),
              e.reviewedBy(),
              e.reviewReason(),
              e.evidenceIds(),
              e.reverses(),
              e.supersedes()));
    }
    Inmate inmate = scope.inmate(r.prisonerNumber()).orElseThrow();
    return new CaseFile(
        CaseReadModel.summary(r, k, cal, today),
        r.rationale(),
        r.ruleVersion(),
        runs.result(r.eligibilityId()).map(EligibilityResult::of).orElse(null),
        timeline(k.events(), attachments(r.id())),
        meeting,
        tally,
        cycles,
        lines,
        List.copyOf(k.lawyers()),
        inmate.getCurrentSentenceEnd(),
        today,
        integrityWarnings(r.id(), k.events(), lines),
        // issue 16: a departure from the general wait or amount, {ground, article}; heard
        law.nonStandardOf(r.id()).map(List::of).orElse(List.of()));
  }

  /** The changed bound rows' messages, for the case page and API (see changedBoundRows). */
  private List<String> integrityWarnings(
      long caseId, List<CaseEvent> events, List<LedgerLine> lines) {
    return List.copyOf(
        changedBoundRows(
                caseId,
                events.stream().map(CaseEvent::id).toList(),
                lines.stream().map(LedgerLine::id).toList())
            .values());
  }

  /** The inmate's own cases: status, basis, and (while posted) how to object. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<CaseFile> mine() {
    Inmate me = scope.ownInmate();
    List<CaseFile> out = new ArrayList<>();
    for (CaseRow r : store.ofInmate(me.getId())) {
      out.add(build(r, CaseReadModel.kase(r, store.events(r.id()))));
    }
    return out;
  }

  /** The files attached to the case's steps by event id, named by the evidence context. */
  private Map<Long, Attachment> attachments(long caseId) {
    Map<Long, Long> byEvent = store.attachments(caseId);
    Map<Long, EvidenceCatalogue.FileRef> files = evidence.files(byEvent.values());
    Map<Long, Attachment> out = new java.util.HashMap<>();
    byEvent.forEach(
        (event, evidenceId) -> {
          EvidenceCatalogue.FileRef f = files.get(evidenceId);
          if (f != null) {
            out.put(event, new Attachment(f.id(), f.name(), f.sha256()));
          }
        });
    return out;
  }

  private static List<TimelineItem> timeline(
      List<CaseEvent> events, Map<Long, Attachment> attachments) {
    return events.stream().map(e -> CaseReadModel.item(e, attachments.get(e.id()))).toList();
  }
}
