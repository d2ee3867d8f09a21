package cn.xinsheng.ledger.application;

import cn.xinsheng.auditlog.application.BoundRecords;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.LedgerCalendar;
import cn.xinsheng.ledger.domain.ObjectionStep;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Objections and findings with where their loop stands (who has it, the next step and its due day
 * in working days), for the officers of the sections, the inmate who raised one and the external
 * reader who found one; each checked against the audit log (issue 15).
 */
@Stateless
// as LedgerQueries had it: every read names its own roles, the default is the ledger's readers
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
public class ObjectionQueries {

  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject LedgerRecords records;
  @Inject CaseReferences cases;
  @Inject BoundRecords bound;
  @Inject LedgerReads reads;

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

    /** The last step taken, by name. */
    public String lastStepName() {
      return lastStep.name();
    }

    /** The next step by name, or null when the objection is closed. */
    public String nextStepName() {
      return nextStep == null ? null : nextStep.name();
    }

    /**
     * Whether a reviewer takes the next step (dispatching, closing); the officer it was dispatched
     * to takes the others. False when there is none.
     */
    public boolean reviewerTakesNextStep() {
      return nextStep == ObjectionStep.DISPATCH || nextStep == ObjectionStep.CLOSE;
    }

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
    return objections(reads.objectionsOfSections(scope.sections()));
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<ObjectionView> myObjections() {
    return objections(reads.objectionsOfInmate(scope.ownInmate().getId()));
  }

  @RolesAllowed({Role.PROSECUTOR_NAME, Role.SUPERVISOR_NAME})
  public List<ObjectionView> myFindings() {
    return objections(reads.objectionsRaisedBy(caller.name()));
  }

  /** The objections with their steps, next step and due day, checked against the audit log. */
  private List<ObjectionView> objections(List<LedgerReads.ObjectionRow> rows) {
    List<ObjectionView> out = new ArrayList<>();
    // one read of the calendar for the whole list, not one per objection
    LedgerCalendar calendar = records.ledgerCalendar();
    // a finding on a case shows the case's number where a month objection shows its month; the
    // number comes from the cases context through the port the ledger owns
    Set<Long> onCases =
        rows.stream()
            .filter(r -> r.month() == null && r.caseId() != null)
            .map(LedgerReads.ObjectionRow::caseId)
            .collect(Collectors.toSet());
    Map<Long, String> caseNumbers = onCases.isEmpty() ? Map.of() : cases.numbers(onCases);
    Map<Long, List<Long>> stepIds = new HashMap<>();
    for (LedgerReads.ObjectionRow r : rows) {
      String month =
          r.month() == null && r.caseId() != null ? caseNumbers.get(r.caseId()) : r.month();
      long id = r.id();
      ObjectionStep last = ObjectionStep.FIND;
      String assignee = "";
      String outcome = null;
      Instant lastAt = r.raisedAt();
      List<String> history = new ArrayList<>();
      List<StepLine> lines = new ArrayList<>();
      for (LedgerReads.ObjectionStepRow s : reads.objectionSteps(id)) {
        last = ObjectionStep.valueOf(s.step());
        lastAt = s.doneAt();
        if (last == ObjectionStep.DISPATCH) {
          assignee = s.owner();
        }
        if (s.outcome() != null) {
          outcome = s.outcome();
        }
        history.add(last + " " + s.doneBy() + " " + lastAt + ": " + s.note());
        stepIds.computeIfAbsent(id, k -> new ArrayList<>()).add(s.id());
        String role =
            last == ObjectionStep.FIND
                ? r.raisedRole()
                : last == ObjectionStep.DISPATCH || last == ObjectionStep.CLOSE
                    ? Role.REVIEWER.name()
                    : Role.OFFICER.name();
        lines.add(
            new StepLine(last.name(), role, s.doneBy(), lastAt, s.note() == null ? "" : s.note()));
      }
      ObjectionStep next = last.next();
      LocalDate due = next == null ? null : calendar.due(lastAt, next.workingDays());
      out.add(
          new ObjectionView(
              id,
              r.prisonerNumber(),
              r.inmateName(),
              r.target(),
              r.entryId(),
              month,
              r.text(),
              r.raisedBy(),
              r.raisedRole(),
              r.raisedAt(),
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
}
