package cn.xinsheng.cases.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a case list: who and what, where the case stands, whose step is next and by when, the
 * procuratorate's and the court's deadlines. Made by {@link CaseReadModel#summary} from the case's
 * history; the staff's lists, the noticeboard and every case file show it. {@code proposedMonths}
 * is the amount as the case stands: when the committee's 复核 changed it (司法部令第130号第十一条, {@code
 * changedOnRecheck}), the changed amount, with the section's own kept in {@code originalMonths}.
 * {@code postingEnds} is the prison's posting, {@code courtPostingEnds} the court's (法院公示), once
 * the court began it: the ruling waits for the court's, so a file shows both, each by its name.
 */
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
    boolean courtMayExtend,
    boolean changedOnRecheck,
    Integer originalMonths,
    LocalDate courtPostingEnds) {}
