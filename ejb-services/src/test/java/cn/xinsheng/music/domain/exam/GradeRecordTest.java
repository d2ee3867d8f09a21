package cn.xinsheng.music.domain.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A person's published results as the risk assessment reads them (the MusicGrades port). */
class GradeRecordTest {

  private static GradeRecord.Result r(String instrument, int level, String date, ExamGrade g) {
    return new GradeRecord.Result(instrument, level, LocalDate.parse(date), g);
  }

  @Test
  void noPublishedResultIsNoGrade() {
    GradeRecord none = new GradeRecord(List.of());
    assertFalse(none.passedAGrade());
    assertEquals(Map.of(), none.highestPassed());
    assertEquals(Optional.empty(), none.latest());
  }

  @Test
  void onlyFailsAreNoGrade() {
    GradeRecord fails =
        new GradeRecord(
            List.of(
                r("ERHU", 1, "2026-05-10", ExamGrade.FAIL),
                r("ERHU", 1, "2026-10-16", ExamGrade.FAIL)));
    assertFalse(fails.passedAGrade());
    assertEquals(Map.of(), fails.highestPassed());
    assertEquals(LocalDate.parse("2026-10-16"), fails.latest().orElseThrow().examDate());
  }

  @Test
  void anyPassIsAGradeAndTheHighestLevelPassedIsKeptPerInstrument() {
    GradeRecord g =
        new GradeRecord(
            List.of(
                r("ERHU", 1, "2025-10-16", ExamGrade.PASS),
                r("ERHU", 2, "2026-05-10", ExamGrade.GOOD),
                r("DIZI", 1, "2026-05-11", ExamGrade.EXCELLENT),
                r("ERHU", 3, "2026-10-16", ExamGrade.FAIL)));
    assertTrue(g.passedAGrade());
    assertEquals(Map.of("ERHU", 2, "DIZI", 1), g.highestPassed());
    // the most recent result is the failed level 3, whatever was passed before
    GradeRecord.Result latest = g.latest().orElseThrow();
    assertEquals(3, latest.level());
    assertEquals(ExamGrade.FAIL, latest.grade());
  }

  @Test
  void everyPassingGradeCounts() {
    for (ExamGrade grade : ExamGrade.values()) {
      assertEquals(
          grade != ExamGrade.FAIL,
          new GradeRecord(List.of(r("PIPA", 4, "2026-01-01", grade))).passedAGrade(),
          grade.name());
    }
  }
}
