package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRepository.Meeting;
import cn.xinsheng.cases.domain.CaseRepository.ResultRow;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.ReductionCase;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cases as people read them: the officer's list by step and deadline, a case's whole file, the
 * external portal's cases within each reader's remit, the inmate's own case, the public lists. An
 * external reader's opening of a file is itself a record in the audit log.
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
public class CaseQueries {

  /** One line of a case list. */
  public record CaseSummary(
      long id,
      String number,
      String prisonerNumber,
      String inmateName,
      long sectionId,
      String sectionName,
      String kind,
      Integer proposedMonths,
      String status,
      String nextStep,
      String nextOwner,
      LocalDate deadline,
      boolean overdue,
      LocalDate postingEnds,
      LocalDate procuratorateDue,
      boolean procuratorateOverdue,
      boolean hearingRequired,
      Instant createdAt,
      String track,
      LocalDate rulingDue,
      boolean courtExtended,
      String courtRole,
      boolean courtMayExtend) {}

  /** One row of a case's timeline. */
  public record TimelineItem(
      long id,
      String type,
      String step,
      String signedBy,
      String role,
      Instant at,
      String note,
      String choice,
      Integer months,
      LocalDate onDate,
      String party,
      boolean late,
      Attachment attachment) {}

  /** A file attached to a step (evidence of the case's section): shown on the page and the PDF. */
  public record Attachment(long evidenceId, String name, String sha256) {}

  /** A ledger entry as the case file lists it. */
  public record LedgerLine(
      long id,
      String month,
      String clause,
      String amount,
      String fact,
      String recordedBy,
      String review,
      String reviewedBy,
      String reviewReason,
      String evidenceIds,
      Long reverses,
      Long supersedes) {}

  /** A cycle the proposal cites, with its decision. */
  public record CycleLine(
      long id,
      int number,
      String firstMonth,
      String closedMonth,
      String result,
      String reason,
      String decidedBy,
      String usedBy) {}

  /** Everything a case's file holds. */
  public record CaseFile(
      CaseSummary summary,
      String rationale,
      String ruleVersion,
      ResultRow eligibility,
      List<TimelineItem> timeline,
      Meeting meeting,
      ReductionCase.Tally tally,
      List<CycleLine> cycles,
      List<LedgerLine> ledger,
      List<String> lawyers,
      LocalDate currentSentenceEnd,
      LocalDate today,
      List<String> integrityWarnings,
      List<String> nonStandard) {}

  @Inject CaseRepository store;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject LedgerRecords ledger;
  @Inject CommendationQueries commendations;
  @Inject EvidenceCatalogue evidence;
  @Inject cn.xinsheng.ledger.application.CaseReferences references;
  @Inject cn.xinsheng.auditlog.application.BoundRecords bound;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;

  /** A case file that changed since a moment: how many new records, and the latest of them. */
  public record Changed(
      CaseSummary summary,
      int newRecords,
      Instant latestAt,
      String latestType,
      String latestStep) {}

  /**
   * Issue 18, item 3: the files the caller may read that gained records after {@code since} (an
   * external reader's last visit), newest first. The same reading rule as {@link #list}, so a
   * reader is never told of a file he may not open; the list itself reads no file, so it logs
   * nothing (opening one does).
   */
  public List<Changed> changedSince(Instant since) {
    List<CaseRow> rows = store.all();
    Map<Long, List<CaseEvent>> events = store.eventsOf(rows.stream().map(CaseRow::id).toList());
    WorkingCalendar cal = ledger.calendar();
    LocalDate today = time.today();
    List<Changed> out = new ArrayList<>();
    for (CaseRow r : rows) {
      List<CaseEvent> history = events.getOrDefault(r.id(), List.of());
      ReductionCase k = kase(r, history);
      if (!mayRead(r, k)) {
        continue;
      }
      List<CaseEvent> fresh =
          history.stream()
              .filter(e -> since == null || e.signedAt().isAfter(since))
              .sorted(Comparator.comparing(CaseEvent::signedAt))
              .toList();
      if (fresh.isEmpty()) {
        continue;
      }
      CaseEvent latest = fresh.get(fresh.size() - 1);
      out.add(
          new Changed(
              summary(r, k, cal, today),
              fresh.size(),
              latest.signedAt(),
              latest.type().name(),
              latest.step() == null ? null : latest.step().name()));
    }
    out.sort(Comparator.comparing(Changed::latestAt).reversed());
    return out;
  }

