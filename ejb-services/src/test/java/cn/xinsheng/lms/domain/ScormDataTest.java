package cn.xinsheng.lms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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

  @Test
  void aCommitSentTwiceCountsOnceAndASessionsTimeReplacesItsEarlierReport() {
    ScormData d =
        ScormData.fresh()
            .commit("s1", 1, Map.of("cmi.core.session_time", "00:01:00"))
            .commit("s1", 2, Map.of("cmi.core.session_time", "00:03:00"));
    assertEquals(180, d.totalSeconds(), "the session reported 3 minutes in all");
    ScormData again = d.commit("s1", 2, Map.of("cmi.core.session_time", "00:03:00"));
    assertSame(d, again, "the beacon and its confirmation: kept once");
    ScormData next = d.commit("s2", 1, Map.of("cmi.core.session_time", "00:00:30"));
    assertEquals(210, next.totalSeconds(), "a new session adds");
  }

  @Test
  void theNextLaunchResumesAfterASuspendAndGetsItsTotalTime() {
    assertEquals("ab-initio", ScormData.fresh().entry());
    ScormData d =
        ScormData.fresh()
            .commit(
                "s1",
                1,
                Map.of(
                    "cmi.core.exit", "suspend",
                    "cmi.core.lesson_location", "page-7",
                    "cmi.core.session_time", "00:10:05",
                    "cmi.objectives.0.id", "obj-1",
                    "cmi.interactions.0.id", "q1",
                    "cmi.interactions.0.student_response", "a"));
    assertEquals("resume", d.entry());
    Map<String, String> r = d.restore();
    assertEquals("resume", r.get("cmi.core.entry"));
    assertEquals("0000:10:05", r.get("cmi.core.total_time"));
    assertEquals("page-7", r.get("cmi.core.lesson_location"));
    assertEquals("obj-1", r.get("cmi.objectives.0.id"));
    assertFalse(r.containsKey("cmi.interactions.0.id"), "1.2 interactions are write-only");
    assertEquals("a", d.kept().get("cmi.interactions.0.student_response"), "but kept");
    // a later session that leaves normally: no resume, and its exit does not carry over
    ScormData e = d.commit("s2", 1, Map.of("cmi.core.lesson_status", "completed"));
    assertEquals("", e.entry());
  }

  @Test
  void scorm2004KeepsCompletionSuccessScaledScoreAndIsoDurations() {
    ScormData d =
        ScormData.fresh(ScormData.SCORM2004)
            .commit(
                "s",
                1,
                Map.of(
                    "cmi.completion_status", "completed",
                    "cmi.success_status", "passed",
                    "cmi.score.scaled", "0.8",
                    "cmi.location", "p3",
                    "cmi.exit", "suspend",
                    "cmi.session_time", "PT1H2M3.5S"));
    assertEquals(3723, d.totalSeconds());
    assertTrue(d.isDone());
    assertEquals(0, new BigDecimal("80").compareTo(d.percent().orElseThrow()));
    assertEquals("resume", d.restore().get("cmi.entry"));
    assertEquals("PT1H2M3S", d.restore().get("cmi.total_time"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScormData.fresh(ScormData.SCORM2004)
                .commit(Map.of("cmi.core.lesson_status", "passed")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScormData.fresh(ScormData.SCORM2004).commit(Map.of("cmi.completion_status", "passed")));
  }

  @Test
  void theScoreOnItsRangeIsThePercentage() {
    ScormData d =
        ScormData.fresh()
            .commit(
                Map.of(
                    "cmi.core.score.raw",
                    "8",
                    "cmi.core.score.min",
                    "0",
                    "cmi.core.score.max",
                    "10"));
    assertEquals(0, new BigDecimal("80").compareTo(d.percent().orElseThrow()));
  }
}
