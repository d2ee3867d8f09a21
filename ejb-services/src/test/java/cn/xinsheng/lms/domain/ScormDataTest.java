package cn.xinsheng.lms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScormDataTest {

  @Test
  void aCommitKeepsStatusScoreSuspendDataAndAddsSessionTime() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("cmi.core.lesson_status", "incomplete");
    v.put("cmi.suspend_data", "page=3");
    v.put("cmi.core.session_time", "0000:05:30.25");
    ScormData d = ScormData.fresh().commit(v);
    assertEquals("incomplete", d.lessonStatus());
    assertEquals(330, d.totalSeconds());
    ScormData e =
        d.commit(
            Map.of(
                "cmi.core.lesson_status",
                "passed",
                "cmi.core.score.raw",
                "85",
                "cmi.core.session_time",
                "00:01:00"));
    assertEquals(390, e.totalSeconds());
    assertEquals(0, new BigDecimal("85").compareTo(e.scoreRaw()));
    assertEquals("page=3", e.suspendData());
    assertTrue(e.isDone());
  }

  @Test
  void readOnlyUnknownAndOutOfVocabularyValuesAreRefused() {
    ScormData d = ScormData.fresh();
    assertThrows(
        IllegalArgumentException.class, () -> d.commit(Map.of("cmi.core.student_id", "x")));
    assertThrows(
        IllegalArgumentException.class, () -> d.commit(Map.of("cmi.core.lesson_status", "done")));
    assertThrows(
        IllegalArgumentException.class, () -> d.commit(Map.of("cmi.core.score.raw", "101")));
    assertThrows(
        IllegalArgumentException.class, () -> d.commit(Map.of("cmi.core.session_time", "1:99:00")));
    assertThrows(
        IllegalArgumentException.class,
        () -> d.commit(Map.of("cmi.suspend_data", "x".repeat(4097))));
  }
}
