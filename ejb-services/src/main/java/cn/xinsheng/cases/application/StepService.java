package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.MAX_TEXT;
import static cn.xinsheng.cases.application.CaseChanges.refusal;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CommitteeMeetings;
import cn.xinsheng.cases.domain.CommitteeMeetings.Meeting;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerRecords;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;

/**
 * The case's steps in their only order, each signed by the role that owns it (the ward's meeting,
 * the department, the director's meeting, the bureau, the court), or a case returned to an earlier
 * step with a reason. The domain's {@link ReductionCase} decides whether the step is the caller's
 * to sign now; a court's granted ruling moves the sentence through {@link SentenceChanges} in the
 * same transaction.
 */
@Stateless
public class StepService {

  @Inject CaseRepository store;
  @Inject CommitteeMeetings meetings;
  @Inject CaseChanges changes;
  @Inject CaseAudit audit;
  @Inject SentenceChanges sentenceChanges;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject LedgerRecords ledger;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;

  /**
   * Signs the case's next step. {@code choice}/{@code months} are the court's ruling, or the
   * committee's 复核 (UPHELD, or CHANGED with the new amount: the case is then posted again); {@code
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
    CaseRow row = changes.reach(caseId);
    if (step == null) {
      throw Refusal.invalid("case.error.step");
    }
    ReductionCase kase = changes.load(row);
    if (note != null && note.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    Set<String> members = Set.of();
    Long meetingId = null;
    if (step == CaseStep.COMMITTEE) {
      Meeting m =
          meetings.meetingOf(caseId).orElseThrow(() -> Refusal.conflict("case.error.noMeeting"));
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
      // the case's own limit rests on the article kept with it at the proposal; a case proposed
      // before that was kept takes the one the engine gives for it today (the same rule)
      kase = kase.withLimitArticle(law.limitArticleOf(row.id()).orElse(limit.limitArticle()));
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
    boolean changed = step == CaseStep.RECHECK && ReductionCase.CHANGED.equals(check.choice());
    if (changed) {
      // 司法部令第130号第十一条: a 复核 that finds an objection founded changes the proposal; the new
      // amount passes the same law the proposal did (法释〔2016〕23号: maximum by performance, minimum
      // served, remaining term), as on the day of the 复核. A non-standard amount needs no new flag:
      // the objection has made the hearing mandatory already (法释〔2014〕5号第六条第（三）项).
      law.limit(
          row.inmateId(),
          row.sectionId(),
          law.performanceOf(row.id(), row.inmateId(), row.sectionId()),
          months,
          today,
          true);
    }
    String attachmentSha = changes.attachment(attachmentId, row.sectionId());
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
            (step == CaseStep.RULING && "GRANTED".equals(choice)) || changed ? months : null,
            step == CaseStep.HEARING ? onDate : today,
            null,
            meetingId,
            check.late());
    long eventId = store.insertEvent(caseId, e, attachmentId);
    audit.event(row, eventId, e, attachmentSha);
    if (step == CaseStep.RULING && "GRANTED".equals(choice)) {
      sentenceChanges.afterGrantedRuling(row, today, months);
    }
    if (step == CaseStep.SERVICE && "GRANTED".equals(kase.status())) {
      // 法释〔2016〕23号第四十条第二款: the interval to the next reduction runs from the service
      law.recordService(row.id(), today, caller.name());
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
  /**
   * {@link #sign(long, CaseStep, String, String, Integer, LocalDate, Long)} with the step named as
   * the case page names it (its next step, the optional hearing); a name that is no step is refused
   * with {@code case.error.step}.
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
  public CaseEventDone sign(
      long caseId,
      String step,
      String note,
      String choice,
      Integer months,
      LocalDate onDate,
      Long attachmentId) {
    return CaseEventDone.of(
        sign(caseId, stepNamed(step), note, choice, months, onDate, attachmentId));
  }

  /** {@link #returnTo(long, CaseStep, String)} with the earlier step by name. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.EXECUTION_NAME, Role.WARDEN_NAME})
  public CaseEventDone returnTo(long caseId, String to, String reason) {
    return CaseEventDone.of(returnTo(caseId, stepNamed(to), reason));
  }

  /**
   * Whether a name is a step of a case: the API refuses any other as bad input before the service
   * asks who may sign it, as it did when it read the step itself.
   */
  public static boolean isStep(String name) {
    return name != null
        && java.util.Arrays.stream(CaseStep.values()).anyMatch(s -> s.name().equals(name));
  }

  /** A step by its name; none for none, as the typed methods take it. */
  private static CaseStep stepNamed(String name) {
    if (name == null) {
      return null;
    }
    try {
      return CaseStep.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("case.error.step");
    }
  }

  public static boolean needsOpinion(String step) {
    return step != null && CaseStep.valueOf(step).isInsidePrison();
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.EXECUTION_NAME, Role.WARDEN_NAME})
  public CaseEvent returnTo(long caseId, CaseStep to, String reason) {
    CaseRow row = changes.reach(caseId);
    try {
      changes.load(row).checkReturn(to, caller.roles(), reason);
    } catch (CaseRuleException e) {
      throw refusal(e);
    }
    if (reason.length() > MAX_TEXT) {
      throw Refusal.invalid("case.error.text");
    }
    return changes.append(row, CaseEventType.RETURN, to, reason.strip(), null, null, false);
  }
}
