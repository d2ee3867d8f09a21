package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerRecords;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The noticeboard: the cases being posted inside the prison (with the posting's end) and the
 * rulings served, on the screen and as PDF. An inmate sees his own section's posting.
 */
@Stateless
public class Noticeboard {

  @Inject CaseRepository store;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject LedgerRecords ledger;

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
      ReductionCase k = CaseReadModel.kase(r, events.getOrDefault(r.id(), List.of()));
      boolean posted = k.signed(CaseStep.POSTING).isPresent() && !k.isRejectedByCommittee();
      boolean served = k.done().contains(CaseStep.SERVICE);
      if (rulings ? served : posted && !k.isSubmitted()) {
        out.add(CaseReadModel.summary(r, k, cal, today));
      }
    }
    return out;
  }

  /**
   * Who may read the noticeboard ({@link #publicList}, {@link #noticeboardPdf}): the same roles as
   * their {@code @RolesAllowed}, for screens that offer the links only to them (a test holds the
   * two equal).
   */
  public static final Set<Role> READERS =
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
}