  /** The staff's list: by the next step's deadline, open cases first. */
  public List<CaseSummary> list() {
    WorkingCalendar cal = ledger.calendar();
    List<CaseRow> rows = store.all();
    // one query for every history: who may read a case can depend on where it stands
    Map<Long, List<CaseEvent>> events = store.eventsOf(rows.stream().map(CaseRow::id).toList());
    LocalDate today = time.today();
    List<CaseSummary> out = new ArrayList<>();
    for (CaseRow r : rows) {
      ReductionCase k = kase(r, events.getOrDefault(r.id(), List.of()));
      if (mayRead(r, k)) {
        out.add(summary(r, k, cal, today));
      }
    }
    out.sort(
        Comparator.comparing((CaseSummary s) -> s.nextStep() == null)
            .thenComparing(s -> s.deadline() == null ? LocalDate.MAX : s.deadline())
            .thenComparing(CaseSummary::id));
    return out;
  }

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
        f, caller.name(), time.now(), time.zone());
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
        store.sentenceChangeIds(caseId));
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
    ReductionCase k = kase(r, store.events(r.id()));
    if (!mayRead(r, k)) {
      throw Refusal.notFound("case.error.unknown");
    }
    return new Readable(r, k);
  }

  private CaseFile build(CaseRow r, ReductionCase k) {
    WorkingCalendar cal = ledger.calendar();
    LocalDate today = time.today();
    Meeting meeting = store.meetingOf(r.id()).orElse(null);
    ReductionCase.Tally tally = null;
    if (meeting != null && meeting.members().size() >= ReductionCase.MIN_COMMITTEE) {
      tally = k.tally(meeting.members());
    }
    // issue 16: a cited commendation that a granted case used is marked with that case's number
    Map<Long, String> used = references.usedByGrantedCases(r.inmateId());
    List<CycleLine> cycles =
        commendations.cycles(store.citedCycleIds(r.id())).stream()
            .map(c -> cycle(c, used))
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
        summary(r, k, cal, today),
        r.rationale(),
        r.ruleVersion(),
        store.result(r.eligibilityId()).orElse(null),
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
      out.add(build(r, kase(r, store.events(r.id()))));
    }
    return out;
  }

  /**
   * The noticeboard: cases being posted inside the prison (with the posting's end) and rulings
   * served. An inmate sees his own section's posting.
   */
  @RolesAllowed({
    Role.OFFICER_NAME,
    Role.REVIEWER_NAME,
    Role.EXECUTION_NAME,
    Role.WARDEN_NAME,
    Role.COMMITTEE_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.SUPERVISOR_NAME,
    Role.INMATE_NAME
  })
  public List<CaseSummary> publicList(boolean rulings) {
    WorkingCalendar cal = ledger.calendar();
    LocalDate today = time.today();
    Long mySection = caller.has(Role.INMATE) ? scope.ownInmate().getSection().getId() : null;
    List<CaseRow> rows = store.all();
    Map<Long, List<CaseEvent>> events = store.eventsOf(rows.stream().map(CaseRow::id).toList());
    List<CaseSummary> out = new ArrayList<>();
    for (CaseRow r : rows) {
      if (mySection != null && r.sectionId() != mySection) {
        continue;
      }
      ReductionCase k = kase(r, events.getOrDefault(r.id(), List.of()));
      boolean posted = k.signed(CaseStep.POSTING).isPresent() && !k.isRejectedByCommittee();
      boolean served = k.done().contains(CaseStep.SERVICE);
      if (rulings ? served : posted && !k.isSubmitted()) {
        out.add(summary(r, k, cal, today));
      }
    }
    return out;
  }

  /**
   * Who may read the noticeboard ({@link #publicList}, {@link #noticeboardPdf}): the same roles as
   * their {@code @RolesAllowed}, for screens that offer the links only to them (a test holds the
   * two equal).
   */
  public static final Set<Role> NOTICEBOARD_READERS =
      java.util.EnumSet.of(
          Role.OFFICER,
          Role.REVIEWER,
          Role.EXECUTION,
          Role.WARDEN,
          Role.COMMITTEE,
          Role.PROSECUTOR,
          Role.JUDGE,
          Role.SUPERVISOR,
          Role.INMATE);

  /**
   * The noticeboard as PDF: the posting notice ({@code rulings} false) or the rulings served, for
   * whoever may read {@link #publicList}.
   */
  @RolesAllowed({
    Role.OFFICER_NAME,
    Role.REVIEWER_NAME,
    Role.EXECUTION_NAME,
    Role.WARDEN_NAME,
    Role.COMMITTEE_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.SUPERVISOR_NAME,
    Role.INMATE_NAME
  })
  public byte[] noticeboardPdf(boolean rulings) throws java.io.IOException {
    List<CaseSummary> cases = publicList(rulings);
    return rulings
        ? cn.xinsheng.cases.infrastructure.CaseDocuments.rulingList(cases, time.today())
        : cn.xinsheng.cases.infrastructure.CaseDocuments.postingNotice(cases, time.today());
  }

  /** Meetings for the committee screen. */
  @RolesAllowed({Role.EXECUTION_NAME, Role.COMMITTEE_NAME, Role.WARDEN_NAME})
  public List<Meeting> meetings() {
    return store.meetings();
  }

  @Inject cn.xinsheng.identity.application.AccountDirectory directory;

  /** The committee's members to choose a meeting's from (issue 18: a picker, not typed logins). */
  @RolesAllowed(Role.EXECUTION_NAME)
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> committeeMembers() {
    return directory.holders(Role.COMMITTEE);
  }

  /**
   * The lawyers the department may grant a case to (issue 18, item 4: chosen from a list, not a
   * typed login); the service still checks the choice.
   */
  @RolesAllowed(Role.EXECUTION_NAME)
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> lawyers() {
    return directory.holders(Role.LAWYER);
  }

  /** Cases waiting for the committee, for a meeting's agenda. */
  @RolesAllowed(Role.EXECUTION_NAME)
  public List<CaseSummary> awaitingCommittee() {
    return list().stream().filter(s -> "COMMITTEE".equals(s.nextStep())).toList();
  }

  /** The case calendar's day: nothing about any case, so anyone logged in may ask. */
  @jakarta.annotation.security.PermitAll
  public LocalDate today() {
    return time.today();
  }

  // --- who may read what -----------------------------------------------------------------------

  private boolean mayRead(CaseRow r, ReductionCase k) {
    Set<Role> roles = caller.roles();
    if (roles.contains(Role.EXECUTION)
        || roles.contains(Role.WARDEN)
        || roles.contains(Role.COMMITTEE)
        || roles.contains(Role.PROSECUTOR)) {
      return true;
    }
    if ((roles.contains(Role.OFFICER) || roles.contains(Role.REVIEWER))
        && scope.sections().contains(r.sectionId())) {
      return true;
    }
    if ((roles.contains(Role.JUDGE) || roles.contains(Role.HIGH_JUDGE))
        && k.isAtCourt()
        && roles.contains(k.track().court())) {
      // issue 16: each court reads the cases before it (法释〔2014〕5号第一条)
      return true;
    }
    if (roles.contains(Role.BUREAU) && k.track().viaBureau() && k.isSubmitted()) {
      // the bureau reads the life and 死缓 cases the prison submitted to it (司法部令第130号第四条)
      return true;
    }
    if (roles.contains(Role.SUPERVISOR)
        && (k.signed(CaseStep.POSTING).isPresent() || k.isSubmitted())) {
      return true;
    }
    return roles.contains(Role.LAWYER) && k.lawyers().contains(caller.name());
  }

  // --- mapping ---------------------------------------------------------------------------------

  static ReductionCase kase(CaseRow r, List<CaseEvent> events) {
    return new ReductionCase(
        r.kind(),
        r.track(),
        EligibilityService.rules().bureauWorkingDays(),
        r.maxMonths(),
        r.postingDays(),
        r.hearingByFacts(),
        events);
  }

  static CaseSummary summary(CaseRow r, ReductionCase k, WorkingCalendar cal, LocalDate today) {
    Optional<CaseStep> next = k.nextStep();
    LocalDate deadline = k.nextDeadline(cal).orElse(null);
    boolean overdue =
        deadline != null
            && next.isPresent()
            && next.get() != CaseStep.DIRECTOR_MEETING
            && today.isAfter(deadline);
    return new CaseSummary(
        r.id(),
        r.number(),
        r.prisonerNumber(),
        r.inmateName(),
        r.sectionId(),
        r.sectionName(),
        r.kind().name(),
        r.proposedMonths(),
        k.status(),
        next.map(Enum::name).orElse(null),
        next.map(s -> k.owner(s).name()).orElse(null),
        deadline,
        overdue,
        k.postingEnds(cal).orElse(null),
        k.procuratorateOpinion().isPresent() ? null : k.procuratorateDue().orElse(null),
        k.procuratorateOpinion().isEmpty()
            && !k.isClosed()
            && k.procuratorateDue().map(today::isAfter).orElse(false),
        k.hearingRequired(),
        r.createdAt(),
        k.track().name(),
        k.rulingDue().orElse(null),
        k.courtExtension().isPresent(),
        k.track().court().name(),
        k.track().courtMayExtend());
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
    return events.stream().map(e -> item(e, attachments.get(e.id()))).toList();
  }

  static TimelineItem item(CaseEvent e, Attachment attachment) {
    return new TimelineItem(
        e.id(),
        e.type().name(),
        e.step() == null ? null : e.step().name(),
        e.signedBy(),
        e.signedRole(),
        e.signedAt(),
        e.note(),
        e.choice(),
        e.months(),
        e.onDate(),
        e.party(),
        e.late(),
        attachment);
  }

  static CycleLine cycle(CommendationQueries.Cycle c, Map<Long, String> used) {
    return new CycleLine(
        c.id(),
        c.number(),
        c.firstMonth(),
        c.closedMonth(),
        c.result(),
        c.reason(),
        c.decidedBy(),
        used.get(c.id()));
  }
}
