package cn.xinsheng.cases.application;

import cn.xinsheng.cases.application.CaseFile.Attachment;
import cn.xinsheng.cases.application.CaseFile.CycleLine;
import cn.xinsheng.cases.application.CaseFile.TimelineItem;
import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CommendationQueries;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cases' read models share: who may read which case (the staff in their sections, the
 * department prison-wide, each court the cases before it, the bureau what was submitted to it, the
 * supervisor what was posted, a lawyer what he was granted), and the mapping of a case's rows and
 * history into lines of a list or a file. Runs in the calling service's transaction; that service
 * is the security boundary. Dependent (no proxy), so {@link #mayRead} stays package-private.
 */
@Dependent
public class CaseReadModel {

  @Inject Caller caller;
  @Inject CallerScope scope;

  boolean mayRead(CaseRow r, ReductionCase k) {
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
    if (roles.contains(Role.SUPERVISOR) && (k.wasPosted() || k.isSubmitted())) {
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
        k.recheckChange().map(CaseEvent::months).orElse(r.proposedMonths()),
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
        k.track().courtMayExtend(),
        k.recheckChange().isPresent(),
        k.recheckChange().isPresent() ? r.proposedMonths() : null,
        k.courtPostingEnds().orElse(null));
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
