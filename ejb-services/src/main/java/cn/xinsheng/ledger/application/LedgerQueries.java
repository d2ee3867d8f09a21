package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.ObjectionStep;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.ReviewDecision;
import cn.xinsheng.ledger.infrastructure.LedgerDocuments;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ledger as people read it: an officer's returned entries (the alert) and his section's month,
 * a reviewer's queue, an inmate's own ledger, an inmate's timeline for the officers and the
 * external readers, open objections. Flat read models, one query each.
 */
@Stateless
// The default covers the readers of an inmate's ledger (his section's officers, the external
// readers, the warden and the committee); every narrower read names its own roles.
@RolesAllowed({
  Role.OFFICER_NAME,
  Role.REVIEWER_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.WARDEN_NAME,
  Role.COMMITTEE_NAME,
  Role.HIGH_JUDGE_NAME
})
public class LedgerQueries {

  private static final String ENTRY_SELECT =
      "SELECT e.id, i.prisoner_number, i.name, e.section_id, c.code, c.text, k.version, c.part,"
          + " e.amount_tenths, e.fact, e.occurred_at, e.month, e.recorded_by, e.recorded_at,"
          + " r.decision, r.reviewed_by, r.reason, r.reviewed_at, e.supersedes_id, e.reverses_id,"
          + " e.reason, (SELECT COUNT(*) FROM point_entry n WHERE n.supersedes_id = e.id), r.id"
          + " FROM point_entry e JOIN inmate i ON i.id = e.inmate_id"
          + " JOIN rule_clause c ON c.id = e.clause_id JOIN rule_catalogue k ON k.id = c.catalogue_id"
          + " LEFT JOIN entry_review r ON r.entry_id = e.id ";

  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject LedgerRecords records;
  @Inject CaseReferences cases;
  @Inject cn.xinsheng.platform.PrisonTime time;
  @Inject cn.xinsheng.auditlog.application.BoundRecords bound;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** The officer's entries that came back: "您有一条信息没有通过审核，请及时处理". */
  @RolesAllowed(Role.OFFICER_NAME)
  public List<EntryView> returnedToMe() {
    return entries(
        "WHERE e.recorded_by = ?1 AND r.decision = 'RETURNED'"
            + " AND NOT EXISTS (SELECT 1 FROM point_entry n WHERE n.supersedes_id = e.id)"
            + " ORDER BY r.reviewed_at DESC",
        caller.name());
  }

  /** Entries of the reviewer's sections waiting for a second signature, not his own. */
  @RolesAllowed(Role.REVIEWER_NAME)
  public List<EntryView> waitingForMyReview() {
    return entries(
        "WHERE e.section_id IN ("
            + inList(scope.sections())
            + ") AND r.id IS NULL"
            + " AND e.recorded_by <> ?1 ORDER BY e.recorded_at",
        caller.name());
  }

  /** One section's entries of a month, newest first. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<EntryView> sectionMonth(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    return entries(
        "WHERE e.section_id = ?1 AND e.month = ?2 ORDER BY e.id DESC", sectionId, month.toString());
  }

  /** An inmate's whole ledger, for the officers of his section and the external readers. */
  public List<EntryView> timeline(String prisonerNumber) {
    Inmate inmate = readableInmate(prisonerNumber);
    return entries("WHERE e.inmate_id = ?1 ORDER BY e.occurred_at DESC, e.id DESC", inmate.getId());
  }

  public List<MonthView> monthsOf(String prisonerNumber) {
    Inmate inmate = readableInmate(prisonerNumber);
    return months("WHERE r.inmate_id = ?1", inmate.getId());
  }

  /** The formats an inmate's ledger prints in. */
  public enum DocumentFormat {
    XLSX,
    PDF
  }

  /**
   * An inmate's ledger as a document: read now, as the caller may read it; its bytes written when
   * the answer is streamed.
   */
  public record LedgerDocument(String prisonerNumber, Body body) {

    /** Writes the document. */
    @FunctionalInterface
    public interface Body {
      void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }
  }

  /** The inmate's entries and months as a workbook or a PDF (Chinese font embedded). */
  public LedgerDocument document(String prisonerNumber, DocumentFormat format) {
    var heading = heading(prisonerNumber);
    var entries = timeline(prisonerNumber);
    var months = monthsOf(prisonerNumber);
    return new LedgerDocument(
        heading.prisonerNumber(),
        format == DocumentFormat.XLSX
            ? out -> LedgerDocuments.xlsx(heading, entries, months, out)
            : out -> LedgerDocuments.pdf(heading, entries, months, out));
  }

