package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.CloseState;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.InmateRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A section's ledger as its officers and reviewers see it: the month's entries, the month close
 * with every inmate's result, and the dashboard that counts them. Only for the caller's own
 * sections.
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
public class SectionLedgerQueries {

  @Inject CallerScope scope;
  @Inject LedgerRecords records;
  @Inject LedgerReads reads;
  @Inject LedgerReadModel model;
  @Inject InmateRepository inmates;

  /** One section's entries of a month, newest first. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<EntryView> sectionMonth(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    return model.checked(reads.sectionMonth(sectionId, month));
  }

  /** One section's month close: its state and every inmate's result. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public Optional<List<MonthView>> sectionResults(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    Optional<MonthClose> close = records.currentClose(sectionId, month);
    return close.map(c -> model.withStates(reads.monthsOfClose(c.getId())));
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
        reads.sectionMonth(sectionId, month).stream().map(LedgerReads.EntryRow::view).toList();
    long pending = all.stream().filter(e -> e.status() == EntryStatus.PENDING).count();
    long returned = all.stream().filter(e -> e.status() == EntryStatus.RETURNED).count();
    long approved = all.stream().filter(e -> e.status() == EntryStatus.APPROVED).count();
    long objections = reads.objectionsWithoutFeedback(sectionId);
    long people = inmates.countBySection().getOrDefault(sectionId, 0L);
    Optional<MonthClose> close = records.currentClose(sectionId, month);
    String state = close.map(c -> model.closeState(c.getId())).orElse(CloseState.OPEN);
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
        people);
  }
}
