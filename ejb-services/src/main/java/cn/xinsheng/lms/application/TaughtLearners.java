package cn.xinsheng.lms.application;

import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The learners a teacher teaches, published for other contexts (issue 20: release-readiness results
 * are shown to a teacher for his own cohorts only, as LMS results are since issue 14).
 */
@ApplicationScoped
public class TaughtLearners {

  @Inject LearningStore store;

  /** The inmate ids enrolled through a cohort this teacher teaches. */
  public List<Long> inmateIdsTaughtBy(String teacher) {
    return store
        .rows(
            "SELECT DISTINCT e.inmate_id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id"
                + " WHERE c.teacher = ?1",
            teacher)
        .stream()
        .map(r -> SqlValues.num(r[0]))
        .toList();
  }

  /** Every inmate enrolled in any cohort (for the education administrator). */
  public List<Long> allEnrolledInmateIds() {
    return store.rows("SELECT DISTINCT inmate_id FROM enrolment").stream()
        .map(r -> SqlValues.num(r[0]))
        .toList();
  }
}