  /** Who a printed ledger is about and who prints it. */
  private LedgerDocuments.Heading heading(String prisonerNumber) {
    Inmate inmate = readableInmate(prisonerNumber);
    return new LedgerDocuments.Heading(
        inmate.getPrisonerNumber().value(),
        inmate.getName(),
        caller.name(),
        time.now(),
        time.zone());
  }

  /** The inmate's own entries: every approved entry and correction about him. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<EntryView> myEntries() {
    Inmate me = scope.ownInmate();
    return entries(
        "WHERE e.inmate_id = ?1 AND r.decision = 'APPROVED' ORDER BY e.occurred_at DESC",
        me.getId());
  }

  /** An inmate's closed cycles, for the officers of his section and the external readers. */
  public List<CycleView> cyclesOf(String prisonerNumber) {
    return cycles(readableInmate(prisonerNumber).getId());
  }

  /** The inmate's own cycle history. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<CycleView> myCycles() {
    return cycles(scope.ownInmate().getId());
  }

  private List<CycleView> cycles(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.id, i.prisoner_number, c.number, c.first_month, c.closed_month,"
                    + " (SELECT COUNT(*) FROM cycle_entry x WHERE x.cycle_id = c.id),"
                    + " d.result, d.reason, d.decided_by, d.decided_at FROM assessment_cycle c"
                    + " JOIN inmate i ON i.id = c.inmate_id"
                    + " LEFT JOIN cycle_decision d ON d.cycle_id = c.id"
                    + " WHERE c.inmate_id = ?1 ORDER BY c.number DESC")
            .setParameter(1, inmateId)
            .getResultList();
    List<CycleView> out = new ArrayList<>();
    // issue 16: a commendation a granted case cited is shown as used, with that case's number
    Map<Long, String> used = cases.usedByGrantedCases(inmateId);
    for (Object[] r : rows) {
      out.add(
          new CycleView(
              ((Number) r[0]).longValue(),
              r[1].toString(),
              ((Number) r[2]).intValue(),
              r[3].toString(),
              r[4].toString(),
              ((Number) r[5]).longValue(),
              r[6] == null ? null : r[6].toString(),
              r[7] == null ? null : r[7].toString(),
              r[8] == null ? null : r[8].toString(),
              r[9] == null ? null : instant(r[9]),
              used.get(((Number) r[0]).longValue())));
    }
    return out;
  }

  /** The inmate's published and locked months. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<MonthView> myMonths() {
    Inmate me = scope.ownInmate();
    return months("WHERE r.inmate_id = ?1", me.getId()).stream()
        .filter(m -> !m.state().equals("COMPUTED") && !m.state().equals("APPROVED"))
        .toList();
  }

  /** One section's month close: its state and every inmate's result. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public Optional<List<MonthView>> sectionResults(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    Optional<MonthClose> close = records.currentClose(sectionId, month);
    return close.map(c -> months("WHERE r.close_id = ?1", c.getId()));
  }

  /** A close's state: COMPUTED, APPROVED, PUBLISHED or LOCKED. */
  private String closeState(long closeId) {
    Map<String, MonthCloseStep> s = records.steps(closeId);
    return s.containsKey("LOCKED")
        ? "LOCKED"
        : s.containsKey("PUBLISHED")
            ? "PUBLISHED"
            : s.containsKey("APPROVED") ? "APPROVED" : "COMPUTED";
  }

