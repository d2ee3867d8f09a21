package cn.xinsheng.cases.domain;

import cn.xinsheng.cases.domain.CaseRuleException.Kind;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reduction or parole case as the rules see it: the fold of its history, and what may happen
 * next. Nothing here changes a case; the application appends the event these checks allow. Every
 * refusal names what was expected, so an officer knows what to do instead.
 */
public final class ReductionCase {

  /** The committee has at least this many members (DOMAIN §3). */
  public static final int MIN_COMMITTEE = 9;

  /** The procuratorate's period, and its one extension, in days (10 + 10). */
  public static final int PROCURATORATE_DAYS = 10;

  /** The court's posting, in days. */
  public static final int COURT_POSTING_DAYS = 5;

  /** Service of the ruling, in days after it. */
  public static final int SERVICE_DAYS = 7;

  /** What a step's check found that the application records with it. */
  public record StepCheck(boolean late, String choice) {}

  /** The committee's count for the current round. */
  public record Tally(int members, int agree, int disagree, int abstain, int quorum) {
    public int present() {
      return agree + disagree + abstain;
    }

    public boolean quorate() {
      return present() >= quorum;
    }

    /** A majority of all members (过半数), not only of those present. */
    public boolean approved() {
      return agree * 2 > members;
    }
  }

  private final CaseKind kind;
  private final Integer maxMonths;
  private final int postingDays;
  private final boolean hearingByFacts;
  private final List<CaseEvent> events;

  private final List<CaseStep> done = new ArrayList<>();
  private final Map<CaseStep, CaseEvent> signed = new EnumMap<>(CaseStep.class);
  private final Map<String, CaseEvent> votes = new LinkedHashMap<>();
  private final Set<String> lawyers = new TreeSet<>();
  private int postingObjections;
  private CaseEvent opinion;
  private boolean extended;

  public ReductionCase(
      CaseKind kind,
      Integer maxMonths,
      int postingDays,
      boolean hearingByFacts,
      List<CaseEvent> history) {
    this.kind = kind;
    this.maxMonths = maxMonths;
    this.postingDays = postingDays;
    this.hearingByFacts = hearingByFacts;
    this.events = List.copyOf(history);
    events.forEach(this::apply);
  }

  private void apply(CaseEvent e) {
    switch (e.type()) {
      case STEP -> {
        done.add(e.step());
        signed.put(e.step(), e);
      }
      case RETURN -> {
        done.removeIf(s -> s.ordinal() >= e.step().ordinal());
        signed.keySet().removeIf(s -> s.ordinal() >= e.step().ordinal());
        if (e.step().ordinal() <= CaseStep.COMMITTEE.ordinal()) {
          // the committee votes again on what comes back to it
          votes.clear();
        }
      }
      case VOTE -> votes.put(e.party(), e);
      case POSTING_OBJECTION -> postingObjections++;
      case PROCURATORATE_OPINION -> opinion = e;
      case PROCURATORATE_EXTENSION -> extended = true;
      case LAWYER_GRANT -> lawyers.add(e.party());
      case LAWYER_OPINION -> {
        // recorded in the file; no effect on the steps
      }
      default -> throw new IllegalStateException("unknown event " + e.type());
    }
  }

  public CaseKind kind() {
    return kind;
  }

  public List<CaseEvent> events() {
    return events;
  }

  public List<CaseStep> done() {
    return List.copyOf(done);
  }

  public Optional<CaseEvent> signed(CaseStep step) {
    return Optional.ofNullable(signed.get(step));
  }

  public boolean isRejectedByCommittee() {
    return signed(CaseStep.COMMITTEE).map(e -> "REJECTED".equals(e.choice())).orElse(false);
  }

  public boolean isClosed() {
    return isRejectedByCommittee() || done.contains(CaseStep.SERVICE);
  }

  /** OPEN, REJECTED (by the committee), GRANTED or REFUSED (by the court). */
  public String status() {
    if (isRejectedByCommittee()) {
      return "REJECTED";
    }
    return signed(CaseStep.RULING).map(CaseEvent::choice).orElse("OPEN");
  }

  /** The step that comes next, or empty once the case is closed. */
  public Optional<CaseStep> nextStep() {
    if (isClosed()) {
      return Optional.empty();
    }
    if (done.isEmpty()) {
      return Optional.of(CaseStep.PROPOSAL);
    }
    CaseStep last = done.get(done.size() - 1);
    if (last == CaseStep.COURT_POSTING) {
      return Optional.of(hearingRequired() ? CaseStep.HEARING : CaseStep.RULING);
    }
    return Optional.of(CaseStep.values()[last.ordinal() + 1]);
  }

  /**
   * A hearing is mandatory for major merit or a strict case, an objection during posting, or the
   * procuratorate objecting.
   */
  public boolean hearingRequired() {
    return hearingByFacts
        || postingObjections > 0
        || (opinion != null && "OBJECT".equals(opinion.choice()));
  }

