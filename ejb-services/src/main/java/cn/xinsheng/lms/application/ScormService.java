package cn.xinsheng.lms.application;

import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.ScormManifest;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.ScormData;
import cn.xinsheng.lms.domain.ScormTracking;
import cn.xinsheng.lms.domain.StudyProgress;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SCORM tracking (1.2 and 2004): what the API adapter in the lesson page reads before the SCO
 * starts and writes at LMSCommit/LMSFinish (Commit/Terminate), per learner and SCO. A lesson is
 * complete when every SCO of its package reported completed or passed.
 */
@Stateless
@RolesAllowed(Role.INMATE_NAME)
public class ScormService {

  @Inject CourseCatalogue catalogue;
  @Inject ScormTracking tracking;
  @Inject StudyProgress progress;
  @Inject CallerScope scope;
  @Inject Enrolments enrolments;
  @Inject PrisonTime time;
  @Inject LearningService learning;
  @Inject LmsSettings settings;
  @Inject ScormAttempts attempts;

  /**
   * What the run-time gets before the SCO starts, and what is stored: the standard, the SCO, {@code
   * restore} (the flattened elements to load: status, location, suspend data, score, entry, total
   * time, objectives...), and the stored values themselves.
   */
  public record ScormState(
      String standard,
      String sco,
      String entry,
      String totalTime,
      String lessonStatus,
      String successStatus,
      BigDecimal scoreRaw,
      BigDecimal scorePercent,
      String lessonLocation,
      String suspendData,
      String exit,
      int totalSeconds,
      String session,
      long seq,
      Map<String, String> restore) {

    static ScormState of(String sco, ScormData d, ScormManifest.Item item) {
      Map<String, String> restore = new LinkedHashMap<>(d.restore());
      if (item != null) {
        // what the manifest gives the SCO: SCORM 1.2 adlcp:masteryscore and adlcp:datafromlms
        if (!item.masteryScore().isEmpty() && !d.is2004()) {
          restore.put("cmi.student_data.mastery_score", item.masteryScore());
        }
        if (!item.dataFromLms().isEmpty()) {
          restore.put(d.is2004() ? "cmi.launch_data" : "cmi.launch_data", item.dataFromLms());
        }
      }
      return new ScormState(
          d.standard(),
          sco,
          d.entry(),
          d.totalTime(),
          d.lessonStatus(),
          d.successStatus(),
          d.scoreRaw(),
          d.percent().orElse(null),
          d.lessonLocation(),
          d.suspendData(),
          d.exit(),
          d.totalSeconds(),
          d.session(),
          d.seq(),
          restore);
    }
  }

  private record Lesson(long courseId, String file, String contentDir, ScormManifest manifest) {}

  private Lesson lesson(long lessonId) {
    CourseCatalogue.Lesson l =
        catalogue.activeLesson(lessonId).orElseThrow(() -> Refusal.notFound("lms.error.noLesson"));
    if (!"SCORM".equals(l.kind())) {
      throw Refusal.notFound("lms.error.noLesson");
    }
    try {
      return new Lesson(
          l.courseId(),
          l.file(),
          l.contentDir(),
          ScormManifest.read(settings.dir().resolve(l.contentDir()).resolve(l.file())));
    } catch (IOException | ContentRefusal e) {
      throw Refusal.notFound("lms.error.content");
    }
  }

  private static String scoKey(ScormManifest m, String sco) {
    ScormManifest.Item item = m.item(sco);
    if (item == null) {
      throw Refusal.notFound("lms.error.noLesson");
    }
    return item.identifier();
  }

  /** The caller's data for the lesson's first SCO. */
  public ScormState data(long lessonId) {
    return data(lessonId, "");
  }

  /** The caller's data for one SCO of the lesson (by its item identifier; empty for the first). */
  public ScormState data(long lessonId, String sco) {
    return dataOf(scope.ownInmate().getId(), lessonId, sco);
  }

  private ScormState dataOf(long inmateId, long lessonId, String sco) {
    Lesson l = lesson(lessonId);
    enrolments.require(inmateId, l.courseId());
    String key = scoKey(l.manifest(), sco);
    return ScormState.of(
        key, stored(inmateId, lessonId, l.manifest(), key), l.manifest().item(key));
  }

