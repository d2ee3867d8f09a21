package cn.xinsheng.lms.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScormPrerequisitesTest {

  private final Map<String, String> s =
      Map.of("a", "completed", "b", "passed", "c", "incomplete", "d", "failed");

  @Test
  void anItemIsMetWhenCompletedOrPassed() {
    assertTrue(ScormPrerequisites.met("a", s));
    assertTrue(ScormPrerequisites.met("b", s));
    assertFalse(ScormPrerequisites.met("c", s));
    assertFalse(ScormPrerequisites.met("unknown_item", s));
    assertTrue(ScormPrerequisites.met("", s));
  }

  @Test
  void andOrNotParenthesesStatusesAndSets() {
    assertTrue(ScormPrerequisites.met("a & b", s));
    assertFalse(ScormPrerequisites.met("a&c", s));
    assertTrue(ScormPrerequisites.met("c | b", s));
    assertTrue(ScormPrerequisites.met("~c", s));
    assertFalse(ScormPrerequisites.met("~(a | c)", s));
    assertTrue(ScormPrerequisites.met("d=failed", s));
    assertTrue(ScormPrerequisites.met("d=f & c<>passed", s));
    assertTrue(ScormPrerequisites.met("2*{a,b,c}", s));
    assertFalse(ScormPrerequisites.met("3*{a,b,c}", s));
  }

  @Test
  void whatCannotBeReadDoesNotLockTheLearnerOut() {
    assertTrue(ScormPrerequisites.met("a & (", s));
    assertTrue(ScormPrerequisites.met("c )(", s));
  }
}
