package cn.xinsheng.lms.application;

import cn.xinsheng.lms.domain.Cohorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The learners a teacher teaches, published for other contexts (issue 20: release-readiness results
 * are shown to a teacher for his own cohorts only, as LMS results are since issue 14).
 */
@ApplicationScoped
public class TaughtLearners {

  @Inject Cohorts cohorts;

  /** The inmate ids enrolled through a cohort this teacher teaches. */
  public List<Long> inmateIdsTaughtBy(String teacher) {
    return cohorts.inmatesTaughtBy(teacher);
  }

  /** Every inmate enrolled in any cohort (for the education administrator). */
  public List<Long> allEnrolledInmateIds() {
    return cohorts.allEnrolled();
  }
}
