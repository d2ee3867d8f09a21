package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.refusal;
import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CommitteeMeetings;
import cn.xinsheng.cases.domain.CommitteeMeetings.Meeting;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.cases.domain.VoteChoice;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prison's evaluation committee (评审委员会): the department calls a meeting of at least nine
 * members with its agenda of cases waiting for the committee, and each member votes on the cases on
 * his meeting's agenda. The domain counts the votes when the committee's step is signed.
 */
@Stateless
public class CommitteeService {

  @Inject CaseChanges changes;
  @Inject CaseRepository store;
  @Inject CommitteeMeetings meetings;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject AccountDirectory accounts;

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
      if (changes.load(row).nextStep().orElse(null) != CaseStep.COMMITTEE) {
        throw Refusal.conflict("case.error.notAtCommittee");
      }
    }
    String t = text(title, "case.error.title");
    LocalDate day = heldOn == null ? time.today() : heldOn;
    long id =
        meetings.insertMeeting(day, t, caller.name(), m, List.copyOf(new LinkedHashSet<>(caseIds)));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("meeting", id);
    p.put("heldOn", day.toString());
    p.put("title", t);
    p.put("members", List.copyOf(m));
    p.put("cases", caseIds);
    audit.append("case.meeting.created", "committee-meeting/" + id, p, List.of());
    return id;
  }

  /** The choices a member votes with, by name. */
  public static List<String> voteChoices() {
    return java.util.Arrays.stream(VoteChoice.values()).map(Enum::name).toList();
  }

  /**
   * {@link #vote(long, VoteChoice, String)} with the choice by name (AGREE, DISAGREE, ABSTAIN); any
   * other is refused with {@code case.error.voteChoice}.
   */
  @RolesAllowed(Role.COMMITTEE_NAME)
  public CaseEventDone vote(long caseId, String choice, String note) {
    VoteChoice c;
    try {
      c = VoteChoice.valueOf(choice == null ? "" : choice);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("case.error.voteChoice");
    }
    return CaseEventDone.of(vote(caseId, c, note));
  }

  /** A member's vote on a case on the agenda of his meeting. */
  @RolesAllowed(Role.COMMITTEE_NAME)
  public CaseEvent vote(long caseId, VoteChoice choice, String note) {
    CaseRow row = changes.find(caseId);
    Meeting m =
        meetings.meetingOf(caseId).orElseThrow(() -> Refusal.conflict("case.error.noMeeting"));
    try {
      changes.load(row).checkVote(caller.name(), m.members(), choice);
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
}
