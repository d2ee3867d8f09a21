package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first report to community corrections: ten days (《社区矫正法》第二十一条第一款). */
class FirstReportTest {

  private static final LocalDate RELEASE = LocalDate.of(2026, 6, 1);
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  @Test
  void theTenthDayIsOnTimeAndTheEleventhLate() {
    FirstReport tenth = FirstReport.of(RELEASE, Optional.empty(), RELEASE.plusDays(10), TODAY);
    assertEquals(LocalDate.of(2026, 6, 11), tenth.due());
    assertFalse(tenth.late());
    assertTrue(FirstReport.of(RELEASE, Optional.empty(), RELEASE.plusDays(11), TODAY).late());
    assertFalse(FirstReport.of(RELEASE, Optional.empty(), RELEASE, TODAY).late());
  }

  @Test
  void aParoleeCountsFromTheRulingTakingEffect() {
    LocalDate ruling = LocalDate.of(2026, 5, 25);
    assertEquals(LocalDate.of(2026, 6, 4), FirstReport.due(RELEASE, Optional.of(ruling)));
    assertTrue(
        FirstReport.of(RELEASE, Optional.of(ruling), LocalDate.of(2026, 6, 5), TODAY).late());
    assertFalse(
        FirstReport.of(RELEASE, Optional.of(ruling), LocalDate.of(2026, 6, 4), TODAY).late());
  }

  @Test
  void aReportBeforeReleaseInTheFutureOrWithoutADateIsRefused() {
    assertEquals(
        "report.error.beforeRelease",
        assertThrows(
                ReadinessRefusal.class,
                () -> FirstReport.of(RELEASE, Optional.empty(), RELEASE.minusDays(1), TODAY))
            .key());
    assertEquals(
        "report.error.future",
        assertThrows(
                ReadinessRefusal.class,
                () -> FirstReport.of(RELEASE, Optional.empty(), TODAY.plusDays(1), TODAY))
            .key());
    ReadinessRefusal none =
        assertThrows(
            ReadinessRefusal.class, () -> FirstReport.of(RELEASE, Optional.empty(), null, TODAY));
    assertEquals("report.error.date", none.key());
    assertTrue(none.zh().contains("报到日期"), none.zh());
  }

  @Test
  void theDeadlineOfTheParoleItemAndTheFirstReportAgree() {
    PlanItem report =
        PlanTemplate.standard(true).stream()
            .filter(i -> i.pathway() == Pathway.COMMUNITY_CORRECTIONS)
            .findFirst()
            .orElseThrow();
    LocalDate ruling = LocalDate.of(2026, 5, 20);
    assertEquals(
        FirstReport.due(RELEASE, Optional.of(ruling)),
        report.deadline(RELEASE, Optional.of(ruling)));
    assertEquals(FirstReport.due(RELEASE, Optional.empty()), report.deadline(RELEASE));
  }
}
