package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRepository.InmateRow;
import cn.xinsheng.cases.domain.CaseRepository.Meeting;
import cn.xinsheng.cases.domain.CaseRepository.ResultRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CaseTrack;
import cn.xinsheng.cases.domain.EligibilityRules;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.cases.domain.VoteChoice;
import cn.xinsheng.evidence.application.EvidenceCatalogue;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CommendationQueries;
import cn.xinsheng.ledger.application.LedgerRecords;
import cn.xinsheng.ledger.application.PrisonCalendar;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PlatformClock;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every change to a reduction or parole case: the proposal, each step signed by its owner, a return
 * with its reason, the committee's votes, objections during posting, the procuratorate's opinion,
 * the court's records, the lawyer's grant and opinions. The domain's {@link ReductionCase} decides
 * whether a change is allowed; this service checks who the caller is and what he may reach, appends
 * the event and its audit leaf in one transaction.
 */
@Stateless
public class CaseService {

  private static final int MAX_TEXT = 4000;

  @Inject CaseRepository store;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject PlatformClock platformClock;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject LedgerRecords ledger;
  @Inject CaseQueries queries;
  @Inject cn.xinsheng.ledger.application.ObjectionService objections;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;

  @Inject AccountDirectory accounts;
  @Inject CommendationQueries commendationQueries;
  @Inject PrisonCalendar calendar;
  @Inject SentenceRecords sentences;
  @Inject EvidenceCatalogue evidence;

  // --- the proposal ----------------------------------------------------------------------------

