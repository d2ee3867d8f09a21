package cn.xinsheng.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The case's state machine, transition by transition: each legal step, and each illegal one
 * refused.
 */
class ReductionCaseTest {

  // a Monday; 2026-10-01..07 is the National Day holiday in the calendar below
  private static final LocalDate DAY = LocalDate.of(2026, 9, 28);
  private static final WorkingCalendar CALENDAR =
      new WorkingCalendar(
          Map.of(
              LocalDate.of(2026, 10, 1), false,
              LocalDate.of(2026, 10, 2), false,
              LocalDate.of(2026, 10, 5), false,
              LocalDate.of(2026, 10, 6), false,
              LocalDate.of(2026, 10, 7), false,
              LocalDate.of(2026, 10, 10), true));
  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<String> NINE = members(9);

  private final List<CaseEvent> history = new ArrayList<>();
  private long ids;

  private static Set<String> members(int n) {
    Set<String> s = new LinkedHashSet<>();
    for (int i = 1; i <= n; i++) {
      s.add("committee" + i);
    }
    return s;
  }

  private ReductionCase kase() {
    return kase(false);
  }

  private ReductionCase kase(boolean hearingByFacts) {
    return new ReductionCase(CaseKind.REDUCTION, 9, 5, hearingByFacts, history);
  }

  private void add(CaseEventType type, CaseStep step, String choice, LocalDate on, String party) {
    history.add(
        new CaseEvent(
            ++ids,
            type,
            step,
            "someone",
            "ROLE",
            Instant.EPOCH,
            "note",
            choice,
            null,
            on,
            party,
            null,
            false));
  }

  private void sign(CaseStep step, LocalDate on) {
    sign(step, on, null);
  }

  private void sign(CaseStep step, LocalDate on, String choice) {
    add(CaseEventType.STEP, step, choice, on, null);
  }

  private ReductionCase.StepCheck check(CaseStep step, Set<Role> roles, LocalDate today) {
    return kase().checkStep(step, roles, today, CALENDAR, NINE, "GRANTED", 6, "理由", today);
  }

  private void vote(int member, VoteChoice choice) {
    add(CaseEventType.VOTE, CaseStep.COMMITTEE, choice.name(), null, "committee" + member);
  }

  private void throughCommittee() {
    sign(CaseStep.PROPOSAL, DAY);
    sign(CaseStep.WARD_MEETING, DAY);
    sign(CaseStep.EXECUTION_REVIEW, DAY);
    for (int i = 1; i <= 9; i++) {
      vote(i, VoteChoice.AGREE);
    }
    sign(CaseStep.COMMITTEE, DAY, "APPROVED");
  }

  private void throughSubmission() {
    throughCommittee();
    sign(CaseStep.POSTING, DAY);
    sign(CaseStep.DIRECTOR_MEETING, LocalDate.of(2026, 10, 13));
    sign(CaseStep.SUBMISSION, LocalDate.of(2026, 10, 14));
  }

  @Test
  void aNewCaseStartsWithTheProposalAndEachStepLeadsToTheNext() {
    assertEquals(Optional.of(CaseStep.PROPOSAL), kase().nextStep());
    CaseStep[] prison = {CaseStep.PROPOSAL, CaseStep.WARD_MEETING, CaseStep.EXECUTION_REVIEW};
    for (CaseStep s : prison) {
      check(s, Set.of(s.owner()), DAY);
      sign(s, DAY);
    }
    assertEquals(Optional.of(CaseStep.COMMITTEE), kase().nextStep());
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStep.class,
      names = {"PROPOSAL"},
      mode = EnumSource.Mode.EXCLUDE)
  void noStepCanBeSkippedOnANewCase(CaseStep step) {
    CaseRuleException e = assertThrows(CaseRuleException.class, () -> check(step, ALL, DAY));
    assertEquals("case.error.order", e.messageKey());
    assertEquals(CaseRuleException.Kind.STATE, e.kind());
  }

  @Test
  void aStepTakenByAnotherRoleIsRefusedAtEveryPointOfTheWay() {
    CaseStep[] order = {CaseStep.PROPOSAL, CaseStep.WARD_MEETING, CaseStep.EXECUTION_REVIEW};
    for (CaseStep s : order) {
      Set<Role> wrong = EnumSet.allOf(Role.class);
      wrong.remove(s.owner());
      CaseRuleException e = assertThrows(CaseRuleException.class, () -> check(s, wrong, DAY));
      assertEquals("case.error.stepRole", e.messageKey());
      sign(s, DAY);
    }
  }

