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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16, deliverable 6: life and 死缓 cases through the provincial bureau to the high court
 * (司法部令第130号第四条; 法释〔2014〕5号第一条), the court's extension (not for 死缓), the mandatory hearing
 * (法释〔2014〕5号第六条) and the committee's 复核 of posting objections (司法部令第130号第十一条).
 */
class LifeCasePathTest {

  // a Monday; no holidays in this calendar
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final WorkingCalendar CALENDAR = new WorkingCalendar(Map.of());
  private static final Set<String> NINE = nine();
  private static final LocalDate POSTED_OUT = LocalDate.of(2026, 3, 10);

  private final List<CaseEvent> history = new ArrayList<>();
  private long ids;

  private static Set<String> nine() {
    Set<String> s = new LinkedHashSet<>();
    for (int i = 1; i <= 9; i++) {
      s.add("committee" + i);
    }
    return s;
  }

  private ReductionCase kase(CaseTrack track) {
    return kase(track, false);
  }

  private ReductionCase kase(CaseTrack track, boolean hearingByFacts) {
    return new ReductionCase(
        CaseKind.REDUCTION,
        track,
        ReductionCase.BUREAU_WORKING_DAYS,
        264,
        5,
        hearingByFacts,
        history);
  }

  private void add(CaseEventType type, CaseStep step, String by, String choice, LocalDate on) {
    history.add(
        new CaseEvent(
            ++ids,
            type,
            step,
            by,
            "ROLE",
            Instant.EPOCH,
            "note",
            choice,
            null,
            on,
            by,
            null,
            false));
  }

  private void sign(CaseStep step, LocalDate on) {
    add(CaseEventType.STEP, step, "someone", null, on);
  }

  private void sign(CaseStep step, String by, String choice, LocalDate on) {
    add(CaseEventType.STEP, step, by, choice, on);
  }

  private void throughPosting() {
    sign(CaseStep.PROPOSAL, DAY);
    sign(CaseStep.WARD_MEETING, DAY);
    sign(CaseStep.EXECUTION_REVIEW, DAY);
    for (int i = 1; i <= 9; i++) {
      add(CaseEventType.VOTE, CaseStep.COMMITTEE, "committee" + i, "AGREE", DAY);
    }
    sign(CaseStep.COMMITTEE, "execution1", "APPROVED", DAY);
    sign(CaseStep.POSTING, DAY);
  }

  private void throughSubmission() {
    throughPosting();
    sign(CaseStep.DIRECTOR_MEETING, POSTED_OUT);
    sign(CaseStep.SUBMISSION, POSTED_OUT);
  }

  private void throughBureau() {
    throughSubmission();
    sign(CaseStep.BUREAU_REVIEW, "bureau1", null, POSTED_OUT.plusDays(3));
    sign(CaseStep.BUREAU_DECISION, "bureau2", "APPROVED", POSTED_OUT.plusDays(7));
  }