  /**
   * A section's proposal from an eligibility result of its own inmate, citing the assessment cycles
   * (commendations) it rests on.
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public CaseRow propose(
      long eligibilityId,
      Integer months,
      String rationale,
      List<Long> cycleIds,
      Long attachmentId) {
    return propose(eligibilityId, months, rationale, cycleIds, attachmentId, null, null);
  }

  /**
   * Proposes with a kind of performance (issue 16): the ledger's when none is given; another needs
   * a reason. The lawful maximum follows it (法释〔2016〕23号第六条第二款).
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public CaseRow propose(
      long eligibilityId,
      Integer months,
      String rationale,
      List<Long> cycleIds,
      Long attachmentId,
      String performance,
      String performanceReason) {
    // First of all, before any read: the year's serial, under its counter's lock. Proposals wait
    // here for each other, so the check below that the inmate has no open case sees the case a
    // proposal just before committed (a read before the lock would keep an older snapshot).
    int year = time.today().getYear();
    long serial = store.takeCaseSerial(year);
    ResultRow r =
        store
            .result(eligibilityId)
            .orElseThrow(() -> Refusal.notFound("case.error.unknownEligibility"));
    scope.requireSection(r.sectionId());
    // a reduction before its general wait may still be lawful (重大立功; 第十九条、第二十条): the law
    // below decides, naming the exception; parole, and anything the run blocked, waits
    boolean early = !"ELIGIBLE".equals(r.outcome());
    if (early && (r.kind() != CaseKind.REDUCTION || "BLOCKED".equals(r.outcome()))) {
      throw Refusal.conflict("case.error.notEligible", r.prisonerNumber());
    }
    String text = text(rationale, "case.error.rationale");
    if (store.ofInmate(r.inmateId()).stream().anyMatch(c -> !load(c).isClosed())) {
      throw Refusal.conflict("case.error.openCase", r.prisonerNumber());
    }
    // issue 16: the maximum follows the proposal's performance; minimum served and remaining term
    cn.xinsheng.sentence.domain.Performance performed = null;
    Integer lawfulLimit = null;
    boolean nonStandard = false;
    String earlyArticle = null;
    if (r.kind() == CaseKind.REDUCTION) {
      performed = law.choose(r.inmateId(), r.sectionId(), performance, performanceReason);
      cn.xinsheng.sentence.application.CaseLaw.Limit limit =
          law.limit(r.inmateId(), r.sectionId(), performed, months, time.today(), true);
      lawfulLimit = limit.limitMonths();
      nonStandard = limit.nonStandard();
      earlyArticle = limit.earlyArticle();
    } else if (r.kind() == CaseKind.PAROLE) {
      months = null;
    }
    // issue 16: life and 死缓 go through the bureau to the high court (司法部令第130号第四条)
    CaseTrack track = CaseTrack.valueOf(law.sentenceInExecution(r.inmateId(), r.sectionId()));
    List<Long> cycles = cycleIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(cycleIds));
    requireCycles(r.kind(), track, performed, cycles);
    Set<Long> commendations = new java.util.HashSet<>();
    commendationQueries.commendations(r.inmateId()).forEach(c -> commendations.add(c.id()));
    for (Long c : cycles) {
      if (!commendations.contains(c)) {
        throw Refusal.invalid("case.error.cycle", c);
      }
    }
    if (!EligibilityService.rules().commendationMayBeCitedAgain()) {
      // a commendation cited by a granted case is used (DOMAIN §3; the province's setting)
      Set<Long> used = law.usedCommendations(r.inmateId());
      for (Long c : cycles) {
        if (used.contains(c)) {
          throw Refusal.conflict("case.error.cycleUsed", c);
        }
      }
    }
    String attachmentSha = attachment(attachmentId, r.sectionId());
    InmateRow inmate = store.inmateForEligibility(r.inmateId()).orElseThrow();
    EligibilityRules rules = EligibilityService.rules();
    String number =
        (r.kind() == CaseKind.REDUCTION ? "JX" : "JS")
            + "-"
            + year
            + "-"
            + String.format("%04d", serial);
    Instant now = time.now();
    long id =
        store.insertCase(
            number,
            r.inmateId(),
            r.sectionId(),
            r.kind(),
            months,
            lawfulLimit,
            text,
            r.id(),
            rules.version(),
            rules.postingWorkingDays(inmate.facts()),
            // 法释〔2014〕5号第六条: major merit or 第（五）项's offenders (第（一）（五）项), a
            // non-standard amount (第（二）项)
            rules.hearingRequired(inmate.facts())
                || law.hearingByFacts(r.inmateId(), r.sectionId(), performed)
                || nonStandard,
            track,
            caller.name(),
            now);
    store.citeCycles(id, cycles);
    if (performed != null) {
      law.recordPerformance(
          id,
          performed,
          law.derived(r.inmateId(), r.sectionId()),
          performanceReason,
          caller.name());
    }
    CaseRow row = store.find(id).orElseThrow();
    Map<String, Object> elig = new LinkedHashMap<>();
    elig.put("result", r.id());
    elig.put("outcome", r.outcome());
    elig.put("reason", r.reasonKey());
    elig.put("args", r.reasonArgs());
    if (earlyArticle != null) {
      // a proposal before the general wait, on the exception this article makes (issue 16)
      elig.put("nonStandardWait", earlyArticle);
      law.recordNonStandard(id, "WAIT", earlyArticle, caller.name());
    } else if (nonStandard) {
      elig.put("nonStandardAmount", true);
      law.recordNonStandard(id, "AMOUNT", "法释〔2016〕23号第十九条、第二十条", caller.name());
    }
    audit.proposed(row, cycles, elig);
    CaseEvent proposal =
        new CaseEvent(
            0,
            CaseEventType.STEP,
            CaseStep.PROPOSAL,
            caller.name(),
            Role.OFFICER.name(),
            now,
            text,
            null,
            months,
            time.today(),
            null,
            null,
            false);
    long eventId = store.insertEvent(id, proposal, attachmentId);
    audit.event(row, eventId, proposal, attachmentSha);
    return row;
  }

  // --- steps -----------------------------------------------------------------------------------

  /**
   * Signs the case's next step. {@code choice}/{@code months} are the court's ruling; {@code
   * onDate} the day a hearing was held.
   */
  @RolesAllowed({
    Role.OFFICER_NAME,
    Role.REVIEWER_NAME,
    Role.EXECUTION_NAME,
    Role.WARDEN_NAME,
    Role.JUDGE_NAME,
    Role.BUREAU_NAME,
    Role.HIGH_JUDGE_NAME
  })
  public CaseEvent sign(
      long caseId,
      CaseStep step,
      String note,
      String choice,
      Integer months,
      LocalDate onDate,
      Long attachmentId) {
    CaseRow row = reach(caseId);
    if (step == null) {
      throw Refusal.invalid("case.error.step");
    }
    ReductionCase kase = load(row);
    if (note != null && note.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    Set<String> members = Set.of();
    Long meetingId = null;
    if (step == CaseStep.COMMITTEE) {
      Meeting m =
          store.meetingOf(caseId).orElseThrow(() -> Refusal.conflict("case.error.noMeeting"));
      members = m.members();
      meetingId = m.id();
    }
    LocalDate today = time.today();
    if (step == CaseStep.RULING
        && "GRANTED".equals(choice)
        && row.kind() == CaseKind.REDUCTION
        && kase.nextStep().orElse(null) == CaseStep.RULING) {
      // issue 16: any amount within the lawful maximum, none above it (the article named)
      cn.xinsheng.sentence.application.CaseLaw.Limit limit =
          law.limit(
              row.inmateId(),
              row.sectionId(),
              law.performanceOf(row.id(), row.inmateId(), row.sectionId()),
              months,
              today,
              true);
      if (limit.nonStandard() && !kase.done().contains(CaseStep.HEARING)) {
        // 法释〔2014〕5号第六条第（二）项: a non-standard amount is ruled on only after a hearing
        throw Refusal.conflict("case.error.hearingRequired");
      }
    }
    ReductionCase.StepCheck check;
    try {
      check =
          kase.checkStep(
              step,
              caller.name(),
              caller.roles(),
              today,
              ledger.calendar(),
              members,
              choice,
              months,
              note,
              onDate);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    requireOpinion(step, note);
    String attachmentSha = attachment(attachmentId, row.sectionId());
    CaseEvent e =
        new CaseEvent(
            0,
            CaseEventType.STEP,
            step,
            caller.name(),
            kase.owner(step).name(),
            time.now(),
            note == null ? "" : note.strip(),
            check.choice(),
            step == CaseStep.RULING && "GRANTED".equals(choice) ? months : null,
            step == CaseStep.HEARING ? onDate : today,
            null,
            meetingId,
            check.late());
    long eventId = store.insertEvent(caseId, e, attachmentId);
    audit.event(row, eventId, e, attachmentSha);
    if (step == CaseStep.RULING && "GRANTED".equals(choice)) {
      applyRuling(row, today, months);
    }
    return e;
  }

  /**
   * Issue 18 walk: a step of the prison's part (the ward's meeting, the department's review, the
   * committee, the posting, the director's meeting, the submission) is somebody's signed opinion;
   * signed empty, the case file showed a signature with nothing said. Refused before anything is
   * written. The court's and the bureau's steps keep their own rules (a reason for a refusal, the
   * bureau's opinion).
   */
  static void requireOpinion(CaseStep step, String note) {
    if (needsOpinion(step.name()) && (note == null || note.isBlank())) {
      throw Refusal.invalid("case.error.opinion", "case.step." + step);
    }
  }

  /**
   * Whether a step (by its code) is signed with an opinion: the screen marks the field required.
   */
  public static boolean needsOpinion(String step) {
    return step != null && CaseStep.valueOf(step).isInsidePrison();
  }

  /**
   * Issue 18 walk: a proposal rests on the assessment cycles whose commendations it cites
   * (司规〔2021〕3号: 计分考核结果是减刑、假释的依据); one citing none was saved. A proposal must cite at least one,
   * except where the law itself is the basis: a 死缓 whose reprieve ends (刑法第五十条) and a reduction for
   * merit (立功、重大立功, 刑法第七十八条).
   */
  static void requireCycles(
      CaseKind kind,
      CaseTrack track,
      cn.xinsheng.sentence.domain.Performance performed,
      List<Long> cycles) {
    if (!cycles.isEmpty()) {
      return;
    }
    boolean byLaw =
        kind == CaseKind.REDUCTION
            && (track == CaseTrack.DEATH_REPRIEVE
                || performed == cn.xinsheng.sentence.domain.Performance.MERIT
                || performed == cn.xinsheng.sentence.domain.Performance.MAJOR_MERIT);
    if (!byLaw) {
      throw Refusal.invalid("case.error.noCycle");
    }
  }

  /** A granted ruling moves the sentence's end; the change is its own record. */
  private void applyRuling(CaseRow row, LocalDate ruledOn, Integer months) {
    LocalDate previous = sentences.currentSentenceEnd(row.inmateId());
    java.util.Optional<LocalDate> reprieveEnds =
        row.kind() == CaseKind.REDUCTION && row.track() == CaseTrack.DEATH_REPRIEVE
            ? law.reprieveEnds(row.inmateId(), row.sectionId(), ruledOn)
            : java.util.Optional.empty();
    if (reprieveEnds.isPresent()) {
      // 刑法第五十条第一款, 第五十一条: the 死缓 becomes life, or 25 years with major merit, as of the
      // day the reprieve ended, whenever the high court rules
      LocalDate ends = reprieveEnds.get();
      long change = law.recordReprieveEnd(row.inmateId(), row.id(), ends, months, caller.name());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("reprieveEnded", ends.toString());
      if (months == null) {
        p.put("commutedTo", "LIFE");
      } else {
        sentences.moveSentenceEnd(row.inmateId(), ends.plusMonths(months));
        p.put("commutedToMonths", months.longValue());
        p.put("newEnd", ends.plusMonths(months).toString());
      }
      audit.append(
          "case.sentence.commuted", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    } else if (row.kind() == CaseKind.REDUCTION && law.commutes(row.inmateId(), row.sectionId())) {
      // a life term commuted: the ruling's months are the new fixed term (刑法第八十条), counted
      // from the ruling; organisation's port moves the inmate's end
      long change = law.recordCommutation(row.inmateId(), row.id(), ruledOn, months, caller.name());
      sentences.moveSentenceEnd(row.inmateId(), ruledOn.plusMonths(months));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("commutedToMonths", months.longValue());
      p.put("newEnd", ruledOn.plusMonths(months).toString());
      audit.append(
          "case.sentence.commuted", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    } else if (row.kind() == CaseKind.REDUCTION) {
      LocalDate next = previous == null ? null : previous.minusMonths(months);
      long change =
          store.recordSentenceChange(
              row.inmateId(), row.id(), row.kind(), ruledOn, months, previous, next, caller.name());
      if (next != null) {
        sentences.moveSentenceEnd(row.inmateId(), next);
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("months", months.longValue());
      if (previous != null) {
        p.put("previousEnd", previous.toString());
        p.put("newEnd", next.toString());
      }
      audit.append(
          "case.sentence.changed", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    } else {
      long change =
          store.recordSentenceChange(
              row.inmateId(), row.id(), row.kind(), ruledOn, 0, previous, previous, caller.name());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("parole", true);
      audit.append(
          "case.sentence.paroled", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    }
  }

  /** The sentence_change row bound to the entry that reports it (issue 15). */
  private static List<cn.xinsheng.auditlog.application.AuditLog.Bind> bind(long sentenceChange) {
    return List.of(
        cn.xinsheng.auditlog.application.AuditLog.Bind.of(
            cn.xinsheng.cases.infrastructure.SentenceChangeBinding.TABLE, sentenceChange));
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.EXECUTION_NAME, Role.WARDEN_NAME})
  public CaseEvent returnTo(long caseId, CaseStep to, String reason) {
    CaseRow row = reach(caseId);
    try {
      load(row).checkReturn(to, caller.roles(), reason);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (reason.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return append(row, CaseEventType.RETURN, to, reason.strip(), null, null, false);
  }

  // --- the committee ---------------------------------------------------------------------------

  /** A meeting of at least nine members with its agenda of cases waiting for the committee. */
  @RolesAllowed(Role.EXECUTION_NAME)
  public long createMeeting(
      LocalDate heldOn, String title, List<String> members, List<Long> caseIds) {
    Set<String> m = new LinkedHashSet<>(members == null ? List.of() : members);
    if (m.size() < ReductionCase.MIN_COMMITTEE) {
      throw Refusal.invalid("case.error.committeeSize", ReductionCase.MIN_COMMITTEE, m.size());
    }
    for (String u : m) {
      if (!accounts.holdsRole(u, Role.COMMITTEE)) {
        throw Refusal.invalid("case.error.notCommitteeMember", u);
      }
    }
    if (caseIds == null || caseIds.isEmpty()) {
      throw Refusal.invalid("case.error.agenda");
    }
    for (Long id : caseIds) {
      CaseRow row = store.find(id).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
      if (load(row).nextStep().orElse(null) != CaseStep.COMMITTEE) {
        throw Refusal.conflict("case.error.notAtCommittee");
      }
    }
    String t = text(title, "case.error.title");
    LocalDate day = heldOn == null ? time.today() : heldOn;
    long id =
        store.insertMeeting(day, t, caller.name(), m, List.copyOf(new LinkedHashSet<>(caseIds)));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("meeting", id);
    p.put("heldOn", day.toString());
    p.put("title", t);
    p.put("members", List.copyOf(m));
    p.put("cases", caseIds);
    audit.append("case.meeting.created", "committee-meeting/" + id, p, List.of());
    return id;
  }

  /** A member's vote on a case on the agenda of his meeting. */
  @RolesAllowed(Role.COMMITTEE_NAME)
  public CaseEvent vote(long caseId, VoteChoice choice, String note) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    Meeting m = store.meetingOf(caseId).orElseThrow(() -> Refusal.conflict("case.error.noMeeting"));
    try {
      load(row).checkVote(caller.name(), m.members(), choice);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    CaseEvent e =
        new CaseEvent(
            0,
            CaseEventType.VOTE,
            CaseStep.COMMITTEE,
            caller.name(),
            Role.COMMITTEE.name(),
            time.now(),
            note == null ? "" : note.strip(),
            choice.name(),
            null,
            time.today(),
            caller.name(),
            m.id(),
            false);
    long id = store.insertEvent(caseId, e, null);
    audit.event(row, id, e, null);
    return e;
  }

  // --- posting ---------------------------------------------------------------------------------

  /**
   * An objection during the posting inside the prison: by an inmate of the case's section (from the
   * noticeboard) or recorded by an officer or the department for someone who wrote it on paper.
   */
  @RolesAllowed({Role.INMATE_NAME, Role.OFFICER_NAME, Role.EXECUTION_NAME})
  public CaseEvent objectDuringPosting(long caseId, String text) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    if (caller.has(Role.INMATE)) {
      if (scope.ownInmate().getSection().getId() != row.sectionId()) {
        throw Refusal.notFound("case.error.unknown");
      }
    } else if (!caller.has(Role.EXECUTION)) {
      scope.requireSection(row.sectionId());
    }
    try {
      load(row).checkPostingObjection(time.today(), ledger.calendar(), text);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return append(row, CaseEventType.POSTING_OBJECTION, null, text.strip(), null, null, false);
  }

  // --- outside the prison ----------------------------------------------------------------------

  /** The procuratorate's opinion; after its deadline it is taken and flagged late. */
  @RolesAllowed(Role.PROSECUTOR_NAME)
  public CaseEvent opinion(long caseId, String choice, String reasons) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    boolean late;
    try {
      late = load(row).checkOpinion(time.today(), choice, reasons);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    String text = reasons == null ? "" : reasons.strip();
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return append(row, CaseEventType.PROCURATORATE_OPINION, null, text, choice, null, late);
  }

  @RolesAllowed(Role.PROSECUTOR_NAME)
  public CaseEvent extend(long caseId, String reason) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    try {
      load(row).checkExtension();
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    return append(
        row,
        CaseEventType.PROCURATORATE_EXTENSION,
        null,
        text(reason, "case.error.reason"),
        null,
        null,
        false);
  }

  /**
   * An objection received during the court's posting (法释〔2014〕5号第三条), recorded by the case's court:
   * the hearing becomes mandatory (第六条第（三）项).
   */
  @RolesAllowed({Role.JUDGE_NAME, Role.HIGH_JUDGE_NAME})
  public CaseEvent objectDuringCourtPosting(long caseId, String text) {
    CaseRow row = reach(caseId);
    try {
      load(row).checkCourtPostingObjection(caller.roles(), time.today(), text);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return append(
        row, CaseEventType.COURT_POSTING_OBJECTION, null, text.strip(), null, null, false);
  }

  /**
   * The court takes one more month to rule (法释〔2014〕5号第一条: 案情复杂或者情况特殊的，可以延长一个月), never for 死缓
   * (第一条第（一）项 allows none).
   */
  @RolesAllowed({Role.JUDGE_NAME, Role.HIGH_JUDGE_NAME})
  public CaseEvent extendRuling(long caseId, String reason) {
    CaseRow row = reach(caseId);
    try {
      load(row).checkCourtExtension(caller.roles(), reason);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (reason.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return append(row, CaseEventType.COURT_EXTENSION, null, reason.strip(), null, null, false);
  }

  /** The department lets one lawyer see this one case. */
  @RolesAllowed(Role.EXECUTION_NAME)
  public CaseEvent grantLawyer(long caseId, String lawyer) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    if (lawyer == null || !accounts.holdsRole(lawyer, Role.LAWYER)) {
      throw Refusal.invalid("case.error.notALawyer", String.valueOf(lawyer));
    }
    if (load(row).lawyers().contains(lawyer)) {
      throw Refusal.conflict("case.error.alreadyGranted", lawyer);
    }
    return append(row, CaseEventType.LAWYER_GRANT, null, "", null, lawyer, false);
  }

  /** A granted lawyer's written opinion. */
  @RolesAllowed(Role.LAWYER_NAME)
  public CaseEvent lawyerOpinion(long caseId, String text) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    ReductionCase kase = load(row);
    if (!kase.lawyers().contains(caller.name())) {
      throw Refusal.notFound("case.error.unknown");
    }
    if (kase.isClosed()) {
      throw Refusal.conflict("case.error.closed");
    }
    return append(
        row,
        CaseEventType.LAWYER_OPINION,
        null,
        text(text, "case.error.text"),
        null,
        caller.name(),
        false);
  }

  /**
   * An external reader's finding on an item of a case in his remit (the case, a step, a vote, a
   * cited entry): it runs the objection loop inside the prison.
   */
  @RolesAllowed({Role.PROSECUTOR_NAME, Role.SUPERVISOR_NAME, Role.JUDGE_NAME, Role.LAWYER_NAME})
  public long finding(long caseId, String item, String text) {
    CaseQueries.CaseFile file = queries.file(caseId);
    CaseRow row = store.find(file.summary().id()).orElseThrow();
    if (item != null && item.length() > 100) {
      throw Refusal.invalid("case.error.item");
    }
    return objections.raiseCaseFinding(caseId, row.inmateId(), item, text).getId();
  }

  // --- the demo calendar ------------------------------------------------------------------------

  /** Moves the demonstration's case calendar forward; refused outside a demonstration. */
  @RolesAllowed({Role.EXECUTION_NAME, Role.SYS_ADMIN_NAME})
  public LocalDate advanceDemoClock(int days) {
    if (!platformClock.isDemo()) {
      throw Refusal.forbidden("case.error.demoClock");
    }
    if (days < 1 || days > 60) {
      throw Refusal.invalid("case.error.demoDays");
    }
    platformClock.advanceDemo(days);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("days", (long) days);
    p.put("today", time.today().toString());
    audit.append("case.demo-clock.advanced", "demo-clock", p, List.of());
    return time.today();
  }

  /** A public holiday (or a weekend worked in exchange) in the working-day calendar. */
  @RolesAllowed({Role.EXECUTION_NAME, Role.SYS_ADMIN_NAME})
  public void calendarDay(LocalDate day, boolean working, String name) {
    if (day == null) {
      throw Refusal.invalid("case.error.day");
    }
    String n = text(name, "case.error.dayName");
    if (n.length() > 100) {
      throw Refusal.invalid("case.error.dayName");
    }
    calendar.markDay(day, working, n);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("day", day.toString());
    p.put("working", working);
    p.put("name", n);
    audit.append("calendar.day", "calendar/" + day, p, List.of());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private CaseEvent append(
      CaseRow row,
      CaseEventType type,
      CaseStep step,
      String note,
      String choice,
      String party,
      boolean late) {
    CaseEvent e =
        new CaseEvent(
            0,
            type,
            step,
            caller.name(),
            caller.rolesText(),
            time.now(),
            note,
            choice,
            null,
            time.today(),
            party,
            null,
            late);
    long id = store.insertEvent(row.id(), e, null);
    audit.event(row, id, e, null);
    return e;
  }

  ReductionCase load(CaseRow row) {
    return new ReductionCase(
        row.kind(),
        row.track(),
        EligibilityService.rules().bureauWorkingDays(),
        row.maxMonths(),
        row.postingDays(),
        row.hearingByFacts(),
        store.events(row.id()));
  }

  /**
   * The case if the caller may act on it: section staff in their sections, the rest prison-wide.
   */
  private CaseRow reach(long caseId) {
    CaseRow row = store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
    if ((caller.has(Role.OFFICER) || caller.has(Role.REVIEWER))
        && !caller.has(Role.EXECUTION)
        && !caller.has(Role.WARDEN)
        && !caller.has(Role.JUDGE)) {
      scope.requireSection(row.sectionId());
    }
    ReductionCase kase = load(row);
    if (caller.has(Role.JUDGE) || caller.has(Role.HIGH_JUDGE)) {
      // a court reaches the cases before it: the intermediate court fixed terms, the high court
      // life and 死缓 once the bureau approved (法释〔2014〕5号第一条)
      if (!kase.isAtCourt() || !caller.has(kase.track().court())) {
        throw Refusal.notFound("case.error.unknown");
      }
    }
    if (caller.has(Role.BUREAU) && (!kase.track().viaBureau() || !kase.isSubmitted())) {
      throw Refusal.notFound("case.error.unknown");
    }
    return row;
  }

  private String attachment(Long evidenceId, long sectionId) {
    if (evidenceId == null) {
      return null;
    }
    EvidenceCatalogue.FileRef e = evidence.files(List.of(evidenceId)).get(evidenceId);
    // evidence of the case's own section only: another section's files are not this case's to cite
    if (e == null || e.sectionId() != sectionId) {
      throw Refusal.invalid("case.error.attachment", evidenceId);
    }
    return e.sha256();
  }

  private static String text(String value, String key) {
    if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
      throw Refusal.invalid(key);
    }
    return value.strip();
  }

  static Refusal refusal(CaseRuleException e) {
    return switch (e.kind()) {
      case ROLE -> Refusal.forbidden(e.messageKey(), e.arguments());
      case STATE -> Refusal.conflict(e.messageKey(), e.arguments());
      case INPUT -> Refusal.invalid(e.messageKey(), e.arguments());
    };
  }
}