  @Test
  void theCommitteeNeedsNineMembersAQuorumAndAMajorityOfAllMembers() {
    sign(CaseStep.PROPOSAL, DAY);
    sign(CaseStep.WARD_MEETING, DAY);
    sign(CaseStep.EXECUTION_REVIEW, DAY);
    // eight members are too few
    CaseRuleException small =
        assertThrows(
            CaseRuleException.class,
            () ->
                kase()
                    .checkStep(
                        CaseStep.COMMITTEE, ALL, DAY, CALENDAR, members(8), null, null, null, DAY));
    assertEquals("case.error.committeeSize", small.messageKey());
    // five of nine present: no quorum (two thirds = 6)
    for (int i = 1; i <= 5; i++) {
      vote(i, VoteChoice.AGREE);
    }
    CaseRuleException noQuorum =
        assertThrows(CaseRuleException.class, () -> check(CaseStep.COMMITTEE, ALL, DAY));
    assertEquals("case.error.quorum", noQuorum.messageKey());
    assertEquals(List.of(5, 6), List.of(noQuorum.arguments()));
    // a sixth, abstaining: quorate, 5 of 9 agree is a majority of all members
    vote(6, VoteChoice.ABSTAIN);
    ReductionCase.Tally t = kase().tally(NINE);
    assertEquals(6, t.present());
    assertTrue(t.quorate());
    assertEquals("APPROVED", check(CaseStep.COMMITTEE, ALL, DAY).choice());
  }

  @Test
  void fourOfNineAgreeingIsNoMajorityAndTheCaseEndsRejected() {
    sign(CaseStep.PROPOSAL, DAY);
    sign(CaseStep.WARD_MEETING, DAY);
    sign(CaseStep.EXECUTION_REVIEW, DAY);
    for (int i = 1; i <= 4; i++) {
      vote(i, VoteChoice.AGREE);
    }
    vote(5, VoteChoice.DISAGREE);
    vote(6, VoteChoice.ABSTAIN);
    assertEquals("REJECTED", check(CaseStep.COMMITTEE, ALL, DAY).choice());
    sign(CaseStep.COMMITTEE, DAY, "REJECTED");
    assertTrue(kase().isClosed());
    assertEquals("REJECTED", kase().status());
    assertEquals(Optional.empty(), kase().nextStep());
    assertEquals(
        "case.error.closed",
        assertThrows(CaseRuleException.class, () -> check(CaseStep.POSTING, ALL, DAY))
            .messageKey());
  }

  @Test
  void votesAreOnlyByMembersOnlyAtTheCommitteeAndOnlyOnce() {
    sign(CaseStep.PROPOSAL, DAY);
    assertEquals(
        "case.error.notAtCommittee",
        assertThrows(
                CaseRuleException.class,
                () -> kase().checkVote("committee1", NINE, VoteChoice.AGREE))
            .messageKey());
    sign(CaseStep.WARD_MEETING, DAY);
    sign(CaseStep.EXECUTION_REVIEW, DAY);
    CaseRuleException outsider =
        assertThrows(
            CaseRuleException.class, () -> kase().checkVote("officer1", NINE, VoteChoice.AGREE));
    assertEquals("case.error.notOnCommittee", outsider.messageKey());
    assertEquals(CaseRuleException.Kind.ROLE, outsider.kind());
    kase().checkVote("committee1", NINE, VoteChoice.AGREE);
    vote(1, VoteChoice.AGREE);
    assertEquals(
        "case.error.alreadyVoted",
        assertThrows(
                CaseRuleException.class,
                () -> kase().checkVote("committee1", NINE, VoteChoice.DISAGREE))
            .messageKey());
  }

