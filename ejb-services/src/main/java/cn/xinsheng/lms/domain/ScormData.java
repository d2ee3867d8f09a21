package cn.xinsheng.lms.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SCORM 1.2 run-time data Xinsheng keeps per learner and SCO, and the checks a commit passes:
 * only the elements the standard lets a SCO set, each value in its vocabulary and size.
 */
public record ScormData(
    String lessonStatus,
    BigDecimal scoreRaw,
    String lessonLocation,
    String suspendData,
    int totalSeconds) {

  public static final Set<String> STATUSES =
      Set.of("passed", "completed", "failed", "incomplete", "browsed", "not attempted");
  private static final Pattern TIMESPAN =
      Pattern.compile("(\\d{2,4}):(\\d{2}):(\\d{2})(\\.\\d{1,2})?");

  public static ScormData fresh() {
    return new ScormData("not attempted", null, "", "", 0);
  }

  /**
   * The data after a commit of the values a SCO set since the last one. {@code
   * cmi.core.session_time} adds to the total time; an unknown or read-only element, or a value out
   * of its vocabulary, is refused with the SCORM error it names.
   */
  public ScormData commit(Map<String, String> values) {
    String status = lessonStatus;
    BigDecimal score = scoreRaw;
    String location = lessonLocation;
    String suspend = suspendData;
    int total = totalSeconds;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue();
      switch (e.getKey()) {
        case "cmi.core.lesson_status" -> {
          if (!STATUSES.contains(v) || v.equals("not attempted")) {
            throw new IllegalArgumentException("405 cmi.core.lesson_status: " + v);
          }
          status = v;
        }
        case "cmi.core.score.raw" -> {
          if (v.isEmpty()) {
            score = null;
          } else {
            try {
              BigDecimal s = new BigDecimal(v);
              if (s.compareTo(BigDecimal.ZERO) < 0 || s.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("405 cmi.core.score.raw out of 0..100: " + v);
              }
              score = s;
            } catch (NumberFormatException x) {
              throw new IllegalArgumentException("405 cmi.core.score.raw: " + v);
            }
          }
        }
        case "cmi.core.lesson_location" -> {
          if (v.length() > 255) {
            throw new IllegalArgumentException("405 cmi.core.lesson_location longer than 255");
          }
          location = v;
        }
        case "cmi.suspend_data" -> {
          if (v.length() > 4096) {
            throw new IllegalArgumentException("405 cmi.suspend_data longer than 4096");
          }
          suspend = v;
        }
        case "cmi.core.session_time" -> total += seconds(v);
        case "cmi.core.exit", "cmi.core.score.min", "cmi.core.score.max", "cmi.comments" -> {
          // accepted, not kept: nothing Xinsheng reports rests on them
        }
        default -> throw new IllegalArgumentException("401 not a writable element: " + e.getKey());
      }
    }
    return new ScormData(status, score, location, suspend, total);
  }

  /** A CMITimespan HHHH:MM:SS.SS in whole seconds. */
  static int seconds(String timespan) {
    Matcher m = TIMESPAN.matcher(timespan.strip());
    if (!m.matches() || Integer.parseInt(m.group(2)) > 59 || Integer.parseInt(m.group(3)) > 59) {
      throw new IllegalArgumentException("405 cmi.core.session_time: " + timespan);
    }
    return Integer.parseInt(m.group(1)) * 3600
        + Integer.parseInt(m.group(2)) * 60
        + Integer.parseInt(m.group(3));
  }

  public boolean isDone() {
    return lessonStatus.equals("passed") || lessonStatus.equals("completed");
  }
}
