package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerRecords;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.platform.PrisonTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lists of cases people work from: the staff's list by step and deadline, the cases waiting for
 * the committee, an external reader's files changed since his last visit. Each list holds only the
 * cases the caller may read; a list reads no file, so it logs nothing (opening one does).
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
public class CaseLists {

  @Inject CaseRepository store;
  @Inject CaseReadModel model;
  @Inject PrisonTime time;
  @Inject LedgerRecords ledger;

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
      ReductionCase k = CaseReadModel.kase(r, history);
      if (!model.mayRead(r, k)) {
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
              CaseReadModel.summary(r, k, cal, today),
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
      ReductionCase k = CaseReadModel.kase(r, events.getOrDefault(r.id(), List.of()));
      if (model.mayRead(r, k)) {
        out.add(CaseReadModel.summary(r, k, cal, today));
      }
    }
    out.sort(
        Comparator.comparing((CaseSummary s) -> s.nextStep() == null)
            .thenComparing(s -> s.deadline() == null ? LocalDate.MAX : s.deadline())
            .thenComparing(CaseSummary::id));
    return out;
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
}
