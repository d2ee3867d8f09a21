package cn.xinsheng.ledger.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.LedgerCalendar;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.ledger.domain.Objection;
import cn.xinsheng.ledger.domain.ObjectionOutcome;
import cn.xinsheng.ledger.domain.ObjectionStep;
import cn.xinsheng.ledger.domain.ObjectionStepRecord;
import cn.xinsheng.ledger.domain.Objections;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.infrastructure.ObjectionBinding;
import cn.xinsheng.ledger.infrastructure.ObjectionStepBinding;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objections and findings as a closed loop (发现 → 派单 → 核查 → 处置 → 结案 → 反馈), each step with an owner
 * and a deadline in working days. An inmate objects to an entry or a month of his while the month
 * is published and its window open; a prosecutor or supervisor raises a finding on any entry at any
 * time. A reviewer dispatches it to an officer, who verifies and handles it (an upheld objection
 * leads to a correction, linked here); another reviewer closes it; the officer reports back.
 */
@Stateless
public class ObjectionService {

  @Inject LedgerRecords records;
  @Inject cn.xinsheng.identity.application.AccountDirectory accounts;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;

  @Inject Objections objections;

  // the inmate an objection is about, by id, as the ledger's other services read him
  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** The inmate's objection to one of his entries. */
  @RolesAllowed(Role.INMATE_NAME)
  public long objectToEntry(long entryId, String text) {
    Inmate me = scope.ownInmate();
    PointEntry entry = records.entry(entryId);
    if (entry.getInmateId() != me.getId()) {
      throw Refusal.notFound("ledger.error.unknownEntry");
    }
    requireWindowOpen(entry.getSectionId(), entry.getMonth());
    return raise(me, entry.getSectionId(), "ENTRY", entryId, null, text, Role.INMATE).getId();
  }

  /** The inmate's objection to his month as published. */
  @RolesAllowed(Role.INMATE_NAME)
  public long objectToMonth(YearMonth month, String text) {
    Inmate me = scope.ownInmate();
    long section = me.getSection().getId();
    requireWindowOpen(section, month);
    return raise(me, section, "MONTH", null, month.toString(), text, Role.INMATE).getId();
  }

  /** A prosecutor's or supervisor's finding on an entry: runs the same loop inside the prison. */
  @RolesAllowed({Role.PROSECUTOR_NAME, Role.SUPERVISOR_NAME})
  public long raiseFinding(long entryId, String text) {
    PointEntry entry = records.entry(entryId);
    Inmate inmate = em.find(Inmate.class, entry.getInmateId());
    Role role = caller.has(Role.PROSECUTOR) ? Role.PROSECUTOR : Role.SUPERVISOR;
    return raise(inmate, entry.getSectionId(), "ENTRY", entryId, null, text, role).getId();
  }

  /**
   * An external reader's finding on an item of a reduction or parole case (the case, a step, a
   * vote, an entry it cites): the cases context has checked the case is within his remit. It runs
   * the same loop inside the prison, in the inmate's section.
   */
  @RolesAllowed({Role.PROSECUTOR_NAME, Role.SUPERVISOR_NAME, Role.JUDGE_NAME, Role.LAWYER_NAME})
  public long raiseCaseFinding(long caseId, long inmateId, String item, String text) {
    Inmate inmate = em.find(Inmate.class, inmateId);
    Role role =
        java.util.stream.Stream.of(Role.PROSECUTOR, Role.JUDGE, Role.SUPERVISOR, Role.LAWYER)
            .filter(caller::has)
            .findFirst()
            .orElseThrow(() -> Refusal.forbidden("error.forbidden"));
    String body =
        text == null
            ? null
            : (item == null || item.isBlank() ? "" : "[" + item.strip() + "] ") + text.strip();
    return raise(inmate, inmate.getSection().getId(), "CASE", null, null, body, role, caseId)
        .getId();
  }

  /** The outcomes an officer reports when he handles an objection, by name. */
  public static List<String> outcomes() {
    return java.util.Arrays.stream(ObjectionOutcome.values()).map(Enum::name).toList();
  }