  /** What the section dashboard counts. */
  public record Dashboard(
      long sectionId,
      String month,
      long entries,
      long pending,
      long returned,
      long approved,
      long openObjections,
      Optional<Long> closeId,
      String closeState,
      LocalDate windowEnds,
      long inmates) {}

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public Dashboard dashboard(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    // counts only: the integrity of each entry is checked where entries are shown
    List<EntryView> all =
        rawEntries(
            new HashMap<>(),
            "WHERE e.section_id = ?1 AND e.month = ?2 ORDER BY e.id DESC",
            sectionId,
            month.toString());
    long pending = all.stream().filter(e -> e.status() == EntryStatus.PENDING).count();
    long returned = all.stream().filter(e -> e.status() == EntryStatus.RETURNED).count();
    long approved = all.stream().filter(e -> e.status() == EntryStatus.APPROVED).count();
    long objections =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM objection o WHERE o.section_id = ?1 AND NOT EXISTS"
                            + " (SELECT 1 FROM objection_step s WHERE s.objection_id = o.id"
                            + " AND s.step = 'FEEDBACK')")
                    .setParameter(1, sectionId)
                    .getSingleResult())
            .longValue();
    long inmates =
        ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM inmate WHERE section_id = ?1")
                    .setParameter(1, sectionId)
                    .getSingleResult())
            .longValue();
    Optional<MonthClose> close = records.currentClose(sectionId, month);
    String state = close.map(c -> closeState(c.getId())).orElse("OPEN");
    LocalDate window =
        close
            .map(c -> records.steps(c.getId()).get("PUBLISHED"))
            .map(MonthCloseStep::getWindowEnds)
            .orElse(null);
    return new Dashboard(
        sectionId,
        month.toString(),
        all.size(),
        pending,
        returned,
        approved,
        objections,
        close.map(MonthClose::getId),
        state,
        window,
        inmates);
  }

  /** An objection with where its loop stands. */
  public record ObjectionView(
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
      ObjectionStep lastStep,
      ObjectionStep nextStep,
      String assignee,
      LocalDate nextDue,
      String outcome,
      List<String> history,
      String integrityWarning,
      List<StepLine> steps) {

    /** Whether the objection or one of its steps no longer matches its audit entry (issue 15). */
    public boolean tampered() {
      return integrityWarning != null;
    }
  }

  /**
   * One step of an objection's loop as a screen says it (issue 18): the step and the role that took
   * it ({@code REVIEWER}, said "审核民警"), when, by whom (for staff) and its note. The inmate's
   * terminal shows the role, not the account, and the note only of the feedback meant for him.
   */
  public record StepLine(String step, String role, String doneBy, Instant at, String note) {

    /** Whether the note is meant for the person who raised the objection. */
    public boolean toTheRaiser() {
      return ObjectionStep.FEEDBACK.name().equals(step) || ObjectionStep.FIND.name().equals(step);
    }
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<ObjectionView> objectionsOfMySections() {
    return objections("WHERE o.section_id IN (" + inList(scope.sections()) + ")");
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<ObjectionView> myObjections() {
    return objections("WHERE o.inmate_id = ?1", scope.ownInmate().getId());
  }

  @RolesAllowed({Role.PROSECUTOR_NAME, Role.SUPERVISOR_NAME})
  public List<ObjectionView> myFindings() {
    return objections("WHERE o.raised_by = ?1", caller.name());
  }

  private Inmate readableInmate(String prisonerNumber) {
    if (caller.has(Role.OFFICER) || caller.has(Role.REVIEWER)) {
      return scope.inmateInMySections(prisonerNumber);
    }
    return scope.inmate(prisonerNumber).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }

  /** The objections a condition selects; every value the caller gives is bound, never spliced. */
  private List<ObjectionView> objections(String where, Object... params) {
    var query =
        em.createNativeQuery(
            "SELECT o.id, i.prisoner_number, i.name, o.target_type, o.entry_id,"
                + " o.month, o.text, o.raised_by, o.raised_role, o.raised_at, o.case_id FROM objection o"
                + " JOIN inmate i ON i.id = o.inmate_id "
                + where
                + " ORDER BY o.id DESC");
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<ObjectionView> out = new ArrayList<>();
    // one read of the calendar for the whole list, not one per objection
    cn.xinsheng.ledger.domain.LedgerCalendar calendar = records.ledgerCalendar();
    // a finding on a case shows the case's number where a month objection shows its month; the
    // number comes from the cases context through the port the ledger owns
    java.util.Set<Long> onCases =
        rows.stream()
            .filter(r -> r[5] == null && r[10] != null)
            .map(r -> ((Number) r[10]).longValue())
            .collect(java.util.stream.Collectors.toSet());
    Map<Long, String> caseNumbers = onCases.isEmpty() ? Map.of() : cases.numbers(onCases);
    Map<Long, List<Long>> stepIds = new HashMap<>();
    for (Object[] r : rows) {
      if (r[5] == null && r[10] != null) {
        r[5] = caseNumbers.get(((Number) r[10]).longValue());
      }
      long id = ((Number) r[0]).longValue();
      @SuppressWarnings("unchecked")
      List<Object[]> steps =
          em.createNativeQuery(
                  "SELECT step, owner, due_on, done_by, done_at, note, outcome, id FROM objection_step"
                      + " WHERE objection_id = ?1 ORDER BY id")
              .setParameter(1, id)
              .getResultList();
      ObjectionStep last = ObjectionStep.FIND;
      String assignee = "";
      String outcome = null;
      Instant lastAt = instant(r[9]);
      List<String> history = new ArrayList<>();
      List<StepLine> lines = new ArrayList<>();
      for (Object[] s : steps) {
        last = ObjectionStep.valueOf(s[0].toString());
        lastAt = instant(s[4]);
        if (last == ObjectionStep.DISPATCH) {
          assignee = s[1].toString();
        }
        if (s[6] != null) {
          outcome = s[6].toString();
        }
        history.add(last + " " + s[3] + " " + lastAt + ": " + s[5]);
        stepIds.computeIfAbsent(id, k -> new ArrayList<>()).add(((Number) s[7]).longValue());
        String role =
            last == ObjectionStep.FIND
                ? r[8].toString()
                : last == ObjectionStep.DISPATCH || last == ObjectionStep.CLOSE
                    ? Role.REVIEWER.name()
                    : Role.OFFICER.name();
        lines.add(
            new StepLine(
                last.name(),
                role,
                s[3] == null ? null : s[3].toString(),
                lastAt,
                s[5] == null ? "" : s[5].toString()));
      }
      ObjectionStep next = last.next();
      LocalDate due = next == null ? null : calendar.due(lastAt, next.workingDays());
      out.add(
          new ObjectionView(
              id,
              r[1].toString(),
              r[2].toString(),
              r[3].toString(),
              r[4] == null ? null : ((Number) r[4]).longValue(),
              r[5] == null ? null : r[5].toString(),
              r[6].toString(),
              r[7].toString(),
              r[8].toString(),
              instant(r[9]),
              last,
              next,
              assignee,
              due,
              outcome,
              history,
              null,
              lines));
    }
    return checked(out, stepIds);
  }

  /**
   * Issue 15: each objection and its steps checked against the rows their audit entries bound; a
   * difference becomes the objection's visible warning (table, row, field; Chinese and English).
   */
  private List<ObjectionView> checked(List<ObjectionView> list, Map<Long, List<Long>> stepIds) {
    if (list.isEmpty()) {
      return list;
    }
    Map<Long, String> objections =
        bound.mismatches(
            cn.xinsheng.ledger.infrastructure.ObjectionBinding.TABLE,
            list.stream().map(ObjectionView::id).toList());
    Map<Long, String> steps =
        bound.mismatches(
            cn.xinsheng.ledger.infrastructure.ObjectionStepBinding.TABLE,
            stepIds.values().stream().flatMap(List::stream).toList());
    if (objections.isEmpty() && steps.isEmpty()) {
      return list;
    }
    List<ObjectionView> out = new ArrayList<>(list.size());
    for (ObjectionView o : list) {
      List<String> found = new ArrayList<>();
      if (objections.containsKey(o.id())) {
        found.add(objections.get(o.id()));
      }
      stepIds.getOrDefault(o.id(), List.of()).stream()
          .filter(steps::containsKey)
          .forEach(id -> found.add(steps.get(id)));
      out.add(
          found.isEmpty()
              ? o
              : new ObjectionView(
                  o.id(),
                  o.prisonerNumber(),
                  o.inmateName(),
                  o.target(),
                  o.entryId(),
                  o.month(),
                  o.text(),
                  o.raisedBy(),
                  o.raisedRole(),
                  o.raisedAt(),
                  o.lastStep(),
                  o.nextStep(),
                  o.assignee(),
                  o.nextDue(),
                  o.outcome(),
                  o.history(),
                  String.join("；", found),
                  o.steps()));
    }
    return out;
  }

  private List<MonthView> months(String where, Object... params) {
    var q =
        em.createNativeQuery(
            "SELECT r.close_id, c.month, i.prisoner_number, i.name, r.supervision_tenths,"
                + " r.education_tenths, r.labour_tenths, r.special_tenths, r.sanction_tenths,"
                + " r.discarded_tenths, r.total_tenths, r.balance_tenths, r.cycle_carry_tenths,"
                + " r.cycles_closed, r.entries FROM month_result r"
                + " JOIN month_close c ON c.id = r.close_id JOIN inmate i ON i.id = r.inmate_id "
                + where
                + " AND c.id = (SELECT MAX(c2.id) FROM month_close c2 WHERE c2.section_id ="
                + " c.section_id AND c2.month = c.month) ORDER BY c.month DESC, i.prisoner_number");
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, String> states = new HashMap<>();
    Map<Long, LocalDate> windows = new HashMap<>();
    List<MonthView> out = new ArrayList<>();
    for (Object[] r : rows) {
      long closeId = ((Number) r[0]).longValue();
      String state = states.computeIfAbsent(closeId, this::closeState);
      LocalDate window =
          windows.computeIfAbsent(
              closeId,
              id ->
                  Optional.ofNullable(records.steps(id).get("PUBLISHED"))
                      .map(MonthCloseStep::getWindowEnds)
                      .orElse(null));
      out.add(
          new MonthView(
              closeId,
              r[1].toString(),
              r[2].toString(),
              r[3].toString(),
              points(r[4]),
              points(r[5]),
              points(r[6]),
              points(r[7]),
              points(r[8]),
              points(r[9]),
              points(r[10]),
              points(r[11]),
              points(r[12]),
              ((Number) r[13]).intValue(),
              ((Number) r[14]).intValue(),
              state,
              window));
    }
    return out;
  }

  /**
   * The entries read, each checked against the audit log: the entry's row, its review's and its
   * evidence's, as the log bound them; a difference becomes the entry's visible warning.
   */
  private List<EntryView> entries(String where, Object... params) {
    Map<Long, Long> reviewIds = new HashMap<>();
    List<EntryView> list = rawEntries(reviewIds, where, params);
    if (list.isEmpty()) {
      return list;
    }
    Map<Long, String> entries =
        bound.mismatches(
            cn.xinsheng.ledger.infrastructure.PointEntryBinding.TABLE,
            list.stream().map(EntryView::id).toList());
    Map<Long, String> reviews =
        bound.mismatches(
            cn.xinsheng.ledger.infrastructure.EntryReviewBinding.TABLE, reviewIds.values());
    Map<Long, String> evidence =
        bound.mismatches(
            cn.xinsheng.evidence.infrastructure.EvidenceBinding.TABLE,
            list.stream().flatMap(e -> e.evidenceIds().stream()).distinct().toList());
    if (entries.isEmpty() && reviews.isEmpty() && evidence.isEmpty()) {
      return list;
    }
    List<EntryView> out = new ArrayList<>(list.size());
    for (EntryView e : list) {
      List<String> found = new ArrayList<>();
      if (entries.containsKey(e.id())) {
        found.add(entries.get(e.id()));
      }
      Long review = reviewIds.get(e.id());
      if (review != null && reviews.containsKey(review)) {
        found.add(reviews.get(review));
      }
      e.evidenceIds().stream()
          .filter(evidence::containsKey)
          .forEach(id -> found.add(evidence.get(id)));
      out.add(found.isEmpty() ? e : e.withIntegrityWarning(String.join("；", found)));
    }
    return out;
  }

  /** The entries, with each entry's review id put in {@code reviewIds}. */
  private List<EntryView> rawEntries(Map<Long, Long> reviewIds, String where, Object... params) {
    var q = em.createNativeQuery(ENTRY_SELECT + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, List<Long>> evidence =
        evidenceOf(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
    List<EntryView> out = new ArrayList<>();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      ReviewDecision decision = r[14] == null ? null : ReviewDecision.valueOf(r[14].toString());
      boolean superseded = ((Number) r[21]).longValue() > 0;
      if (r[22] != null) {
        reviewIds.put(id, ((Number) r[22]).longValue());
      }
      out.add(
          new EntryView(
              id,
              r[1].toString(),
              r[2].toString(),
              ((Number) r[3]).longValue(),
              r[4].toString(),
              r[5].toString(),
              ((Number) r[6]).intValue(),
              AssessmentPart.valueOf(r[7].toString()),
              points(r[8]),
              r[9].toString(),
              instant(r[10]),
              r[11].toString(),
              r[12].toString(),
              instant(r[13]),
              EntryStatus.of(decision, superseded),
              r[15] == null ? null : r[15].toString(),
              r[16] == null ? null : r[16].toString(),
              r[17] == null ? null : instant(r[17]),
              r[18] == null ? null : ((Number) r[18]).longValue(),
              r[19] == null ? null : ((Number) r[19]).longValue(),
              r[20] == null ? null : r[20].toString(),
              evidence.getOrDefault(id, List.of()),
              null));
    }
    return out;
  }

  private Map<Long, List<Long>> evidenceOf(List<Long> entryIds) {
    Map<Long, List<Long>> out = new HashMap<>();
    if (entryIds.isEmpty()) {
      return out;
    }
    for (int from = 0; from < entryIds.size(); from += 1000) {
      List<Long> chunk = entryIds.subList(from, Math.min(entryIds.size(), from + 1000));
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT entry_id, evidence_id FROM point_entry_evidence WHERE entry_id IN ("
                      + inList(chunk)
                      + ") ORDER BY evidence_id")
              .getResultList();
      for (Object[] r : rows) {
        out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
            .add(((Number) r[1]).longValue());
      }
    }
    return out;
  }

  private static String inList(Collection<Long> ids) {
    return ids.isEmpty()
        ? "-1"
        : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static Points points(Object o) {
    return new Points(((Number) o).longValue());
  }

  private static Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return Instant.parse(o.toString());
  }
}
