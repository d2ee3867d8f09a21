package cn.xinsheng.lms.application;

import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether an inmate is enrolled in a course: the one rule of who reaches learning content, asked by
 * every service. A course he is not enrolled in is as if it did not exist.
 */
@ApplicationScoped
public class Enrolments {

  @Inject Cohorts cohorts;

  /** His enrolment in the course, or a refusal as if the course did not exist. */
  public Cohorts.Enrolment require(long inmateId, long courseId) {
    return cohorts
        .enrolment(inmateId, courseId)
        .orElseThrow(() -> Refusal.notFound("lms.error.notEnrolled"));
  }
}
