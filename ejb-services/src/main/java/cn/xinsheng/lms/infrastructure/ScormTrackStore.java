package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exec;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.ScormTracking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ScormTracking} in native SQL on {@code scorm_track} (ADR 0013). */
@ApplicationScoped
public class ScormTrackStore implements ScormTracking {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String TRACK =
      "SELECT t.lesson_id, t.sco, t.standard, t.lesson_status, t.success_status, t.score_raw, t.score_min,"
          + " t.score_max, t.lesson_location, t.suspend_data, t.total_seconds, t.exit_mode, t.kept_elements,"
          + " t.session_key, t.session_seq, t.session_seconds FROM scorm_track t";

  private static Track track(Object[] r) {
    return new Track(
        num(r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (BigDecimal) r[5],
        (BigDecimal) r[6],
        (BigDecimal) r[7],
        (String) r[8],
        (String) r[9],
        integer(r[10]),
        (String) r[11],
        (String) r[12],
        (String) r[13],
        num(r[14]),
        integer(r[15]));
  }

  @Override
  public Optional<Track> find(long inmateId, long lessonId, String sco, boolean first) {
    return first(
        em,
        TRACK
            + " WHERE t.inmate_id = ?1 AND t.lesson_id = ?2 AND (t.sco = ?3 OR (?4 AND t.sco = ''))"
            + " ORDER BY t.sco DESC LIMIT 1",
        ScormTrackStore::track,
        inmateId,
        lessonId,
        sco,
        first);
  }

  @Override
  public void store(long inmateId, Track t, boolean first, Instant at) {
    exec(
        em,
        "DELETE FROM scorm_track WHERE inmate_id = ?1 AND lesson_id = ?2 AND sco = '' AND ?3",
        inmateId,
        t.lessonId(),
        first);
    exec(
        em,
        "INSERT INTO scorm_track (inmate_id, lesson_id, sco, standard, lesson_status, success_status, score_raw,"
            + " score_min, score_max, lesson_location, suspend_data, total_seconds, exit_mode, kept_elements,"
            + " session_key, session_seq, session_seconds, updated_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
            + " ON DUPLICATE KEY UPDATE standard = VALUES(standard), lesson_status = VALUES(lesson_status),"
            + " success_status = VALUES(success_status), score_raw = VALUES(score_raw), score_min = VALUES(score_min),"
            + " score_max = VALUES(score_max), lesson_location = VALUES(lesson_location),"
            + " suspend_data = VALUES(suspend_data), total_seconds = VALUES(total_seconds),"
            + " exit_mode = VALUES(exit_mode), kept_elements = VALUES(kept_elements),"
            + " session_key = VALUES(session_key), session_seq = VALUES(session_seq),"
            + " session_seconds = VALUES(session_seconds), updated_at = VALUES(updated_at)",
        inmateId,
        t.lessonId(),
        t.sco(),
        t.standard(),
        t.lessonStatus(),
        t.successStatus(),
        t.scoreRaw(),
        t.scoreMin(),
        t.scoreMax(),
        t.lessonLocation(),
        t.suspendData(),
        t.totalSeconds(),
        t.exit(),
        t.kept(),
        t.session(),
        t.seq(),
        t.sessionSeconds(),
        at);
  }

  @Override
  public List<Track> ofLesson(long inmateId, long lessonId) {
    return list(
        em,
        TRACK + " WHERE t.inmate_id = ?1 AND t.lesson_id = ?2",
        ScormTrackStore::track,
        inmateId,
        lessonId);
  }

  @Override
  public List<Track> ofCourse(long inmateId, long courseId) {
    return list(
        em,
        TRACK
            + " JOIN lesson l ON l.id = t.lesson_id"
            + " WHERE l.course_id = ?1 AND l.active AND l.kind = 'SCORM' AND t.inmate_id = ?2"
            + " ORDER BY l.position, t.sco",
        ScormTrackStore::track,
        courseId,
        inmateId);
  }
}
