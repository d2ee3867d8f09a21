package cn.xinsheng.lms.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SCORM run-time data Xinsheng keeps per learner and SCO (SCORM 1.2 and SCORM 2004 3rd/4th
 * edition), and the checks a commit passes: only the elements the standard lets a SCO set, each
 * value in its vocabulary and size. Everything the standard asks an LMS to persist across sessions
 * is kept: status, score, location, suspend data, exit, total time, and (in {@link #kept}) the
 * objectives, interactions, learner preferences and comments.
 *
 * <p>A commit belongs to a run-time session: the same commit may arrive twice (the beacon the
 * run-time sends at LMSFinish and the page's own confirming request, or a retry after a failure),
 * so a commit numbered no higher than the last one of its session changes nothing, and a session's
 * time replaces what that session reported before instead of adding to it.
 */
public record ScormData(
    String standard,
    String lessonStatus,
    String successStatus,
    BigDecimal scoreRaw,
    BigDecimal scoreMin,
    BigDecimal scoreMax,
    String lessonLocation,
    String suspendData,
    int totalSeconds,
    String exit,
    Map<String, String> kept,
    String session,
    long seq,
    int sessionSeconds,
    boolean tracked) {

  public static final String SCORM12 = "1.2";
  public static final String SCORM2004 = "2004";

  public static final Set<String> STATUSES =
      Set.of("passed", "completed", "failed", "incomplete", "browsed", "not attempted");
  static final Set<String> COMPLETION =
      Set.of("completed", "incomplete", "not attempted", "unknown");
  static final Set<String> SUCCESS = Set.of("passed", "failed", "unknown");
  static final Set<String> EXIT12 = Set.of("time-out", "suspend", "logout", "");
  static final Set<String> EXIT2004 = Set.of("time-out", "suspend", "logout", "normal", "");

  /** Elements kept as they were set, with the largest value SCORM allows each. */
  private static final List<Map.Entry<Pattern, Integer>> KEPT12 =
      List.of(
          kept("cmi\\.comments", 4096),
          kept("cmi\\.student_preference\\.(audio|language|speed|text)", 255),
          kept("cmi\\.objectives\\.\\d{1,3}\\.(id|score\\.(raw|min|max)|status)", 255),
          kept(
              "cmi\\.interactions\\.\\d{1,3}\\.(id|time|type|weighting|student_response|result|latency"
                  + "|objectives\\.\\d{1,2}\\.id|correct_responses\\.\\d{1,2}\\.pattern)",
              4096));

  private static final List<Map.Entry<Pattern, Integer>> KEPT2004 =
      List.of(
          kept("cmi\\.(score\\.scaled|progress_measure)", 64),
          kept(
              "cmi\\.learner_preference\\.(audio_level|language|delivery_speed|audio_captioning)",
              250),
          kept("cmi\\.comments_from_learner\\.\\d{1,3}\\.(comment|location|timestamp)", 4000),
          kept(
              "cmi\\.objectives\\.\\d{1,3}\\.(id|score\\.(scaled|raw|min|max)|success_status"
                  + "|completion_status|progress_measure|description)",
              4000),
          kept(
              "cmi\\.interactions\\.\\d{1,3}\\.(id|type|timestamp|weighting|learner_response|result|latency"
                  + "|description|objectives\\.\\d{1,2}\\.id|correct_responses\\.\\d{1,2}\\.pattern)",
              4000));

  /** What the kept elements may weigh together (the column holds more; a SCO should not). */
  static final int KEPT_LIMIT = 200_000;

  private static final Pattern TIMESPAN =
      Pattern.compile("(\\d{2,4}):(\\d{2}):(\\d{2})(\\.\\d{1,2})?");
  private static final Pattern DURATION =
      Pattern.compile(
          "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:\\.\\d{1,2})?S)?)?");

  private static Map.Entry<Pattern, Integer> kept(String regex, int max) {
    return Map.entry(Pattern.compile(regex), max);
  }

  public ScormData {
    kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept == null ? Map.of() : kept));
    session = session == null ? "" : session;
    exit = exit == null ? "" : exit;
  }

  /** Nothing tracked yet: the SCO's first launch (SCORM 1.2). */
  public static ScormData fresh() {
    return fresh(SCORM12);
  }

  /** Nothing tracked yet: the SCO's first launch, for a standard. */
  public static ScormData fresh(String standard) {
    return new ScormData(
        standard,
        SCORM2004.equals(standard) ? "unknown" : "not attempted",
        "unknown",
        null,
        null,
        null,
        "",
        "",
        0,
        "",
        Map.of(),
        "",
        0,
        0,
        false);
  }

  public boolean is2004() {
    return SCORM2004.equals(standard);
  }

  /** A commit outside a session (a test, an older page): counted as a session of its own. */
  public ScormData commit(Map<String, String> values) {
    return commit("", 0, values);
  }

  /**
   * The data after a commit of the values a SCO set, as commit {@code seq} of run-time session
   * {@code session}. An unknown or read-only element, or a value out of its vocabulary or size, is
   * refused with the SCORM error it names; nothing of that commit is kept.
   */
  public ScormData commit(String commitSession, long commitSeq, Map<String, String> values) {
    String sess = commitSession == null ? "" : commitSession;
    boolean sameSession = !sess.isEmpty() && sess.equals(session);
    if (sameSession && commitSeq > 0 && commitSeq <= seq) {
      return this; // the same commit again (beacon and confirmation, or a retry): already kept
    }
    String status = lessonStatus;
    String success = successStatus;
    BigDecimal raw = scoreRaw;
    BigDecimal min = scoreMin;
    BigDecimal max = scoreMax;
    String location = lessonLocation;
    String suspend = suspendData;
    // cmi.core.exit / cmi.exit belong to one session: a new session starts without one
    String ex = sameSession ? exit : "";
    Map<String, String> keep = new LinkedHashMap<>(kept);
    Integer sessionTime = null;
    boolean v2004 = is2004();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String k = e.getKey();
      String v = e.getValue() == null ? "" : e.getValue();
      switch (v2004 ? "2004:" + k : "12:" + k) {
        case "12:cmi.core.lesson_status" -> {
          if (!STATUSES.contains(v) || v.equals("not attempted")) {
            throw new IllegalArgumentException("405 cmi.core.lesson_status: " + v);
          }
          status = v;
        }
        case "2004:cmi.completion_status" -> {
          if (!COMPLETION.contains(v)) {
            throw new IllegalArgumentException("406 cmi.completion_status: " + v);
          }
          status = v;
        }
        case "2004:cmi.success_status" -> {
          if (!SUCCESS.contains(v)) {
            throw new IllegalArgumentException("406 cmi.success_status: " + v);
          }
          success = v;
        }
        case "12:cmi.core.score.raw", "2004:cmi.score.raw" -> raw = score(k, v, !v2004);
        case "12:cmi.core.score.min", "2004:cmi.score.min" -> min = score(k, v, !v2004);
        case "12:cmi.core.score.max", "2004:cmi.score.max" -> max = score(k, v, !v2004);
        case "12:cmi.core.lesson_location", "2004:cmi.location" -> {
          if (v.length() > (v2004 ? 1000 : 255)) {
            throw new IllegalArgumentException("405 " + k + " too long");
          }
          location = v;
        }
        case "12:cmi.suspend_data", "2004:cmi.suspend_data" -> {
          if (v.length() > (v2004 ? 64000 : 4096)) {
            throw new IllegalArgumentException("405 " + k + " too long");
          }
          suspend = v;
        }
        case "12:cmi.core.exit", "2004:cmi.exit" -> {
          if (!(v2004 ? EXIT2004 : EXIT12).contains(v)) {
            throw new IllegalArgumentException("405 " + k + ": " + v);
          }
          ex = v;
        }
        case "12:cmi.core.session_time" -> sessionTime = seconds(v);
        case "2004:cmi.session_time" -> sessionTime = durationSeconds(v);
        default -> {
          Integer limit = keptLimit(v2004 ? KEPT2004 : KEPT12, k);
          if (limit == null) {
            throw new IllegalArgumentException("401 not a writable element: " + k);
          }
          if (v.length() > limit) {
            throw new IllegalArgumentException("405 " + k + " too long");
          }
          keep.put(k, v);
        }
      }
    }
    if (keep.entrySet().stream().mapToInt(x -> x.getKey().length() + x.getValue().length()).sum()
        > KEPT_LIMIT) {
      throw new IllegalArgumentException("405 objectives, interactions and comments too large");
    }
    int total = totalSeconds;
    int thisSession = sameSession ? sessionSeconds : 0;
    if (sessionTime != null) {
      total = total - thisSession + sessionTime;
      thisSession = sessionTime;
    }
    return new ScormData(
        standard,
        status,
        success,
        raw,
        min,
        max,
        location,
        suspend,
        total,
        ex,
        keep,
        sess,
        sameSession ? Math.max(seq, commitSeq) : commitSeq,
        thisSession,
        true);
  }

  private static Integer keptLimit(List<Map.Entry<Pattern, Integer>> rules, String element) {
    for (Map.Entry<Pattern, Integer> r : rules) {
      if (r.getKey().matcher(element).matches()) {
        return r.getValue();
      }
    }
    return null;
  }

  private static BigDecimal score(String element, String v, boolean percent) {
    if (v.isEmpty()) {
      return null;
    }
    try {
      BigDecimal s = new BigDecimal(v);
      // SCORM 1.2 scores are on 0..100 (the run-time's own range check); 2004's raw/min/max are
      // any real number, the scaled score alone is -1..1
      if (percent
          && (s.compareTo(BigDecimal.ZERO) < 0 || s.compareTo(BigDecimal.valueOf(100)) > 0)) {
        throw new IllegalArgumentException("405 " + element + " out of 0..100: " + v);
      }
      if (s.abs().compareTo(BigDecimal.valueOf(99_999_999)) > 0) {
        throw new IllegalArgumentException("405 " + element + " out of range: " + v);
      }
      return s;
    } catch (NumberFormatException x) {
      throw new IllegalArgumentException("405 " + element + ": " + v);
    }
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

  /** A SCORM 2004 timeinterval (ISO 8601 duration, e.g. PT1H2M3.5S) in whole seconds. */
  static int durationSeconds(String duration) {
    Matcher m = DURATION.matcher(duration.strip());
    if (!m.matches() || duration.strip().equals("P") || duration.strip().endsWith("T")) {
      throw new IllegalArgumentException("406 cmi.session_time: " + duration);
    }
    long s =
        part(m, 1) * 365L * 86400
            + part(m, 2) * 30L * 86400
            + part(m, 3) * 86400L
            + part(m, 4) * 3600L
            + part(m, 5) * 60L
            + part(m, 6);
    if (s > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("406 cmi.session_time: " + duration);
    }
    return (int) s;
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }

  /** The lesson is done: completed or passed (either standard). */
  public boolean isDone() {
    return lessonStatus.equals("passed")
        || lessonStatus.equals("completed")
        || successStatus.equals("passed");
  }

  /**
   * {@code cmi.core.entry} (2004: {@code cmi.entry}) for the next launch: {@code ab-initio} on the
   * first, {@code resume} when the learner left with exit {@code suspend}, empty otherwise (SCORM
   * 1.2 RTE 3.4.4, SCORM 2004 RTE 4.2.9).
   */
  public String entry() {
    if (!tracked) {
      return "ab-initio";
    }
    return exit.equals("suspend") ? "resume" : "";
  }

  /**
   * The total time as the run-time reads it: CMITimespan for 1.2, an ISO 8601 duration for 2004.
   */
  public String totalTime() {
    int h = totalSeconds / 3600;
    int m = (totalSeconds % 3600) / 60;
    int s = totalSeconds % 60;
    return is2004() ? "PT" + h + "H" + m + "M" + s + "S" : String.format("%04d:%02d:%02d", h, m, s);
  }

  /**
   * The score as a percentage for the gradebook: the raw score on its min..max range when both are
   * given, otherwise the raw score (SCORM 1.2 scores are already 0..100), otherwise a 2004 scaled
   * score times 100; empty when the SCO reported none.
   */
  public java.util.Optional<BigDecimal> percent() {
    if (scoreRaw != null) {
      if (scoreMin != null && scoreMax != null && scoreMax.compareTo(scoreMin) > 0) {
        BigDecimal p =
            scoreRaw
                .subtract(scoreMin)
                .multiply(BigDecimal.valueOf(100))
                .divide(scoreMax.subtract(scoreMin), 2, RoundingMode.HALF_UP);
        return java.util.Optional.of(p.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)));
      }
      return java.util.Optional.of(scoreRaw.setScale(2, RoundingMode.HALF_UP));
    }
    String scaled = kept.get("cmi.score.scaled");
    if (scaled != null && !scaled.isEmpty()) {
      try {
        return java.util.Optional.of(
            new BigDecimal(scaled)
                .multiply(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP)
                .max(BigDecimal.ZERO));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * What the run-time is given before the SCO starts, as flattened elements: what the learner left
   * last time, the entry and the total time. SCORM 1.2 interactions are write-only, so they are
   * kept but not given back.
   */
  public Map<String, String> restore() {
    Map<String, String> r = new LinkedHashMap<>();
    if (is2004()) {
      if (!lessonStatus.equals("unknown")) {
        r.put("cmi.completion_status", lessonStatus);
      }
      if (!successStatus.equals("unknown")) {
        r.put("cmi.success_status", successStatus);
      }
      putIf(r, "cmi.location", lessonLocation);
      putIf(r, "cmi.score.raw", scoreRaw);
      putIf(r, "cmi.score.min", scoreMin);
      putIf(r, "cmi.score.max", scoreMax);
      putIf(r, "cmi.suspend_data", suspendData);
      r.put("cmi.entry", entry());
      r.put("cmi.total_time", totalTime());
      r.putAll(kept);
    } else {
      if (!lessonStatus.equals("not attempted")) {
        r.put("cmi.core.lesson_status", lessonStatus);
      }
      putIf(r, "cmi.core.lesson_location", lessonLocation);
      putIf(r, "cmi.core.score.raw", scoreRaw);
      putIf(r, "cmi.core.score.min", scoreMin);
      putIf(r, "cmi.core.score.max", scoreMax);
      putIf(r, "cmi.suspend_data", suspendData);
      r.put("cmi.core.entry", entry());
      r.put("cmi.core.total_time", totalTime());
      kept.forEach(
          (k, v) -> {
            if (!k.startsWith("cmi.interactions.")) {
              r.put(k, v);
            }
          });
    }
    return r;
  }

  private static void putIf(Map<String, String> r, String k, Object v) {
    if (v instanceof BigDecimal b) {
      r.put(k, b.stripTrailingZeros().toPlainString());
    } else if (v != null && !v.toString().isEmpty()) {
      r.put(k, v.toString());
    }
  }
}
