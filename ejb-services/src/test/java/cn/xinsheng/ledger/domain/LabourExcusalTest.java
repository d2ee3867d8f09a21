package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16, deliverable 7: the excusal from labour that gives the 50/50 split (DOMAIN §2). */
class LabourExcusalTest {

  private static final YearMonth MAR = YearMonth.of(2026, 3);

  private static LabourExcusal excusal(YearMonth to, String decision) {
    return new LabourExcusal(
        1, 7, MAR, to, "officer1", decision, decision == null ? null : "reviewer1");
  }

  @Test
  void onlyAnApprovedExcusalCoversItsMonthsOnTheFirstAndTheLastDay() {
    LabourExcusal e = excusal(YearMonth.of(2026, 5), "APPROVED");
    assertFalse(e.covers(YearMonth.of(2026, 2)), "the month before");
    assertTrue(e.covers(MAR), "its first month");
    assertTrue(e.covers(YearMonth.of(2026, 5)), "its last month");
    assertFalse(e.covers(YearMonth.of(2026, 6)), "the month after");
    assertTrue(excusal(null, "APPROVED").covers(YearMonth.of(2030, 1)), "open-ended");
    assertFalse(excusal(null, null).covers(MAR), "waiting for review");
    assertFalse(excusal(null, "REJECTED").covers(MAR), "rejected");
    assertTrue(
        LabourExcusal.excused(List.of(excusal(null, "REJECTED"), excusal(null, "APPROVED")), MAR));
    assertFalse(LabourExcusal.excused(List.of(), MAR));
  }

  @Test
  void anExcusedMonthSplitsTheBaseFiftyFifty() {
    MonthBasis basis = new MonthBasis(false, true, 31, 31);
    assertEquals(new PartSplit(50, 50, 0), MonthBasis.LABOUR_EXCUSED);
    assertEquals(Points.ZERO, basis.base(PartSplit.DEFAULT, AssessmentPart.LABOUR));
    assertEquals(Points.of(50), basis.base(PartSplit.DEFAULT, AssessmentPart.SUPERVISION));
    assertEquals(Points.of(50), basis.base(PartSplit.DEFAULT, AssessmentPart.EDUCATION));
    assertEquals(
        Points.of(30),
        new MonthBasis(false, false, 31, 31).base(PartSplit.DEFAULT, AssessmentPart.LABOUR),
        "without the excusal, the prison's split");
  }

  @Test
  void anEntryNeedsAMonthInOrderAndAReason() {
    assertEquals("ledger.error.excusalFrom", LabourExcusal.checkEntry(null, null, "病"));
    assertEquals(
        "ledger.error.excusalMonths", LabourExcusal.checkEntry(MAR, YearMonth.of(2026, 2), "病"));
    assertEquals("ledger.error.excusalReason", LabourExcusal.checkEntry(MAR, null, " "));
    assertNull(LabourExcusal.checkEntry(MAR, MAR, "经医院诊断患严重心脏病，不宜劳动"));
  }

  @Test
  void theOneWhoEnteredItNeverReviewsItAndAReviewIsFinal() {
    LabourExcusal waiting = excusal(null, null);
    assertEquals(
        "ledger.error.excusalSelfReview", waiting.checkReview("officer1", "APPROVED", "同意"));
    assertEquals("ledger.error.excusalDecision", waiting.checkReview("reviewer1", "MAYBE", "x"));
    assertEquals("ledger.error.excusalReason", waiting.checkReview("reviewer1", "APPROVED", ""));
    assertNull(waiting.checkReview("reviewer1", "APPROVED", "诊断书属实"));
    assertEquals(
        "ledger.error.stepDone",
        excusal(null, "APPROVED").checkReview("reviewer2", "REJECTED", "x"));
  }
}
