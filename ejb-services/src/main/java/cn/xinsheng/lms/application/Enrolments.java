package cn.xinsheng.lms.application;

import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether an inmate is enrolled in a course: the one rule of who reaches learning content, asked by
 * every service. A course he is not enrolled in is as if it did not exist.
 */
@ApplicationScoped
public class Enrolments {

  @Inject LearningStore store;

  /** course title, programme title, enrolled at, credits */
  public Object[] require(long inmateId, long courseId) {
    return store
        .one(
            "SELECT c.title, p.title, e.enrolled_at, c.credits FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN programme p ON p.id = c.programme_id WHERE e.inmate_id = ?1 AND e.course_id = ?2",
            inmateId,
            courseId)
        .orElseThrow(() -> Refusal.notFound("lms.error.notEnrolled"));
  }
}