  /**
   * The same step named as the screen and the API name it ({@code DISPATCH}, {@code HANDLE}, …),
   * with the outcome by name or null; a name that is no step or outcome is refused before the
   * objection is looked up.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public void advance(
      long objectionId,
      String step,
      String note,
      String officer,
      String outcome,
      Long correctionId) {
    ObjectionStep s = named(ObjectionStep.class, step);
    ObjectionOutcome o = outcome == null ? null : named(ObjectionOutcome.class, outcome);
    advance(objectionId, s, note, officer, o, correctionId);
  }

  private static <E extends Enum<E>> E named(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name == null ? "" : name);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("objection.error.step");
    }
  }

  /**
   * The next step of an objection, by the role that takes it: a reviewer dispatches and closes, the
   * officer it was dispatched to verifies, handles and reports back. The objection is looked up
   * first, so one outside the caller's sections is as if it did not exist.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public void advance(
      long objectionId,
      ObjectionStep step,
      String note,
      String officer,
      ObjectionOutcome outcome,
      Long correctionId) {
    Objection o = load(objectionId);
    scope.requireSection(o.getSectionId());
    if (step == null) {
      throw Refusal.invalid("objection.error.step");
    }
    Role needed =
        step == ObjectionStep.DISPATCH || step == ObjectionStep.CLOSE
            ? Role.REVIEWER
            : Role.OFFICER;
    if (!caller.has(needed)) {
      throw Refusal.forbidden("objection.error.stepRole", step.name());
    }
    switch (step) {
      case DISPATCH -> dispatch(objectionId, officer, note);
      case VERIFY -> verify(objectionId, note);
      case HANDLE -> handle(objectionId, outcome, note, correctionId);
      case CLOSE -> close(objectionId, note);
      case FEEDBACK -> feedback(objectionId, note);
      default -> throw Refusal.invalid("objection.error.step");
    }
  }

  /**
   * The officers an objection may be dispatched to: those serving in its section (issue 18, item 4:
   * the reviewer picks a person by name instead of typing a login; {@link #dispatch} still checks).
   */
  @RolesAllowed(Role.REVIEWER_NAME)
  public java.util.List<cn.xinsheng.identity.application.AccountDirectory.Person> assignees(
      long objectionId) {
    Objection o = load(objectionId);
    scope.requireSection(o.getSectionId());
    return accounts.holders(Role.OFFICER).stream()
        .filter(p -> accounts.isOfficerOf(p.login(), o.getSectionId()))
        .toList();
  }

  /** 派单: a reviewer of the section assigns an officer of the section. */
  @RolesAllowed(Role.REVIEWER_NAME)
  public void dispatch(long objectionId, String officer, String note) {
    Objection o = load(objectionId);
    scope.requireSection(o.getSectionId());
    boolean officerOfSection = accounts.isOfficerOf(officer, o.getSectionId());
    if (!officerOfSection) {
      throw Refusal.invalid("objection.error.officer");
    }
    done(o, ObjectionStep.DISPATCH, officer, note, null, null);
  }

  @RolesAllowed(Role.OFFICER_NAME)
  public void verify(long objectionId, String note) {
    Objection o = load(objectionId);
    requireAssigned(o);
    done(o, ObjectionStep.VERIFY, assignee(o), note, null, null);
  }

  /** 处置: the outcome; an upheld objection names the correction entry that carries it out. */
  @RolesAllowed(Role.OFFICER_NAME)
  public void handle(long objectionId, ObjectionOutcome outcome, String note, Long correctionId) {
    Objection o = load(objectionId);
    requireAssigned(o);
    if (outcome == null) {
      throw Refusal.invalid("objection.error.outcome");
    }
    if (correctionId != null) {
      PointEntry c = records.entry(correctionId);
      if (c.getInmateId() != o.getInmateId()) {
        throw Refusal.invalid("objection.error.correction");
      }
    }
    done(o, ObjectionStep.HANDLE, assignee(o), note, outcome, correctionId);
  }

  /** 结案: a reviewer other than the officer who handled it. */
  @RolesAllowed(Role.REVIEWER_NAME)
  public void close(long objectionId, String note) {
    Objection o = load(objectionId);
    scope.requireSection(o.getSectionId());
    if (assignee(o).equals(caller.name())) {
      throw Refusal.forbidden("objection.error.ownCase");
    }
    done(o, ObjectionStep.CLOSE, caller.name(), note, null, null);
  }

  /** 反馈: the officer tells whoever raised it the outcome; the loop is complete. */
  @RolesAllowed(Role.OFFICER_NAME)
  public void feedback(long objectionId, String note) {
    Objection o = load(objectionId);
    requireAssigned(o);
    done(o, ObjectionStep.FEEDBACK, assignee(o), note, null, null);
  }

  private List<ObjectionStepRecord> steps(long objectionId) {
    return objections.steps(objectionId);
  }

  private Objection raise(
      Inmate inmate,
      long sectionId,
      String target,
      Long entryId,
      String month,
      String text,
      Role role) {
    return raise(inmate, sectionId, target, entryId, month, text, role, null);
  }

