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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the committee's 复核 of posting objections (司法部令第130号第十一条) either upholds the proposal
 * or, finding an objection founded, changes its amount. The article does not say whether a changed
 * proposal is posted again; we read it the way that gives the inmate and the public the most
 * notice: the changed proposal is posted again, with its own dates, before the director's meeting.
 */
class RecheckChangeTest {

  // a Monday; no holidays in this calendar
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final WorkingCalendar CALENDAR = new WorkingCalendar(Map.of());
  private static final LocalDate POSTED_OUT = LocalDate.of(2026, 3, 10);

  private final List<CaseEvent> history = new ArrayList<>();
  private long ids;

  private ReductionCase kase() {
    return kase(CaseKind.REDUCTION);
  }

  private ReductionCase kase(CaseKind kind) {
    return new ReductionCase(kind, 9, 5, false, history);
  }

  private void add(CaseEventType type, CaseStep step, String choice, Integer months, LocalDate on) {
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
            months,
            on,
            type == CaseEventType.VOTE ? "committee" + ids : null,
            null,
            false));
  }

  private void sign(CaseStep step, LocalDate on) {
    add(CaseEventType.STEP, step, null, null, on);
  }

  /** Proposed 9 months, approved, posted on DAY, one objection during the posting. */
  private void objectedTo(Integer proposed) {
    add(CaseEventType.STEP, CaseStep.PROPOSAL, null, proposed, DAY);
    sign(CaseStep.WARD_MEETING, DAY);
    sign(CaseStep.EXECUTION_REVIEW, DAY);
    add(CaseEventType.STEP, CaseStep.COMMITTEE, "APPROVED", null, DAY);
    sign(CaseStep.POSTING, DAY);
    add(CaseEventType.POSTING_OBJECTION, null, null, null, DAY.plusDays(2));
  }

  private ReductionCase.StepCheck recheck(
      ReductionCase k, LocalDate today, String choice, Integer months, String note) {
    return k.checkStep(
        CaseStep.RECHECK,
        "execution1",
        Set.of(Role.EXECUTION),
        today,
        CALENDAR,
        Set.of(),
        choice,
        months,
        note,
        today);
  }

  private String refusal(Runnable r) {
    return assertThrows(CaseRuleException.class, r::run).messageKey();
  }

  @Test
  void aRecheckWithoutAChoiceOrUpheldLeavesTheProposalStanding() {
    objectedTo(9);
    ReductionCase k = kase();
    assertEquals("UPHELD", recheck(k, POSTED_OUT, null, null, "经复核，异议不成立").choice());
    assertEquals("UPHELD", recheck(k, POSTED_OUT, "UPHELD", 6, "经复核，异议不成立").choice());
    add(CaseEventType.STEP, CaseStep.RECHECK, "UPHELD", null, POSTED_OUT);
    ReductionCase upheld = kase();
    assertEquals(Optional.of(CaseStep.DIRECTOR_MEETING), upheld.nextStep());
    assertEquals(9, upheld.proposedMonths());
    assertTrue(upheld.recheckChange().isEmpty());
  }

  @Test
  void aChangedRecheckNeedsALawfulNewAmountAndTheResultWritten() {
    objectedTo(9);
    ReductionCase k = kase();
    assertEquals(
        "case.error.recheckNote", refusal(() -> recheck(k, POSTED_OUT, "CHANGED", 6, " ")));
    assertEquals(
        "case.error.recheckMonths", refusal(() -> recheck(k, POSTED_OUT, "CHANGED", null, "x")));
    assertEquals(
        "case.error.recheckMonths", refusal(() -> recheck(k, POSTED_OUT, "CHANGED", 0, "x")));
    assertEquals(
        "case.error.recheckAboveLimit",
        refusal(() -> recheck(k, POSTED_OUT, "CHANGED", 10, "x")),
        "above the limit the proposal kept");
    assertEquals(
        "case.error.recheckSame", refusal(() -> recheck(k, POSTED_OUT, "CHANGED", 9, "x")));
    assertEquals(
        "case.error.recheckChoice", refusal(() -> recheck(k, POSTED_OUT, "GRANTED", 6, "x")));
    assertEquals(
        "case.error.postingOpen",
        refusal(() -> recheck(k, DAY.plusDays(3), "CHANGED", 6, "x")),
        "not while the posting runs");
    assertEquals("CHANGED", recheck(k, POSTED_OUT, "CHANGED", 6, "异议成立，改为六个月").choice());
  }

  @Test
  void aParoleIsNotChangedByAnAmount() {
    objectedTo(null);
    assertEquals(
        "case.error.recheckParole",
        refusal(() -> recheck(kase(CaseKind.PAROLE), POSTED_OUT, "CHANGED", 6, "x")));
  }

  @Test
  void aChangedProposalIsPostedAgainBeforeTheDirectorsMeetingAndKeepsTheOriginal() {
    objectedTo(9);
    add(CaseEventType.STEP, CaseStep.RECHECK, "CHANGED", 6, POSTED_OUT);
    ReductionCase changed = kase();
    assertEquals(6, changed.proposedMonths());
    assertEquals(9, changed.originalMonths(), "the original is never overwritten");
    assertEquals(6, changed.recheckChange().orElseThrow().months());
    // back to a posting of its own: the director's meeting waits for it
    assertEquals(Optional.of(CaseStep.POSTING), changed.nextStep());
    assertTrue(changed.postingEnds(CALENDAR).isEmpty());
    assertTrue(changed.wasPosted(), "the supervisor keeps reading what was posted");
    assertTrue(changed.hearingRequired(), "the objection still makes the hearing mandatory");
    assertEquals(
        "case.error.order",
        refusal(
            () ->
                changed.checkStep(
                    CaseStep.DIRECTOR_MEETING,
                    "warden1",
                    Set.of(Role.WARDEN),
                    POSTED_OUT,
                    CALENDAR,
                    Set.of(),
                    null,
                    null,
                    "x",
                    POSTED_OUT)));
    // the new posting has its own dates, and objections are open again
    LocalDate reposted = POSTED_OUT.plusDays(1);
    sign(CaseStep.POSTING, reposted);
    ReductionCase posted = kase();
    assertEquals(Optional.of(LocalDate.of(2026, 3, 18)), posted.postingEnds(CALENDAR));
    assertEquals(Optional.of(CaseStep.DIRECTOR_MEETING), posted.nextStep());
    assertEquals(
        "case.error.postingOpen",
        refusal(
            () ->
                posted.checkStep(
                    CaseStep.DIRECTOR_MEETING,
                    "warden1",
                    Set.of(Role.WARDEN),
                    LocalDate.of(2026, 3, 18),
                    CALENDAR,
                    Set.of(),
                    null,
                    null,
                    "x",
                    null)));
    posted.checkStep(
        CaseStep.DIRECTOR_MEETING,
        "warden1",
        Set.of(Role.WARDEN),
        LocalDate.of(2026, 3, 19),
        CALENDAR,
        Set.of(),
        null,
        null,
        "同意提请",
        null);
    posted.checkPostingObjection(reposted.plusDays(1), CALENDAR, "新的异议");
  }

  @Test
  void anObjectionToTheRepostedProposalCallsForAnotherRecheck() {
    objectedTo(9);
    add(CaseEventType.STEP, CaseStep.RECHECK, "CHANGED", 6, POSTED_OUT);
    sign(CaseStep.POSTING, POSTED_OUT.plusDays(1));
    add(CaseEventType.POSTING_OBJECTION, null, null, null, POSTED_OUT.plusDays(2));
    ReductionCase k = kase();
    assertEquals(Optional.of(CaseStep.RECHECK), k.nextStep());
    LocalDate out = LocalDate.of(2026, 3, 19);
    assertEquals(
        "case.error.recheckSame",
        refusal(() -> recheck(k, out, "CHANGED", 6, "x")),
        "the amount posted is now the changed one");
    assertEquals("UPHELD", recheck(k, out, "UPHELD", null, "维持变更后的建议").choice());
    add(CaseEventType.STEP, CaseStep.RECHECK, "UPHELD", null, out);
    ReductionCase upheld = kase();
    assertEquals(6, upheld.proposedMonths());
    assertEquals(Optional.of(CaseStep.DIRECTOR_MEETING), upheld.nextStep());
    assertFalse(upheld.isClosed());
  }
}