  private ReductionCase.StepCheck check(
      ReductionCase k,
      CaseStep step,
      String signer,
      Role role,
      LocalDate today,
      String choice,
      String note) {
    return k.checkStep(step, signer, Set.of(role), today, CALENDAR, NINE, choice, 240, note, today);
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseTrack.class,
      names = {"LIFE", "DEATH_REPRIEVE"})
  void lifeAndDeathReprieveGoThroughTheBureauToTheHighCourt(CaseTrack track) {
    List<CaseStep> path = kase(track).path();
    int submission = path.indexOf(CaseStep.SUBMISSION);
    assertEquals(CaseStep.BUREAU_REVIEW, path.get(submission + 1));
    assertEquals(CaseStep.BUREAU_DECISION, path.get(submission + 2));
    assertEquals(CaseStep.COURT_RECEIPT, path.get(submission + 3));
    throughSubmission();
    ReductionCase k = kase(track);
    assertEquals(Optional.of(CaseStep.BUREAU_REVIEW), k.nextStep());
    assertFalse(k.isAtCourt(), "not before the court until the bureau approves");
    // the intermediate court's judge has no part in it; the high court's neither before the bureau
    CaseRuleException wrong =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(
                    k,
                    CaseStep.COURT_RECEIPT,
                    "highjudge1",
                    Role.HIGH_JUDGE,
                    POSTED_OUT,
                    null,
                    "x"));
    assertEquals("case.error.order", wrong.messageKey());
    CaseRuleException role =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(
                    k,
                    CaseStep.BUREAU_REVIEW,
                    "execution1",
                    Role.EXECUTION,
                    POSTED_OUT,
                    null,
                    "x"));
    assertEquals("case.error.stepRole", role.messageKey());
    assertEquals(Role.BUREAU, k.owner(CaseStep.BUREAU_REVIEW));
    assertEquals(Role.HIGH_JUDGE, k.owner(CaseStep.RULING));
    assertEquals(Role.HIGH_JUDGE, k.owner(CaseStep.COURT_RECEIPT));

    throughBureauSteps();
    ReductionCase approved = kase(track);
    assertTrue(approved.isAtCourt());
    assertEquals(Optional.of(CaseStep.COURT_RECEIPT), approved.nextStep());
    CaseRuleException judge =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(
                    approved, CaseStep.COURT_RECEIPT, "judge1", Role.JUDGE, POSTED_OUT, null, "x"));
    assertEquals("case.error.stepRole", judge.messageKey());
    assertEquals(
        "role.HIGH_JUDGE", judge.arguments()[1], "the refusal names the high court's judge");
    check(approved, CaseStep.COURT_RECEIPT, "highjudge1", Role.HIGH_JUDGE, POSTED_OUT, null, "");
  }

  private void throughBureauSteps() {
    sign(CaseStep.BUREAU_REVIEW, "bureau1", null, POSTED_OUT.plusDays(3));
    sign(CaseStep.BUREAU_DECISION, "bureau2", "APPROVED", POSTED_OUT.plusDays(7));
  }

  @Test
  void aFixedTermGoesStraightToTheIntermediateCourt() {
    List<CaseStep> path = kase(CaseTrack.FIXED_TERM).path();
    assertFalse(path.contains(CaseStep.BUREAU_REVIEW));
    assertFalse(path.contains(CaseStep.BUREAU_DECISION));
    assertFalse(path.contains(CaseStep.RECHECK), "no 复核 without an objection");
    assertFalse(path.contains(CaseStep.HEARING), "no mandatory hearing on these facts");
    throughSubmission();
    ReductionCase k = kase(CaseTrack.FIXED_TERM);
    assertTrue(k.isAtCourt());
    assertEquals(Optional.of(CaseStep.COURT_RECEIPT), k.nextStep());
    assertEquals(Role.JUDGE, k.owner(CaseStep.RULING));
    assertTrue(k.bureauDue(CALENDAR).isEmpty());
  }

  @Test
  void theBureauDecidesBySomeoneElseThanItsReviewerAndEitherApprovesOrRejectsWithAReason() {
    throughSubmission();
    CaseRuleException noOpinion =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(
                    kase(CaseTrack.LIFE),
                    CaseStep.BUREAU_REVIEW,
                    "bureau1",
                    Role.BUREAU,
                    POSTED_OUT,
                    null,
                    " "));
    assertEquals("case.error.bureauOpinion", noOpinion.messageKey());
    sign(CaseStep.BUREAU_REVIEW, "bureau1", null, POSTED_OUT.plusDays(1));
    ReductionCase k = kase(CaseTrack.LIFE);
    CaseRuleException same =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(
                    k,
                    CaseStep.BUREAU_DECISION,
                    "bureau1",
                    Role.BUREAU,
                    POSTED_OUT,
                    "APPROVED",
                    "同意"));
    assertEquals("case.error.bureauSameSigner", same.messageKey());
    assertEquals(CaseRuleException.Kind.ROLE, same.kind());
    assertEquals(
        "case.error.bureauChoice",
        assertThrows(
                CaseRuleException.class,
                () ->
                    check(
                        k,
                        CaseStep.BUREAU_DECISION,
                        "bureau2",
                        Role.BUREAU,
                        POSTED_OUT,
                        "MAYBE",
                        "x"))
            .messageKey());
    assertEquals(
        "case.error.reason",
        assertThrows(
                CaseRuleException.class,
                () ->
                    check(
                        k,
                        CaseStep.BUREAU_DECISION,
                        "bureau2",
                        Role.BUREAU,
                        POSTED_OUT,
                        "REJECTED",
                        ""))
            .messageKey());
    assertEquals(
        "REJECTED",
        check(k, CaseStep.BUREAU_DECISION, "bureau2", Role.BUREAU, POSTED_OUT, "REJECTED", "材料不全")
            .choice());
    sign(CaseStep.BUREAU_DECISION, "bureau2", "REJECTED", POSTED_OUT.plusDays(2));
    ReductionCase rejected = kase(CaseTrack.LIFE);
    assertTrue(rejected.isClosed());
    assertEquals("BUREAU_REJECTED", rejected.status());
    assertFalse(rejected.isAtCourt());
    assertTrue(rejected.nextStep().isEmpty());
  }

  @Test
  void theBureauHasItsOwnDeadlineAndALateStepIsFlagged() {
    throughSubmission();
    ReductionCase k = kase(CaseTrack.DEATH_REPRIEVE);
    // 20 working days after Tuesday 10 March: four weeks on
    LocalDate due = LocalDate.of(2026, 4, 7);
    assertEquals(Optional.of(due), k.bureauDue(CALENDAR));
    assertEquals(Optional.of(due), k.nextDeadline(CALENDAR));
    assertFalse(check(k, CaseStep.BUREAU_REVIEW, "bureau1", Role.BUREAU, due, null, "审查同意").late());
    assertTrue(
        check(k, CaseStep.BUREAU_REVIEW, "bureau1", Role.BUREAU, due.plusDays(1), null, "审查同意")
            .late());
  }

  @Test
  void theHighCourtMayExtendALifeCaseByOneMonthOnce() {
    throughBureau();
    ReductionCase before = kase(CaseTrack.LIFE);
    assertEquals(
        "case.error.courtExtension",
        assertThrows(
                CaseRuleException.class,
                () -> before.checkCourtExtension(Set.of(Role.HIGH_JUDGE), "案情复杂"))
            .messageKey(),
        "nothing to extend before the court received the case");
    LocalDate received = LocalDate.of(2026, 3, 20);
    sign(CaseStep.COURT_RECEIPT, received);
    assertEquals(Optional.of(received.plusMonths(1)), kase(CaseTrack.LIFE).rulingDue());
    assertEquals(
        "case.error.stepRole",
        assertThrows(
                CaseRuleException.class,
                () -> kase(CaseTrack.LIFE).checkCourtExtension(Set.of(Role.JUDGE), "案情复杂"))
            .messageKey());
    assertEquals(
        "case.error.reason",
        assertThrows(
                CaseRuleException.class,
                () -> kase(CaseTrack.LIFE).checkCourtExtension(Set.of(Role.HIGH_JUDGE), " "))
            .messageKey());
    kase(CaseTrack.LIFE).checkCourtExtension(Set.of(Role.HIGH_JUDGE), "案情复杂");
    add(CaseEventType.COURT_EXTENSION, null, "highjudge1", null, received.plusDays(3));
    ReductionCase extended = kase(CaseTrack.LIFE);
    assertEquals(Optional.of(received.plusMonths(2)), extended.rulingDue());
    assertEquals(
        "case.error.courtExtendedAlready",
        assertThrows(
                CaseRuleException.class,
                () -> extended.checkCourtExtension(Set.of(Role.HIGH_JUDGE), "再延"))
            .messageKey());
  }

  @Test
  void aDeathReprieveCaseHasNoExtensionAndTheRefusalNamesTheArticle() {
    throughBureau();
    sign(CaseStep.COURT_RECEIPT, LocalDate.of(2026, 3, 20));
    CaseRuleException e =
        assertThrows(
            CaseRuleException.class,
            () ->
                kase(CaseTrack.DEATH_REPRIEVE).checkCourtExtension(Set.of(Role.HIGH_JUDGE), "复杂"));
    assertEquals("case.error.noCourtExtension", e.messageKey());
    assertEquals("法释〔2014〕5号第一条", e.arguments()[0]);
    assertEquals(
        Optional.of(LocalDate.of(2026, 4, 20)), kase(CaseTrack.DEATH_REPRIEVE).rulingDue());
  }

  @Test
  void theIntermediateCourtMayExtendAFixedTermToo() {
    throughSubmission();
    sign(CaseStep.COURT_RECEIPT, POSTED_OUT);
    kase(CaseTrack.FIXED_TERM).checkCourtExtension(Set.of(Role.JUDGE), "案情复杂");
    assertThrows(
        CaseRuleException.class,
        () -> kase(CaseTrack.FIXED_TERM).checkCourtExtension(Set.of(Role.HIGH_JUDGE), "案情复杂"));
  }

  @Test
  void anObjectionDuringThePostingPutsTheCommitteesRecheckBeforeTheDirectorsMeeting() {
    throughPosting();
    assertEquals(Optional.of(CaseStep.DIRECTOR_MEETING), kase(CaseTrack.LIFE).nextStep());
    kase(CaseTrack.LIFE).checkPostingObjection(DAY.plusDays(2), CALENDAR, "请核实");
    add(CaseEventType.POSTING_OBJECTION, null, "inmate2", null, DAY.plusDays(2));
    ReductionCase k = kase(CaseTrack.LIFE);
    assertEquals(Optional.of(CaseStep.RECHECK), k.nextStep());
    assertTrue(k.hearingRequired(), "第六条第（三）项: an objection during the posting");
    assertEquals(Optional.of(LocalDate.of(2026, 3, 9)), k.nextDeadline(CALENDAR));
    // the warden cannot hold the meeting first
    assertEquals(
        "case.error.order",
        assertThrows(
                CaseRuleException.class,
                () ->
                    check(
                        k,
                        CaseStep.DIRECTOR_MEETING,
                        "warden1",
                        Role.WARDEN,
                        POSTED_OUT,
                        null,
                        "x"))
            .messageKey());
    // not while the posting runs, and only with the result told
    assertEquals(
        "case.error.postingOpen",
        assertThrows(
                CaseRuleException.class,
                () ->
                    check(
                        k,
                        CaseStep.RECHECK,
                        "execution1",
                        Role.EXECUTION,
                        DAY.plusDays(3),
                        null,
                        "维持"))
            .messageKey());
    assertEquals(
        "case.error.recheckNote",
        assertThrows(
                CaseRuleException.class,
                () ->
                    check(k, CaseStep.RECHECK, "execution1", Role.EXECUTION, POSTED_OUT, null, ""))
            .messageKey());
    assertEquals(
        "case.error.stepRole",
        assertThrows(
                CaseRuleException.class,
                () -> check(k, CaseStep.RECHECK, "warden1", Role.WARDEN, POSTED_OUT, null, "维持"))
            .messageKey());
    assertEquals(
        "UPHELD",
        check(k, CaseStep.RECHECK, "execution1", Role.EXECUTION, POSTED_OUT, null, "经复核，维持")
            .choice());
    sign(CaseStep.RECHECK, "execution1", "UPHELD", POSTED_OUT);
    ReductionCase rechecked = kase(CaseTrack.LIFE);
    assertEquals(Optional.of(CaseStep.DIRECTOR_MEETING), rechecked.nextStep());
    assertThrows(
        CaseRuleException.class,
        () -> rechecked.checkPostingObjection(DAY.plusDays(3), CALENDAR, "又一条"),
        "no more objections once the recheck is done");
  }

  @Test
  void aNewPostingAfterAReturnNeedsNoRecheckOfTheOldObjectionsButTheHearingStaysMandatory() {
    throughPosting();
    add(CaseEventType.POSTING_OBJECTION, null, "inmate2", null, DAY.plusDays(2));
    add(CaseEventType.RETURN, CaseStep.COMMITTEE, "execution1", null, POSTED_OUT);
    for (int i = 1; i <= 9; i++) {
      add(CaseEventType.VOTE, CaseStep.COMMITTEE, "committee" + i, "AGREE", POSTED_OUT);
    }
    sign(CaseStep.COMMITTEE, "execution1", "APPROVED", POSTED_OUT);
    sign(CaseStep.POSTING, POSTED_OUT);
    ReductionCase k = kase(CaseTrack.FIXED_TERM);
    assertEquals(Optional.of(CaseStep.DIRECTOR_MEETING), k.nextStep());
    assertTrue(k.hearingRequired());
  }

  @Test
  void anObjectionDuringTheCourtsPostingMakesTheHearingMandatory() {
    throughBureau();
    LocalDate received = LocalDate.of(2026, 3, 20);
    sign(CaseStep.COURT_RECEIPT, received);
    assertEquals(
        "case.error.courtPostingClosed",
        assertThrows(
                CaseRuleException.class,
                () ->
                    kase(CaseTrack.LIFE)
                        .checkCourtPostingObjection(Set.of(Role.HIGH_JUDGE), received, "异议"))
            .messageKey(),
        "before the court's posting there is nothing to object to");
    sign(CaseStep.COURT_POSTING, received);
    ReductionCase posted = kase(CaseTrack.LIFE);
    assertFalse(posted.hearingRequired());
    assertFalse(posted.path().contains(CaseStep.HEARING));
    assertEquals(
        "case.error.stepRole",
        assertThrows(
                CaseRuleException.class,
                () -> posted.checkCourtPostingObjection(Set.of(Role.JUDGE), received, "异议"))
            .messageKey());
    assertEquals(
        "case.error.courtPostingClosed",
        assertThrows(
                CaseRuleException.class,
                () ->
                    posted.checkCourtPostingObjection(
                        Set.of(Role.HIGH_JUDGE), received.plusDays(6), "异议"))
            .messageKey());
    posted.checkCourtPostingObjection(Set.of(Role.HIGH_JUDGE), received.plusDays(5), "被害人家属异议");
    add(CaseEventType.COURT_POSTING_OBJECTION, null, "highjudge1", null, received.plusDays(5));
    ReductionCase k = kase(CaseTrack.LIFE);
    assertTrue(k.hearingRequired());
    assertEquals(Optional.of(CaseStep.HEARING), k.nextStep());
    CaseRuleException ruling =
        assertThrows(
            CaseRuleException.class,
            () ->
                check(
                    k,
                    CaseStep.RULING,
                    "highjudge1",
                    Role.HIGH_JUDGE,
                    received.plusDays(6),
                    "GRANTED",
                    "x"));
    assertEquals("case.error.order", ruling.messageKey());
  }

  @Test
  void majorMeritAndNonStandardAmountsOrWaitsPutTheHearingOnThePath() {
    assertTrue(kase(CaseTrack.LIFE, true).path().contains(CaseStep.HEARING));
    assertTrue(kase(CaseTrack.LIFE, true).hearingRequired());
    assertFalse(kase(CaseTrack.LIFE, false).path().contains(CaseStep.HEARING));
  }

  @Test
  void theWholeLifePathEndsWithTheHighCourtsRulingAndService() {
    throughBureau();
    LocalDate received = LocalDate.of(2026, 3, 20);
    sign(CaseStep.COURT_RECEIPT, received);
    sign(CaseStep.COURT_POSTING, received);
    add(CaseEventType.PROCURATORATE_OPINION, null, "prosecutor1", "AGREE", received);
    ReductionCase k = kase(CaseTrack.LIFE);
    assertEquals(Optional.of(CaseStep.RULING), k.nextStep());
    // a life term commuted to more than the case's limit is refused naming the commutation's
    // article (法释〔2016〕23号第八条), not a fixed term's maximum per reduction
    CaseRuleException above =
        assertThrows(
            CaseRuleException.class,
            () ->
                k.checkStep(
                    CaseStep.RULING,
                    "highjudge1",
                    Set.of(Role.HIGH_JUDGE),
                    received.plusDays(6),
                    CALENDAR,
                    NINE,
                    "GRANTED",
                    265,
                    "",
                    received.plusDays(6)));
    assertEquals("case.error.rulingMonths", above.messageKey());
    assertEquals(List.of(264, "法释〔2016〕23号第八条"), List.of(above.arguments()));
    // issue 16: a strict category's life term (第九条: 减为二十年以上二十二年以下) and a 死缓 reached life
    // (第十条, strict 第十一条): the case kept the article of its commuted range, the refusal names it
    for (String article : List.of("法释〔2016〕23号第九条", "法释〔2016〕23号第十条第一款", "法释〔2016〕23号第十一条")) {
      ReductionCase kept = k.withLimitArticle(article);
      CaseRuleException refused =
          assertThrows(
              CaseRuleException.class,
              () ->
                  kept.checkStep(
                      CaseStep.RULING,
                      "highjudge1",
                      Set.of(Role.HIGH_JUDGE),
                      received.plusDays(6),
                      CALENDAR,
                      NINE,
                      "GRANTED",
                      265,
                      "",
                      received.plusDays(6)));
      assertEquals(List.of(264, article), List.of(refused.arguments()));
    }
    assertEquals(
        "GRANTED",
        check(
                k,
                CaseStep.RULING,
                "highjudge1",
                Role.HIGH_JUDGE,
                received.plusDays(6),
                "GRANTED",
                "")
            .choice());
    sign(CaseStep.RULING, "highjudge1", "GRANTED", received.plusDays(6));
    assertEquals(Optional.of(CaseStep.SERVICE), kase(CaseTrack.LIFE).nextStep());
    assertEquals(Role.EXECUTION, kase(CaseTrack.LIFE).owner(CaseStep.SERVICE));
    sign(CaseStep.SERVICE, received.plusDays(7));
    assertEquals("GRANTED", kase(CaseTrack.LIFE).status());
    assertTrue(kase(CaseTrack.LIFE).isClosed());
  }
}