  public int postingObjections() {
    return postingObjections;
  }

  public Optional<CaseEvent> procuratorateOpinion() {
    return Optional.ofNullable(opinion);
  }

  public Set<String> lawyers() {
    return Set.copyOf(lawyers);
  }

  public boolean isSubmitted() {
    return done.contains(CaseStep.SUBMISSION);
  }

  // --- deadlines -------------------------------------------------------------------------------

  /** The last day of the posting inside the prison, once it began. */
  public Optional<LocalDate> postingEnds(WorkingCalendar calendar) {
    return signed(CaseStep.POSTING).map(e -> calendar.addWorkingDays(e.onDate(), postingDays));
  }

  /** The procuratorate's deadline: 10 days after submission, 20 when extended. */
  public Optional<LocalDate> procuratorateDue() {
    return signed(CaseStep.SUBMISSION)
        .map(e -> e.onDate().plusDays(PROCURATORATE_DAYS * (extended ? 2L : 1L)));
  }

  public Optional<LocalDate> courtPostingEnds() {
    return signed(CaseStep.COURT_POSTING).map(e -> e.onDate().plusDays(COURT_POSTING_DAYS));
  }

  /** The court rules within one month of receiving the case. */
  public Optional<LocalDate> rulingDue() {
    return signed(CaseStep.COURT_RECEIPT).map(e -> e.onDate().plusMonths(1));
  }

  public Optional<LocalDate> serviceDue() {
    return signed(CaseStep.RULING).map(e -> e.onDate().plusDays(SERVICE_DAYS));
  }

  /** The date the next step is bound to: when it may start, or by when it must be done. */
  public Optional<LocalDate> nextDeadline(WorkingCalendar calendar) {
    Optional<CaseStep> next = nextStep();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    return switch (next.get()) {
      case DIRECTOR_MEETING -> postingEnds(calendar);
      case COURT_POSTING, HEARING -> rulingDue();
      case RULING -> courtPostingEnds().flatMap(p -> rulingDue());
      case SERVICE -> serviceDue();
      default -> Optional.empty();
    };
  }

  // --- checks ----------------------------------------------------------------------------------

  /**
   * Whether {@code step} may be signed now by a caller with these roles. For the committee, give
   * the meeting's members; for the ruling, its choice and months.
   */
  public StepCheck checkStep(
      CaseStep step,
      Set<Role> roles,
      LocalDate today,
      WorkingCalendar calendar,
      Set<String> committeeMembers,
      String choice,
      Integer months,
      String note,
      LocalDate onDate) {
    if (isClosed()) {
      throw new CaseRuleException(Kind.STATE, "case.error.closed");
    }
    CaseStep next = nextStep().orElseThrow();
    boolean optionalHearing = step == CaseStep.HEARING && next == CaseStep.RULING;
    if (step != next && !optionalHearing) {
      throw new CaseRuleException(
          Kind.STATE, "case.error.order", "case.step." + next, "case.step." + step);
    }
    if (!roles.contains(step.owner())) {
      throw new CaseRuleException(
          Kind.ROLE, "case.error.stepRole", "case.step." + step, "role." + step.owner());
    }
    switch (step) {
      case COMMITTEE -> {
        Tally t = tally(committeeMembers);
        if (!t.quorate()) {
          throw new CaseRuleException(Kind.STATE, "case.error.quorum", t.present(), t.quorum());
        }
        return new StepCheck(false, t.approved() ? "APPROVED" : "REJECTED");
      }
      case DIRECTOR_MEETING, SUBMISSION -> {
        LocalDate ends = postingEnds(calendar).orElseThrow();
        if (!today.isAfter(ends)) {
          throw new CaseRuleException(Kind.STATE, "case.error.postingOpen", ends.toString());
        }
        return new StepCheck(false, null);
      }
      case HEARING -> {
        if (onDate == null || onDate.isAfter(today)) {
          throw new CaseRuleException(Kind.INPUT, "case.error.hearingDate");
        }
        return new StepCheck(false, null);
      }
      case RULING -> {
        LocalDate posted = courtPostingEnds().orElseThrow();
        if (today.isBefore(posted)) {
          throw new CaseRuleException(Kind.STATE, "case.error.courtPosting", posted.toString());
        }
        if (hearingRequired() && !done.contains(CaseStep.HEARING)) {
          throw new CaseRuleException(Kind.STATE, "case.error.hearingRequired");
        }
        LocalDate due = procuratorateDue().orElseThrow();
        if (opinion == null && !today.isAfter(due)) {
          throw new CaseRuleException(
              Kind.STATE, "case.error.awaitingProcuratorate", due.toString());
        }
        if ("GRANTED".equals(choice)) {
          if (kind == CaseKind.REDUCTION) {
            int max = maxMonths == null ? 300 : maxMonths;
            if (months == null || months < 1 || months > max) {
              throw new CaseRuleException(Kind.INPUT, "case.error.rulingMonths", max);
            }
          }
        } else if ("REFUSED".equals(choice)) {
          if (note == null || note.isBlank()) {
            throw new CaseRuleException(Kind.INPUT, "case.error.reason");
          }
        } else {
          throw new CaseRuleException(Kind.INPUT, "case.error.ruling");
        }
        return new StepCheck(false, choice);
      }
      case SERVICE -> {
        LocalDate due = serviceDue().orElseThrow();
        return new StepCheck(today.isAfter(due), null);
      }
      default -> {
        return new StepCheck(false, null);
      }
    }
  }

