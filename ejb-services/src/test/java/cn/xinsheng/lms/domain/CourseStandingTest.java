package cn.xinsheng.lms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseStandingTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void creditsCountOnlyOnceEverythingIsDoneAtThePassMark() {
    CourseStanding half =
        new CourseStanding(
            3, 2, List.of(d("90")), List.of(60), Arrays.asList((BigDecimal) null), 60, 4);
    assertFalse(half.complete());
    assertEquals(0, half.creditsEarned());
    assertEquals(0, d("90.0").compareTo(half.grade()));
    assertEquals(60, half.percentDone());
    CourseStanding done =
        new CourseStanding(3, 3, List.of(d("90")), List.of(60), List.of(d("70")), 60, 4);
    assertTrue(done.complete());
    assertEquals(4, done.creditsEarned());
    assertEquals(0, d("80.0").compareTo(done.grade()));
    CourseStanding failedQuiz =
        new CourseStanding(3, 3, List.of(d("50")), List.of(60), List.of(d("70")), 60, 4);
    assertFalse(failedQuiz.complete());
    assertNull(new CourseStanding(1, 0, List.of(), List.of(), List.of(), 60, 0).grade());
  }

  @Test
  void aScormLessonsScoreCountsInTheGrade() {
    CourseStanding s =
        new CourseStanding(2, 2, List.of(d("90")), List.of(60), List.of(), 60, 4, List.of(d("70")));
    assertEquals(0, d("80").compareTo(s.grade()));
  }
}