  /**
   * Opens an attempt of the caller at a SCO of the lesson (issue 14, finding 11): the token the
   * SCO's sandboxed frame uses instead of the inmate's session, good for this learner, lesson and
   * SCO only, and the file the SCO launches (relative to the course, with its query).
   */
  public ScormAttempts.Attempt open(long lessonId, String sco) {
    long me = scope.ownInmate().getId();
    Lesson l = lesson(lessonId);
    enrolments.require(me, l.courseId());
    ScormManifest.Item item = l.manifest().item(scoKey(l.manifest(), sco));
    String base =
        l.file().contains("/") ? l.file().substring(0, l.file().lastIndexOf('/') + 1) : "";
    return attempts.open(me, lessonId, item.identifier(), base + item.href());
  }

  /**
   * Ends the caller's SCO attempts (at his logout): a token does not outlive the session that
   * opened it. A commit the SCO still sends after that is refused, and the lesson page of the next
   * login sends what was unsaved with the session.
   */
  public int endMyAttempts() {
    return attempts.endFor(scope.ownInmate().getId());
  }

  /**
   * What the run-time in a SCO's sandboxed frame starts with: the data of the attempt's learner and
   * SCO, found by the attempt's token alone (the frame has no session).
   */
  @PermitAll
  public ScormState attemptData(String token) {
    ScormAttempts.Attempt a = attempts.of(token);
    return dataOf(a.inmateId(), a.lessonId(), a.sco());
  }

  /**
   * A commit from a SCO's sandboxed frame: it is stored for the attempt's learner, lesson and SCO,
   * whatever else the body says; an unknown or expired token is refused (404).
   */
  @PermitAll
  public ScormState attemptCommit(
      String token, String session, long seq, Map<String, String> values) {
    ScormAttempts.Attempt a = attempts.of(token);
    return commitOf(a.inmateId(), a.lessonId(), a.sco(), session, seq, values);
  }

  /** The attempt a token stands for (the web layer serves its files and knows its launch file). */
  @PermitAll
  public ScormAttempts.Attempt attempt(String token) {
    return attempts.of(token);
  }

  private ScormData stored(long inmateId, long lessonId, ScormManifest m, String key) {
    // a row tracked before 17 has sco '' and belongs to the first item
    boolean first = m.items().get(0).identifier().equals(key);
    return tracking
        .find(inmateId, lessonId, key, first)
        .map(
            t ->
                new ScormData(
                    m.standard(),
                    t.lessonStatus(),
                    t.successStatus(),
                    t.scoreRaw(),
                    t.scoreMin(),
                    t.scoreMax(),
                    t.lessonLocation(),
                    t.suspendData(),
                    t.totalSeconds(),
                    t.exit(),
                    readKept(t.kept()),
                    t.session(),
                    t.seq(),
                    t.sessionSeconds(),
                    true))
        .orElse(ScormData.fresh(m.standard()));
  }

  /** A commit outside a run-time session (one SCO, no commit number). */
  public ScormState commit(long lessonId, Map<String, String> values) {
    return commit(lessonId, "", "", 0, values);
  }

  /**
   * LMSCommit / LMSFinish of the SCO {@code sco}: commit {@code seq} of run-time session {@code
   * session}. A commit that arrives again (the beacon at finish and the page's confirmation, a
   * retry) is answered with what is stored and changes nothing.
   */
  public ScormState commit(
      long lessonId, String sco, String session, long seq, Map<String, String> values) {
    return commitOf(scope.ownInmate().getId(), lessonId, sco, session, seq, values);
  }

  private ScormState commitOf(
      long inmateId,
      long lessonId,
      String sco,
      String session,
      long seq,
      Map<String, String> values) {
    Lesson l = lesson(lessonId);
    enrolments.require(inmateId, l.courseId());
    String key = scoKey(l.manifest(), sco);
    ScormData before = stored(inmateId, lessonId, l.manifest(), key);
    ScormData after;
    try {
      after = before.commit(session, seq, values);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("lms.error.scorm", e.getMessage());
    }
    if (after == before) {
      return ScormState.of(key, after, l.manifest().item(key));
    }
    Instant now = time.now();
    tracking.store(
        inmateId,
        new ScormTracking.Track(
            lessonId,
            key,
            l.manifest().standard(),
            after.lessonStatus(),
            after.successStatus(),
            after.scoreRaw(),
            after.scoreMin(),
            after.scoreMax(),
            after.lessonLocation(),
            after.suspendData(),
            after.totalSeconds(),
            after.exit(),
            writeKept(after.kept()),
            after.session(),
            after.seq(),
            after.sessionSeconds()),
        l.manifest().items().get(0).identifier().equals(key),
        now);
    // the time is counted from scorm_track by the gradebook; the lesson is complete when every SCO
    // of the package is
    LearningService.recordProgress(
        progress,
        now,
        inmateId,
        lessonId,
        0,
        0,
        after.isDone() && allDone(inmateId, lessonId, l.manifest()));
    return ScormState.of(key, after, l.manifest().item(key));
  }