  private Objection raise(
      Inmate inmate,
      long sectionId,
      String target,
      Long entryId,
      String month,
      String text,
      Role role,
      Long caseId) {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw Refusal.invalid("objection.error.text");
    }
    Instant now = time.now();
    Objection o =
        new Objection(
            inmate.getId(),
            sectionId,
            target,
            entryId,
            month,
            text.strip(),
            caller.name(),
            role.name(),
            now);
    if (caseId != null) {
      o.aboutCase(caseId);
    }
    objections.store(o);
    // 发现 is the raising itself; its deadline is today
    ObjectionStepRecord find =
        new ObjectionStepRecord(
            o.getId(),
            ObjectionStep.FIND.name(),
            caller.name(),
            today(),
            caller.name(),
            now,
            text.strip(),
            null,
            null);
    objections.store(find);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", inmate.getPrisonerNumber().value());
    p.put("objection", o.getId());
    p.put("target", target);
    if (entryId != null) {
      p.put("entry", entryId);
    }
    if (month != null) {
      p.put("month", month);
    }
    if (caseId != null) {
      p.put("case", caseId);
    }
    p.put("text", text.strip());
    p.put("raisedRole", role.name());
    p.put(
        "dispatchDue",
        records.ledgerCalendar().dueFromToday(ObjectionStep.DISPATCH.workingDays()).toString());
    // the objection and its first step are bound to the entry (issue 15): an edit is caught
    audit.append(
        "ledger.objection.raised",
        "objection/" + o.getId(),
        p,
        List.of(),
        now,
        List.of(
            AuditLog.Bind.of(ObjectionBinding.TABLE, o.getId()),
            AuditLog.Bind.of(ObjectionStepBinding.TABLE, find.getId())));
    return o;
  }

  private void done(
      Objection o,
      ObjectionStep step,
      String owner,
      String note,
      ObjectionOutcome outcome,
      Long linkedEntry) {
    List<ObjectionStepRecord> steps = steps(o.getId());
    ObjectionStep last = ObjectionStep.valueOf(steps.get(steps.size() - 1).getStep());
    if (last.next() != step) {
      throw Refusal.conflict("objection.error.order", step.name(), last.name());
    }
    if (note == null || note.isBlank() || note.length() > 2000) {
      throw Refusal.invalid("objection.error.note");
    }
    LedgerCalendar dates = records.ledgerCalendar();
    LocalDate due = dates.due(steps.get(steps.size() - 1).getDoneAt(), step.workingDays());
    Instant now = time.now();
    ObjectionStepRecord done =
        new ObjectionStepRecord(
            o.getId(),
            step.name(),
            owner,
            due,
            caller.name(),
            now,
            note.strip(),
            outcome == null ? null : outcome.name(),
            linkedEntry);
    objections.store(done);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", em.find(Inmate.class, o.getInmateId()).getPrisonerNumber().value());
    p.put("objection", o.getId());
    p.put("step", step.name());
    p.put("owner", owner);
    p.put("due", due.toString());
    p.put("late", dates.isLate(due));
    p.put("note", note.strip());
    if (outcome != null) {
      p.put("outcome", outcome.name());
    }
    if (linkedEntry != null) {
      p.put("correction", linkedEntry);
    }
    audit.append(
        "ledger.objection." + step.name().toLowerCase(java.util.Locale.ROOT),
        "objection/" + o.getId(),
        p,
        List.of(),
        now,
        List.of(AuditLog.Bind.of(ObjectionStepBinding.TABLE, done.getId())));
  }

  private void requireWindowOpen(long sectionId, YearMonth month) {
    Optional<MonthClose> close = records.currentClose(sectionId, month);
    MonthCloseStep published =
        close.map(c -> records.steps(c.getId()).get("PUBLISHED")).orElse(null);
    boolean locked = close.map(c -> records.steps(c.getId()).containsKey("LOCKED")).orElse(false);
    if (published == null
        || locked
        || !records.ledgerCalendar().isWindowOpen(published.getWindowEnds())) {
      throw Refusal.conflict("objection.error.window", month.toString());
    }
  }

  private void requireAssigned(Objection o) {
    if (!assignee(o).equals(caller.name())) {
      throw Refusal.forbidden("objection.error.notAssigned");
    }
  }

  /** The officer the objection was dispatched to ("" before dispatch). */
  private String assignee(Objection o) {
    return steps(o.getId()).stream()
        .filter(s -> s.getStep().equals(ObjectionStep.DISPATCH.name()))
        .map(ObjectionStepRecord::getOwner)
        .findFirst()
        .orElse("");
  }

  private Objection load(long id) {
    return objections.find(id).orElseThrow(() -> Refusal.notFound("objection.error.unknown"));
  }

  private LocalDate today() {
    return time.today();
  }
}
