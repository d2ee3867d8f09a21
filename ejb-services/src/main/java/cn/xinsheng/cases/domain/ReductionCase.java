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

  /**
   * The bureau's time for its review and decision, in working days from the submission: a
   * provincial setting (no statute fixes it), this is its default.
   */
  public static final int BUREAU_WORKING_DAYS = 20;

  /**
   * The article of the committee's 复核 of posting objections: 司法部令第130号第十一条 (公示期内，如有监狱人民警察或者罪犯对
   * 公示内容提出异议，监狱减刑假释评审委员会应当进行复核，并告知复核结果).
   */
  public static final String RECHECK_ARTICLE = "司法部令第130号第十一条";

  /** The 复核 finds no objection founded: the proposal stands. */
  public static final String UPHELD = "UPHELD";

  /**
   * The 复核 finds an objection founded and changes the proposal's amount. The article says the
   * committee re-examines and tells the result; it does not say whether a changed proposal is
   * posted again. We take the reading that gives the inmate and the public the most notice: what is
   * posted is what goes to the director's meeting, so a changed proposal is posted again (its own
   * five or seven working days, objections open again) before the meeting.
   */
  public static final String CHANGED = "CHANGED";

  /**
   * The article of the maximum a granted ruling is checked against, for a case that did not keep
   * the article of its own limit ({@link #withLimitArticle}): the general rule, 法释〔2016〕23号第六条第二款
   * for a fixed term, 第八条 for life. A case proposed since issue 16 keeps the article of the rule
   * that computed its limit (第七条 for the strict categories, 第九条 …), and the refusal names that.
   */
  public static final String RULING_LIMIT_ARTICLE = "法释〔2016〕23号第六条第二款";

  public static final String RULING_LIFE_LIMIT_ARTICLE = "法释〔2016〕23号第八条";

  /** The article that makes a hearing mandatory (法释〔2014〕5号第六条). */
  public static final String HEARING_ARTICLE = "法释〔2014〕5号第六条";

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
  private final CaseTrack track;
  private final int bureauDays;
  private final Integer maxMonths;
  private final int postingDays;
  private final boolean hearingByFacts;
  private final List<CaseEvent> events;
  private final String limitArticle;

  private final List<CaseStep> done = new ArrayList<>();
  private final Map<CaseStep, CaseEvent> signed = new EnumMap<>(CaseStep.class);
  private final Map<String, CaseEvent> votes = new LinkedHashMap<>();
  private final Set<String> lawyers = new TreeSet<>();
  private int postingObjections;
  private int roundObjections;
  private int courtPostingObjections;
  private CaseEvent opinion;
  private boolean extended;
  private CaseEvent courtExtension;
  private Integer proposedMonths;
  private CaseEvent change;
  private boolean everPosted;

  public ReductionCase(
      CaseKind kind,
      Integer maxMonths,
      int postingDays,
      boolean hearingByFacts,
      List<CaseEvent> history) {
    this(
        kind,
        CaseTrack.FIXED_TERM,
        BUREAU_WORKING_DAYS,
        maxMonths,
        postingDays,
        hearingByFacts,
        history);
  }

  /**
   * A case on its track (issue 16): life and 死缓 go through the bureau to the high court; {@code
   * bureauDays} is the province's setting for the bureau's time.
   */
  public ReductionCase(
      CaseKind kind,
      CaseTrack track,
      int bureauDays,
      Integer maxMonths,
      int postingDays,
      boolean hearingByFacts,
      List<CaseEvent> history) {
    this(kind, track, bureauDays, maxMonths, null, postingDays, hearingByFacts, history);
  }

  /**
   * A case with the article its limit rests on: the rule that computed {@code maxMonths} at the
   * proposal (法释〔2016〕23号第六条第二款, 第七条第一款 or 第二款, 第八条, 第九条, 第十一条 …). A ruling above the limit is
   * refused naming it; null falls back to the general rule of the case's track.
   */
  public ReductionCase(
      CaseKind kind,
      CaseTrack track,
      int bureauDays,
      Integer maxMonths,
      String limitArticle,
      int postingDays,
      boolean hearingByFacts,
      List<CaseEvent> history) {
    this.kind = kind;
    this.track = track == null ? CaseTrack.FIXED_TERM : track;
    this.bureauDays = bureauDays;
    this.maxMonths = maxMonths;
    this.limitArticle = limitArticle == null || limitArticle.isBlank() ? null : limitArticle;
    this.postingDays = postingDays;
    this.hearingByFacts = hearingByFacts;
    this.events = List.copyOf(history);
    events.forEach(this::apply);
  }

  /** The same case, its limit resting on {@code article} (the rule that computed it). */
  public ReductionCase withLimitArticle(String article) {
    return new ReductionCase(
        kind, track, bureauDays, maxMonths, article, postingDays, hearingByFacts, events);
  }

  /**
   * The article the case's limit rests on: the one kept with it, else the general rule of its track
   * (第六条第二款 for a fixed term, 第八条 for life).
   */
  public String limitArticle() {
    if (limitArticle != null) {
      return limitArticle;
    }
    return track == CaseTrack.LIFE ? RULING_LIFE_LIMIT_ARTICLE : RULING_LIMIT_ARTICLE;
  }

  private void apply(CaseEvent e) {
    switch (e.type()) {
      case STEP -> {
        if (e.step() == CaseStep.PROPOSAL && proposedMonths == null && change == null) {
          // the section's proposal as first made (a re-signed proposal after a return keeps it)
          proposedMonths = e.months();
        }
        if (e.step() == CaseStep.POSTING) {
          everPosted = true;
        }
        if (e.step() == CaseStep.RECHECK && CHANGED.equals(e.choice())) {
          // 司法部令第130号第十一条 as we read it (see CHANGED): the changed proposal goes back to a
          // posting of its own; the 复核 of this round is done, a new objection calls for another
          change = e;
          done.removeIf(s -> s.ordinal() >= CaseStep.POSTING.ordinal());
          signed.keySet().removeIf(s -> s.ordinal() >= CaseStep.POSTING.ordinal());
          roundObjections = 0;
          return;
        }
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
        if (e.step().ordinal() <= CaseStep.POSTING.ordinal()) {
          // a new posting: the 复核 is of its own objections (the earlier ones still call for a
          // hearing)
          roundObjections = 0;
        }
      }
      case VOTE -> votes.put(e.party(), e);
      case POSTING_OBJECTION -> {
        postingObjections++;
        roundObjections++;
      }
      case COURT_POSTING_OBJECTION -> courtPostingObjections++;
      case COURT_EXTENSION -> courtExtension = e;
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

  public CaseTrack track() {
    return track;
  }

  /** The role that signs {@code step} on this case. */
  public Role owner(CaseStep step) {
    return step.owner(track);
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

  /** The amount the section first proposed (null for parole, or a 死缓 ending in life). */
  public Integer originalMonths() {
    return proposedMonths;
  }

  /**
   * The amount proposed as the case stands: the latest 复核 that changed it, else the section's own.
   * The original is never overwritten (records are append-only): the change is its own event.
   */
  public Integer proposedMonths() {
    return change == null ? proposedMonths : change.months();
  }

  /** The latest 复核 that changed the proposal (司法部令第130号第十一条), if any. */
  public Optional<CaseEvent> recheckChange() {
    return Optional.ofNullable(change);
  }

  /** Whether the case was ever posted inside the prison (a changed proposal is posted again). */
  public boolean wasPosted() {
    return everPosted;
  }

  public boolean isRejectedByCommittee() {
    return signed(CaseStep.COMMITTEE).map(e -> "REJECTED".equals(e.choice())).orElse(false);
  }

  /** The bureau did not approve a life or 死缓 case: it does not go to the court. */
  public boolean isRejectedByBureau() {
    return signed(CaseStep.BUREAU_DECISION).map(e -> "REJECTED".equals(e.choice())).orElse(false);
  }

  public boolean isClosed() {
    return isRejectedByCommittee() || isRejectedByBureau() || done.contains(CaseStep.SERVICE);
  }

  /**
   * OPEN, REJECTED (by the committee), BUREAU_REJECTED (by the bureau), GRANTED or REFUSED (by the
   * court).
   */
  public String status() {
    if (isRejectedByCommittee()) {
      return "REJECTED";
    }
    if (isRejectedByBureau()) {
      return "BUREAU_REJECTED";
    }
    return signed(CaseStep.RULING).map(CaseEvent::choice).orElse("OPEN");
  }

  /**
   * The steps this case takes, in order, as its facts stand now: the 复核 once an objection came
   * during the posting (司法部令第130号第十一条), the bureau for life and 死缓 (第四条), the hearing where it is
   * mandatory (法释〔2014〕5号第六条) or was held anyway.
   */
  public List<CaseStep> path() {
    List<CaseStep> p = new ArrayList<>();
    for (CaseStep s : CaseStep.values()) {
      boolean on =
          switch (s) {
            case RECHECK -> roundObjections > 0 || done.contains(CaseStep.RECHECK);
            case BUREAU_REVIEW, BUREAU_DECISION -> track.viaBureau();
            case HEARING -> hearingRequired() || done.contains(CaseStep.HEARING);
            default -> true;
          };
      if (on) {
        p.add(s);
      }
    }
    return p;
  }

  /** The step that comes next, or empty once the case is closed. */
  public Optional<CaseStep> nextStep() {
    if (isClosed()) {
      return Optional.empty();
    }
    return path().stream().filter(s -> !done.contains(s)).findFirst();
  }

  /**
   * A hearing is mandatory (法释〔2014〕5号第六条): major merit, non-standard waits or amounts, or a strict
   * case, as the proposal's facts say (第（一）（二）（五）项); an objection during the prison's or the
   * court's posting (第（三）项); the procuratorate objecting (第（四）项).
   */
  public boolean hearingRequired() {
    return hearingByFacts
        || postingObjections > 0
        || courtPostingObjections > 0
        || (opinion != null && "OBJECT".equals(opinion.choice()));
  }

  public int postingObjections() {
    return postingObjections;
  }

  public int courtPostingObjections() {
    return courtPostingObjections;
  }

  public Optional<CaseEvent> courtExtension() {
    return Optional.ofNullable(courtExtension);
  }

  /**
   * The case is before its court: submitted to the intermediate court, or approved by the bureau
   * for the high court.
   */
  public boolean isAtCourt() {
    if (!track.viaBureau()) {
      return isSubmitted();
    }
    return signed(CaseStep.BUREAU_DECISION).map(e -> "APPROVED".equals(e.choice())).orElse(false);
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

  /**
   * The court rules within one month of receiving the case, two when it extended (法释〔2014〕5号 第一条;
   * never for 死缓).
   */
  public Optional<LocalDate> rulingDue() {
    return signed(CaseStep.COURT_RECEIPT)
        .map(e -> e.onDate().plusMonths(courtExtension == null ? 1 : 2));
  }

  /** The bureau's review and decision are due this many working days after the submission. */
  public Optional<LocalDate> bureauDue(WorkingCalendar calendar) {
    if (!track.viaBureau()) {
      return Optional.empty();
    }
    return signed(CaseStep.SUBMISSION).map(e -> calendar.addWorkingDays(e.onDate(), bureauDays));
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
      case DIRECTOR_MEETING, RECHECK -> postingEnds(calendar);
      case BUREAU_REVIEW, BUREAU_DECISION -> bureauDue(calendar);
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
    return checkStep(
        step, null, roles, today, calendar, committeeMembers, choice, months, note, onDate);
  }

  /** The same, knowing who signs: the bureau's decision is by another person than its review. */
  public StepCheck checkStep(
      CaseStep step,
      String signer,
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
    if (!roles.contains(owner(step))) {
      throw new CaseRuleException(
          Kind.ROLE, "case.error.stepRole", "case.step." + step, "role." + owner(step));
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
      case RECHECK -> {
        // 司法部令第130号第十一条: the committee re-examines the objections once the posting has
        // ended, and tells the result; the note is that result
        LocalDate ends = postingEnds(calendar).orElseThrow();
        if (!today.isAfter(ends)) {
          throw new CaseRuleException(Kind.STATE, "case.error.postingOpen", ends.toString());
        }
        if (note == null || note.isBlank()) {
          throw new CaseRuleException(Kind.INPUT, "case.error.recheckNote");
        }
        if (choice == null || UPHELD.equals(choice)) {
          return new StepCheck(false, UPHELD);
        }
        if (!CHANGED.equals(choice)) {
          throw new CaseRuleException(Kind.INPUT, "case.error.recheckChoice");
        }
        checkRecheckChange(months);
        return new StepCheck(false, CHANGED);
      }
      case BUREAU_REVIEW -> {
        // 司法部令第130号第六条第二款: the bureau's division examines and gives its opinion
        if (note == null || note.isBlank()) {
          throw new CaseRuleException(Kind.INPUT, "case.error.bureauOpinion");
        }
        return new StepCheck(bureauLate(today, calendar), null);
      }
      case BUREAU_DECISION -> {
        String reviewer = signed(CaseStep.BUREAU_REVIEW).map(CaseEvent::signedBy).orElse(null);
        if (signer != null && signer.equals(reviewer)) {
          throw new CaseRuleException(Kind.ROLE, "case.error.bureauSameSigner");
        }
        if (!"APPROVED".equals(choice) && !"REJECTED".equals(choice)) {
          throw new CaseRuleException(Kind.INPUT, "case.error.bureauChoice");
        }
        if ("REJECTED".equals(choice) && (note == null || note.isBlank())) {
          throw new CaseRuleException(Kind.INPUT, "case.error.reason");
        }
        return new StepCheck(bureauLate(today, calendar), choice);
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
          if (kind == CaseKind.REDUCTION && track == CaseTrack.DEATH_REPRIEVE) {
            // 刑法第五十条第一款: the reprieve ends in life (no months) or, with major merit, in 25
            // years; the application checks which the law allows this inmate
            if (months != null && (maxMonths == null || !months.equals(maxMonths))) {
              throw new CaseRuleException(Kind.INPUT, "case.error.reprieveEnd", "刑法第五十条第一款");
            }
          } else if (kind == CaseKind.REDUCTION) {
            int max = maxMonths == null ? 300 : maxMonths;
            if (months == null || months < 1 || months > max) {
              // the case's own limit, kept from the proposal; the application has checked the
              // law as on the ruling's day before (CaseLaw.limit), this keeps the case within it
              // it names the rule that computed the limit, not always the general one (第七条 for
              // a strict category, 第九条 for a strict life term …)
              throw new CaseRuleException(
                  Kind.INPUT, "case.error.rulingMonths", max, limitArticle());
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

  /**
   * A 复核 that finds an objection founded changes the amount of a reduction (parole has none; its
   * withdrawal is the committee's rejection, not a change). The new amount is within the limit the
   * proposal kept (the application checks it against the law as on the day, as it did the
   * proposal's) and differs from the amount posted.
   */
  private void checkRecheckChange(Integer months) {
    if (kind != CaseKind.REDUCTION) {
      throw new CaseRuleException(Kind.INPUT, "case.error.recheckParole", RECHECK_ARTICLE);
    }
    if (months == null || months < 1) {
      throw new CaseRuleException(Kind.INPUT, "case.error.recheckMonths", RECHECK_ARTICLE);
    }
    if (maxMonths != null && months > maxMonths) {
      throw new CaseRuleException(Kind.INPUT, "case.error.recheckAboveLimit", maxMonths);
    }
    if (months.equals(proposedMonths())) {
      throw new CaseRuleException(Kind.INPUT, "case.error.recheckSame", months);
    }
  }

  private boolean bureauLate(LocalDate today, WorkingCalendar calendar) {
    return bureauDue(calendar).map(today::isAfter).orElse(false);
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
    if (!roles.contains(owner(next)) && !roles.contains(Role.EXECUTION)) {
      throw new CaseRuleException(
          Kind.ROLE, "case.error.stepRole", "case.step." + next, "role." + owner(next));
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
        || isClosed()
        || done.contains(CaseStep.RECHECK)
        || done.contains(CaseStep.DIRECTOR_MEETING)
        || today.isAfter(ends.get())) {
      throw new CaseRuleException(Kind.STATE, "case.error.postingClosed");
    }
    if (text == null || text.isBlank()) {
      throw new CaseRuleException(Kind.INPUT, "case.error.text");
    }
  }

  /**
   * An objection received during the court's posting (法释〔2014〕5号第三条), recorded by the case's court
   * while the posting runs: the hearing becomes mandatory (第六条第（三）项).
   */
  public void checkCourtPostingObjection(Set<Role> roles, LocalDate today, String text) {
    if (!roles.contains(track.court())) {
      throw new CaseRuleException(
          Kind.ROLE, "case.error.stepRole", "case.step.COURT_POSTING", "role." + track.court());
    }
    Optional<LocalDate> ends = courtPostingEnds();
    if (ends.isEmpty()
        || isClosed()
        || done.contains(CaseStep.RULING)
        || today.isAfter(ends.get())) {
      throw new CaseRuleException(Kind.STATE, "case.error.courtPostingClosed");
    }
    if (text == null || text.isBlank()) {
      throw new CaseRuleException(Kind.INPUT, "case.error.text");
    }
  }

  /**
   * The court's one more month (法释〔2014〕5号第一条: 案情复杂或者情况特殊的，可以延长一个月), by the case's court after
   * receipt and before the ruling, once, with a reason; 死缓 has none.
   */
  public void checkCourtExtension(Set<Role> roles, String reason) {
    if (!roles.contains(track.court())) {
      throw new CaseRuleException(
          Kind.ROLE, "case.error.stepRole", "case.step.RULING", "role." + track.court());
    }
    if (!track.courtMayExtend()) {
      throw new CaseRuleException(
          Kind.STATE, "case.error.noCourtExtension", CaseTrack.EXTENSION_ARTICLE);
    }
    if (signed(CaseStep.COURT_RECEIPT).isEmpty() || done.contains(CaseStep.RULING) || isClosed()) {
      throw new CaseRuleException(Kind.STATE, "case.error.courtExtension");
    }
    if (courtExtension != null) {
      throw new CaseRuleException(Kind.STATE, "case.error.courtExtendedAlready");
    }
    if (reason == null || reason.isBlank()) {
      throw new CaseRuleException(Kind.INPUT, "case.error.reason");
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
