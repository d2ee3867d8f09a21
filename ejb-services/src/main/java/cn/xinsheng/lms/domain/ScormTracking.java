package cn.xinsheng.lms.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What SCOs reported, per learner, lesson and SCO (ADR 0013): one row each, replaced at every
 * commit. A row tracked before issue 17 has SCO {@code ""} and belongs to the first item. Runs in
 * the caller's transaction.
 */
public interface ScormTracking {

  /** One SCO's stored data; {@code kept} is the other elements as a JSON object. */
  record Track(
      long lessonId,
      String sco,
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
      String kept,
      String session,
      long seq,
      int sessionSeconds) {}

  /** The SCO's row (or, for the first item, the row from before issue 17). */
  Optional<Track> find(long inmateId, long lessonId, String sco, boolean first);

  /** Replaces the SCO's row; for the first item, a row from before issue 17 goes. */
  void store(long inmateId, Track track, boolean first, Instant at);

  /** Every SCO row of the lesson. */
  List<Track> ofLesson(long inmateId, long lessonId);

  /** Every SCO row of the course's active SCORM lessons, by lesson position and SCO. */
  List<Track> ofCourse(long inmateId, long courseId);
}