  private boolean allDone(long inmateId, long lessonId, ScormManifest m) {
    List<ScormTracking.Track> rows = tracking.ofLesson(inmateId, lessonId);
    for (ScormManifest.Item item : m.items()) {
      if (!item.sco()) {
        continue;
      }
      boolean first = item == m.items().get(0);
      boolean done =
          rows.stream()
              .anyMatch(
                  r ->
                      (item.identifier().equals(r.sco()) || (first && "".equals(r.sco())))
                          && (List.of("passed", "completed").contains(r.lessonStatus())
                              || "passed".equals(r.successStatus())));
      if (!done) {
        return false;
      }
    }
    return true;
  }

  /**
   * The SCOs of a lesson with the caller's status, for the table of contents and the prerequisites:
   * identifier to lesson status (1.2 vocabulary; 2004 completion or success).
   */
  public Map<String, String> statuses(long lessonId) {
    Inmate me = scope.ownInmate();
    Lesson l = lesson(lessonId);
    enrolments.require(me.getId(), l.courseId());
    Map<String, String> out = new LinkedHashMap<>();
    for (ScormManifest.Item item : l.manifest().items()) {
      ScormData d = stored(me.getId(), lessonId, l.manifest(), item.identifier());
      String s = d.lessonStatus();
      if (d.is2004()) {
        s =
            d.successStatus().equals("passed") || d.successStatus().equals("failed")
                ? d.successStatus()
                : s.equals("unknown") ? "not attempted" : s;
      }
      out.put(item.identifier(), s);
    }
    return out;
  }

  /**
   * A line of a SCORM lesson's table of contents: an item of the organisation at its depth; for a
   * launchable one, the URL it opens (versioned, without the context path), the caller's status,
   * and whether its prerequisites ({@code adlcp:prerequisites}) are met.
   */
  public record TocLine(
      String identifier,
      String title,
      int depth,
      boolean launchable,
      String file,
      String status,
      boolean open) {}

  /** The organisation's table of contents with the caller's status per SCO. */
  public List<TocLine> toc(long lessonId) {
    Map<String, String> statuses = statuses(lessonId);
    Lesson l = lesson(lessonId);
    String base =
        l.file().contains("/") ? l.file().substring(0, l.file().lastIndexOf('/') + 1) : "";
    List<TocLine> out = new java.util.ArrayList<>();
    for (ScormManifest.Node n : l.manifest().toc()) {
      ScormManifest.Item item = n.launchable() ? l.manifest().item(n.identifier()) : null;
      out.add(
          new TocLine(
              n.identifier(),
              n.title(),
              n.depth(),
              item != null,
              item == null
                  ? null
                  : LearningService.filesUrl(lessonId, l.contentDir()) + base + item.href(),
              item == null ? null : statuses.get(item.identifier()),
              item == null
                  || cn.xinsheng.lms.domain.ScormPrerequisites.met(
                      item.prerequisites(), statuses)));
    }
    return out;
  }

  static Map<String, String> readKept(String json) {
    Map<String, String> m = new LinkedHashMap<>();
    if (json == null || json.isEmpty()) {
      return m;
    }
    try (var r = Json.createReader(new StringReader(json))) {
      JsonObject o = r.readObject();
      o.forEach((k, v) -> m.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    return m;
  }

  static String writeKept(Map<String, String> kept) {
    if (kept.isEmpty()) {
      return null;
    }
    JsonObjectBuilder b = Json.createObjectBuilder();
    kept.forEach(b::add);
    return b.build().toString();
  }
}
