package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Issue 16, deliverable 7: grading as the section's proposal approved by the prison. */
class GradingTest {

  private static final Grading.Criteria STRICT = new Grading.Criteria(true, 2);
  private static final Grading.CycleFacts CLEAN = new Grading.CycleFacts(0, 0);

  @Test
  void anAwardMeetsThePrisonsCriteriaAtTheBoundary() {
    assertNull(Grading.checkProposal(CycleResult.PRAISE, "表现良好", STRICT, CLEAN, false, false));
    assertNull(
        Grading.checkProposal(
            CycleResult.MATERIAL, "表现良好", STRICT, new Grading.CycleFacts(0, 2), false, false),
        "two deductions: the limit itself");
    assertEquals(
        "ledger.error.gradingDeductions",
        Grading.checkProposal(
            CycleResult.PRAISE, "表现良好", STRICT, new Grading.CycleFacts(0, 3), false, false));
    assertEquals(
        "ledger.error.gradingSanction",
        Grading.checkProposal(
            CycleResult.PRAISE, "表现良好", STRICT, new Grading.CycleFacts(1, 0), false, false));
    assertNull(
        Grading.checkProposal(
            CycleResult.PRAISE,
            "表现良好",
            new Grading.Criteria(false, 2),
            new Grading.CycleFacts(1, 0),
            false,
            false),
        "a prison whose setting lets a sanction stand beside an award");
    assertNull(
        Grading.checkProposal(
            CycleResult.NONE, "有违纪", STRICT, new Grading.CycleFacts(1, 9), false, false),
        "nothing is always a lawful proposal");
  }

  @Test
  void oneProposalAtATimeWithAReason() {
    assertEquals(
        "ledger.error.stepDone",
        Grading.checkProposal(CycleResult.PRAISE, "x", STRICT, CLEAN, true, false));
    assertEquals(
        "ledger.error.stepDone",
        Grading.checkProposal(CycleResult.PRAISE, "x", STRICT, CLEAN, false, true));
    assertEquals(
        "ledger.error.cycleDecision",
        Grading.checkProposal(CycleResult.PRAISE, " ", STRICT, CLEAN, false, false));
    assertEquals(
        "ledger.error.cycleDecision",
        Grading.checkProposal(null, "x", STRICT, CLEAN, false, false));
  }

  @Test
  void thePrisonApprovesByAnotherPersonOnce() {
    assertEquals(
        "ledger.error.gradingSelfApproval",
        Grading.checkApproval("reviewer1", "reviewer1", "APPROVED", "同意", false));
    assertEquals(
        "ledger.error.gradingDecision",
        Grading.checkApproval("reviewer1", "execution1", "MAYBE", "x", false));
    assertEquals(
        "ledger.error.cycleDecision",
        Grading.checkApproval("reviewer1", "execution1", "APPROVED", "", false));
    assertEquals(
        "ledger.error.stepDone",
        Grading.checkApproval("reviewer1", "execution1", "APPROVED", "同意", true));
    assertNull(Grading.checkApproval("reviewer1", "execution1", "APPROVED", "同意", false));
  }
}