  @Test
  void postingRunsFiveWorkingDaysAcrossAHolidayAndBlocksTheDirectorAndTheSubmissionUntilItEnds() {
    throughCommittee();
    sign(CaseStep.POSTING, DAY);
    // Mon 28 Sep: 29, 30 Sep, (1,2 Oct holiday, 3,4 weekend, 5,6,7 holiday), 8, 9 Oct, Sat 10
    // worked
    assertEquals(Optional.of(LocalDate.of(2026, 10, 10)), kase().postingEnds(CALENDAR));
    CaseRuleException open =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(CaseStep.DIRECTOR_MEETING, Set.of(Role.WARDEN), LocalDate.of(2026, 10, 10)));
    assertEquals("case.error.postingOpen", open.messageKey());
    assertEquals(
        "case.error.order",
        assertThrows(
                CaseRuleException.class,
                () ->
                    check(CaseStep.SUBMISSION, Set.of(Role.EXECUTION), LocalDate.of(2026, 10, 10)))
            .messageKey());
    check(CaseStep.DIRECTOR_MEETING, Set.of(Role.WARDEN), LocalDate.of(2026, 10, 11));
  }

  @Test
  void objectionsAreTakenOnlyWhilePostingAndMakeAHearingMandatory() {
    throughCommittee();
    assertEquals(
        "case.error.postingClosed",
        assertThrows(
                CaseRuleException.class, () -> kase().checkPostingObjection(DAY, CALENDAR, "x"))
            .messageKey());
    sign(CaseStep.POSTING, DAY);
    kase().checkPostingObjection(LocalDate.of(2026, 10, 10), CALENDAR, "他的表扬有问题");
    assertEquals(
        "case.error.postingClosed",
        assertThrows(
                CaseRuleException.class,
                () -> kase().checkPostingObjection(LocalDate.of(2026, 10, 11), CALENDAR, "太晚"))
            .messageKey());
    assertFalse(kase().hearingRequired());
    add(CaseEventType.POSTING_OBJECTION, null, null, DAY, null);
    assertTrue(kase().hearingRequired());
  }

  @Test
  void aCaseGoesBackToAnEarlierStepWithAReasonAndTheCommitteeVotesAgain() {
    throughCommittee();
    assertEquals(9, kase().votes().size());
    ReductionCase k = kase();
    assertEquals(
        "case.error.reason",
        assertThrows(CaseRuleException.class, () -> k.checkReturn(CaseStep.WARD_MEETING, ALL, " "))
            .messageKey());
    assertEquals(
        "case.error.returnTarget",
        assertThrows(CaseRuleException.class, () -> k.checkReturn(CaseStep.POSTING, ALL, "x"))
            .messageKey());
    assertEquals(
        "case.error.stepRole",
        assertThrows(
                CaseRuleException.class,
                () -> k.checkReturn(CaseStep.WARD_MEETING, Set.of(Role.OFFICER), "x"))
            .messageKey());
    k.checkReturn(CaseStep.WARD_MEETING, Set.of(Role.EXECUTION), "材料不全");
    add(CaseEventType.RETURN, CaseStep.WARD_MEETING, null, DAY, null);
    assertEquals(Optional.of(CaseStep.WARD_MEETING), kase().nextStep());
    assertEquals(0, kase().votes().size());
    assertEquals(List.of(CaseStep.PROPOSAL), kase().done());
  }

  @Test
  void noReturnOnceSubmitted() {
    throughSubmission();
    assertEquals(
        "case.error.submitted",
        assertThrows(CaseRuleException.class, () -> kase().checkReturn(CaseStep.PROPOSAL, ALL, "x"))
            .messageKey());
  }

  @Test
  void theCourtsStepsDeadlinesAndTheRulingsConditions() {
    throughSubmission();
    LocalDate submitted = LocalDate.of(2026, 10, 14);
    assertEquals(Optional.of(submitted.plusDays(10)), kase().procuratorateDue());
    check(CaseStep.COURT_RECEIPT, Set.of(Role.JUDGE), submitted.plusDays(1));
    sign(CaseStep.COURT_RECEIPT, submitted.plusDays(1));
    assertEquals(Optional.of(submitted.plusDays(1).plusMonths(1)), kase().rulingDue());
    sign(CaseStep.COURT_POSTING, submitted.plusDays(2));
    LocalDate postEnd = submitted.plusDays(7);
    assertEquals(Optional.of(CaseStep.RULING), kase().nextStep());
    // before the court's posting ends
    assertEquals(
        "case.error.courtPosting",
        assertThrows(
                CaseRuleException.class,
                () -> check(CaseStep.RULING, Set.of(Role.JUDGE), postEnd.minusDays(1)))
            .messageKey());
    // the procuratorate's period still runs and it has not spoken
    assertEquals(
        "case.error.awaitingProcuratorate",
        assertThrows(
                CaseRuleException.class, () -> check(CaseStep.RULING, Set.of(Role.JUDGE), postEnd))
            .messageKey());
    // an extension, once
    kase().checkExtension();
    add(CaseEventType.PROCURATORATE_EXTENSION, null, null, null, null);
    assertEquals(Optional.of(submitted.plusDays(20)), kase().procuratorateDue());
    assertEquals(
        "case.error.extendedAlready",
        assertThrows(CaseRuleException.class, () -> kase().checkExtension()).messageKey());
    // a late opinion is accepted and flagged; an objection makes the hearing mandatory
    assertTrue(kase().checkOpinion(submitted.plusDays(21), "OBJECT", "表扬依据不足"));
    assertFalse(kase().checkOpinion(submitted.plusDays(20), "AGREE", null));
    add(CaseEventType.PROCURATORATE_OPINION, null, "OBJECT", null, null);
    assertEquals(Optional.of(CaseStep.HEARING), kase().nextStep());
    assertEquals(
        "case.error.order",
        assertThrows(
                CaseRuleException.class, () -> check(CaseStep.RULING, Set.of(Role.JUDGE), postEnd))
            .messageKey());
    assertEquals(
        "case.error.hearingDate",
        assertThrows(
                CaseRuleException.class,
                () ->
                    kase()
                        .checkStep(
                            CaseStep.HEARING,
                            Set.of(Role.JUDGE),
                            postEnd,
                            CALENDAR,
                            NINE,
                            null,
                            null,
                            null,
                            postEnd.plusDays(1)))
            .messageKey());
    sign(CaseStep.HEARING, postEnd);
    // the ruling: months within the maximum, or a refusal with reasons
    ReductionCase k = kase();
    CaseRuleException above =
        assertThrows(
            CaseRuleException.class,
            () ->
                k.checkStep(
                    CaseStep.RULING,
                    Set.of(Role.JUDGE),
                    postEnd,
                    CALENDAR,
                    NINE,
                    "GRANTED",
                    10,
                    null,
                    null));
    assertEquals("case.error.rulingMonths", above.messageKey());
    // the refusal names the maximum it enforces and the article of it: one reduction's maximum
    // by the kind of performance (法释〔2016〕23号第六条第二款)
    assertEquals(java.util.List.of(9, "法释〔2016〕23号第六条第二款"), java.util.List.of(above.arguments()));
    // issue 16: a strict category's limit rests on 第七条 (第一款 for ten years or less, 第二款
    // above them and for the violent offences of ten years): the case kept that article with the
    // limit, and the refusal names it, not the general 第六条第二款
    for (String article : java.util.List.of("法释〔2016〕23号第七条第一款", "法释〔2016〕23号第七条第二款")) {
      ReductionCase strict = k.withLimitArticle(article);
      CaseRuleException refused =
          assertThrows(
              CaseRuleException.class,
              () ->
                  strict.checkStep(
                      CaseStep.RULING,
                      Set.of(Role.JUDGE),
                      postEnd,
                      CALENDAR,
                      NINE,
                      "GRANTED",
                      10,
                      null,
                      null));
      assertEquals("case.error.rulingMonths", refused.messageKey());
      assertEquals(java.util.List.of(9, article), java.util.List.of(refused.arguments()));
      assertEquals(article, strict.limitArticle());
    }
    assertEquals(
        "case.error.reason",
        assertThrows(
                CaseRuleException.class,
                () ->
                    k.checkStep(
                        CaseStep.RULING,
                        Set.of(Role.JUDGE),
                        postEnd,
                        CALENDAR,
                        NINE,
                        "REFUSED",
                        null,
                        "",
                        null))
            .messageKey());
    assertEquals(
        "GRANTED",
        k.checkStep(
                CaseStep.RULING,
                Set.of(Role.JUDGE),
                postEnd,
                CALENDAR,
                NINE,
                "GRANTED",
                9,
                null,
                null)
            .choice());
    sign(CaseStep.RULING, postEnd, "GRANTED");
    assertEquals("GRANTED", kase().status());
    // service within 7 days; later is accepted and flagged
    assertFalse(check(CaseStep.SERVICE, Set.of(Role.EXECUTION), postEnd.plusDays(7)).late());
    assertTrue(check(CaseStep.SERVICE, Set.of(Role.EXECUTION), postEnd.plusDays(8)).late());
    sign(CaseStep.SERVICE, postEnd.plusDays(2));
    assertTrue(kase().isClosed());
  }

  @Test
  void aHearingRequiredByTheFactsComesBeforeTheRuling() {
    history.clear();
    throughSubmission();
    sign(CaseStep.COURT_RECEIPT, DAY.plusDays(20));
    sign(CaseStep.COURT_POSTING, DAY.plusDays(20));
    assertEquals(Optional.of(CaseStep.HEARING), kase(true).nextStep());
    assertEquals(Optional.of(CaseStep.RULING), kase(false).nextStep());
  }
}
