package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The month close finds 禁闭 among the entries and the admission day in the month (issue 16). */
class MonthBasisFromEntriesTest {

  private static final YearMonth JUNE = YearMonth.of(2026, 6);

  @Test
  void confinementIsTheSanctionOf400AndAReversedOneDoesNotCount() {
    ScoredItem confinement = new ScoredItem(1, AssessmentPart.SANCTION, Points.of(-400), false);
    ScoredItem warning = new ScoredItem(2, AssessmentPart.SANCTION, Points.of(-100), false);
    ScoredItem reversed = new ScoredItem(3, AssessmentPart.SANCTION, Points.of(-400), true);
    LocalDate early = LocalDate.of(2020, 1, 1);
    assertTrue(MonthBasis.of(List.of(confinement), early, JUNE).confinement());
    assertFalse(MonthBasis.of(List.of(warning), early, JUNE).confinement());
    assertFalse(MonthBasis.of(List.of(reversed), early, JUNE).confinement());
  }

  @Test
  void theAdmissionMonthCountsFromTheAdmissionDay() {
    MonthBasis b = MonthBasis.of(List.of(), LocalDate.of(2026, 6, 21), JUNE);
    assertEquals(10, b.activeDays());
    assertEquals(30, b.monthDays());
    assertEquals(30, MonthBasis.of(List.of(), LocalDate.of(2026, 5, 31), JUNE).activeDays());
    assertEquals(30, MonthBasis.of(List.of(), LocalDate.of(2026, 6, 1), JUNE).activeDays());
  }

  @Test
  void aMonthBeforeAdmissionHasNoActiveDayAndExcusalIsCarried() {
    MonthBasis b = MonthBasis.of(List.of(), LocalDate.of(2026, 7, 2), JUNE, true);
    assertEquals(0, b.activeDays());
    assertTrue(b.labourExcused());
    assertFalse(MonthBasis.of(List.of(), null, JUNE).labourExcused());
    assertEquals(30, MonthBasis.of(List.of(), null, JUNE).activeDays());
  }
}