  /** Sending the case back to an earlier step of the prison's part, with a reason. */
  public void checkReturn(CaseStep to, Set<Role> roles, String reason) {
    if (isClosed()) {
      throw new CaseRuleException(Kind.STATE, "case.error.closed");
    }
    if (isSubmitted()) {
      throw new CaseRuleException(Kind.STATE, "case.error.submitted");
    }
    CaseStep next = nextStep().orElseThrow();
    if (to == null || !to.isInsidePrison() || to.ordinal() >= next.ordinal()) {
      throw new CaseRuleException(Kind.INPUT, "case.error.returnTarget", "case.step." + next);
    }
    if (!roles.contains(next.owner()) && !roles.contains(Role.EXECUTION)) {
      throw new CaseRuleException(
          Kind.ROLE, "case.error.stepRole", "case.step." + next, "role." + next.owner());
    }
    if (reason == null || reason.isBlank()) {
      throw new CaseRuleException(Kind.INPUT, "case.error.reason");
    }
  }

  /** A member's vote: only at the committee step, only by a member, once per round. */
  public void checkVote(String member, Set<String> members, VoteChoice choice) {
    if (nextStep().orElse(null) != CaseStep.COMMITTEE) {
      throw new CaseRuleException(Kind.STATE, "case.error.notAtCommittee");
    }
    if (!members.contains(member)) {
      throw new CaseRuleException(Kind.ROLE, "case.error.notOnCommittee");
    }
    if (choice == null) {
      throw new CaseRuleException(Kind.INPUT, "case.error.voteChoice");
    }
    if (votes.containsKey(member)) {
      throw new CaseRuleException(Kind.STATE, "case.error.alreadyVoted");
    }
  }

  /** The count of this round: quorum is two thirds of the members, rounded up. */
  public Tally tally(Set<String> members) {
    if (members == null || members.size() < MIN_COMMITTEE) {
      throw new CaseRuleException(
          Kind.STATE,
          "case.error.committeeSize",
          MIN_COMMITTEE,
          members == null ? 0 : members.size());
    }
    int agree = 0;
    int disagree = 0;
    int abstain = 0;
    for (CaseEvent v : votes.values()) {
      if (!members.contains(v.party())) {
        continue;
      }
      switch (VoteChoice.valueOf(v.choice())) {
        case AGREE -> agree++;
        case DISAGREE -> disagree++;
        case ABSTAIN -> abstain++;
        default -> throw new IllegalStateException();
      }
    }
    int n = members.size();
    return new Tally(n, agree, disagree, abstain, (2 * n + 2) / 3);
  }

  public List<CaseEvent> votes() {
    return List.copyOf(votes.values());
  }

  /** An objection during the posting inside the prison, while it runs. */
  public void checkPostingObjection(LocalDate today, WorkingCalendar calendar, String text) {
    Optional<LocalDate> ends = postingEnds(calendar);
    if (ends.isEmpty()
        || nextStep().orElse(null) != CaseStep.DIRECTOR_MEETING
        || today.isAfter(ends.get())) {
      throw new CaseRuleException(Kind.STATE, "case.error.postingClosed");
    }
    if (text == null || text.isBlank()) {
      throw new CaseRuleException(Kind.INPUT, "case.error.text");
    }
  }

  /**
   * The procuratorate's opinion: at any step (synchronous supervision), formally due after the
   * submission; one given after the deadline is accepted and flagged late.
   */
  public boolean checkOpinion(LocalDate today, String choice, String reasons) {
    if (isClosed()) {
      throw new CaseRuleException(Kind.STATE, "case.error.closed");
    }
    if (!"AGREE".equals(choice) && !"OBJECT".equals(choice)) {
      throw new CaseRuleException(Kind.INPUT, "case.error.opinionChoice");
    }
    if ("OBJECT".equals(choice) && (reasons == null || reasons.isBlank())) {
      throw new CaseRuleException(Kind.INPUT, "case.error.reason");
    }
    return procuratorateDue().map(today::isAfter).orElse(false);
  }

  public void checkExtension() {
    if (!isSubmitted() || done.contains(CaseStep.RULING)) {
      throw new CaseRuleException(Kind.STATE, "case.error.extension");
    }
    if (extended) {
      throw new CaseRuleException(Kind.STATE, "case.error.extendedAlready");
    }
  }
}
