package cn.xinsheng.lms.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.ScormData;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * SCORM 1.2 tracking: what the API adapter in the lesson page reads at LMSInitialize and writes at
 * LMSCommit/LMSFinish, per learner and SCO. A SCO that reports passed or completed completes the
 * lesson.
 */
@Stateless
@RolesAllowed(Role.INMATE_NAME)
public class ScormService {

  @Inject LearningStore store;
  @Inject CallerScope scope;
  @Inject Enrolments enrolments;
  @Inject PrisonTime time;
  @Inject LearningService learning;

  private long lessonCourse(long lessonId) {
    Object[] l =
        store
            .one("SELECT course_id, kind FROM lesson WHERE id = ?1 AND active", lessonId)
            .orElseThrow(() -> Refusal.notFound("lms.error.noLesson"));
    if (!"SCORM".equals(l[1])) {
      throw Refusal.notFound("lms.error.noLesson");
    }
    return SqlValues.num(l[0]);
  }

  public ScormData data(long lessonId) {
    Inmate me = scope.ownInmate();
    enrolments.require(me.getId(), lessonCourse(lessonId));
    return store
        .one(
            "SELECT lesson_status, score_raw, lesson_location, suspend_data, total_seconds FROM scorm_track WHERE inmate_id = ?1 AND lesson_id = ?2",
            me.getId(),
            lessonId)
        .map(
            r ->
                new ScormData(
                    (String) r[0],
                    (BigDecimal) r[1],
                    (String) r[2],
                    (String) r[3],
                    SqlValues.integer(r[4])))
        .orElse(ScormData.fresh());
  }

  public ScormData commit(long lessonId, Map<String, String> values) {
    Inmate me = scope.ownInmate();
    ScormData before = data(lessonId);
    ScormData after;
    try {
      after = before.commit(values);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("lms.error.scorm", e.getMessage());
    }
    Instant now = time.now();
    store.exec(
        "INSERT INTO scorm_track (inmate_id, lesson_id, lesson_status, score_raw, lesson_location, suspend_data, total_seconds, updated_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON DUPLICATE KEY UPDATE lesson_status = VALUES(lesson_status),"
            + " score_raw = VALUES(score_raw), lesson_location = VALUES(lesson_location), suspend_data = VALUES(suspend_data),"
            + " total_seconds = VALUES(total_seconds), updated_at = VALUES(updated_at)",
        me.getId(),
        lessonId,
        after.lessonStatus(),
        after.scoreRaw(),
        after.lessonLocation(),
        after.suspendData(),
        after.totalSeconds(),
        now);
    int spent = after.totalSeconds() - before.totalSeconds();
    learning.progress(lessonId, 0, Math.max(0, spent), after.isDone());
    return after;
  }
}
