package cn.xinsheng.lms.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The education administrator's home as a work queue (issue 18, item 3: "imports and enrolments"),
 * counted from the same tables the content screen lists: inmates in no class, class members not yet
 * enrolled in a course their programme gained after the class was formed, programmes no class
 * studies, and the packages imported this week (to check what came in).
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class EduAdminQueue {

  /** The counts, each with the cohorts behind the second. */
  public record Counts(
      long inmatesInNoClass,
      long missingEnrolments,
      long programmesWithoutClass,
      long importsThisWeek,
      List<CohortGap> gaps) {}

  /** A class whose members miss courses of its programme. */
  public record CohortGap(long cohortId, String cohort, String programme, long missing) {}

  @Inject LearningStore store;
  @Inject PrisonTime time;

  public Counts counts() {
    long noClass =
        count(
            "SELECT COUNT(*) FROM inmate i WHERE NOT EXISTS"
                + " (SELECT 1 FROM enrolment e WHERE e.inmate_id = i.id)");
    List<CohortGap> gaps =
        store
            .rows(
                "SELECT h.id, h.name, p.title, COUNT(*) FROM"
                    + " (SELECT DISTINCT inmate_id, cohort_id FROM enrolment) m"
                    + " JOIN cohort h ON h.id = m.cohort_id JOIN programme p ON p.id ="
                    + " h.programme_id JOIN course c ON c.programme_id = h.programme_id"
                    + " WHERE NOT EXISTS (SELECT 1 FROM enrolment x WHERE x.inmate_id ="
                    + " m.inmate_id AND x.course_id = c.id)"
                    + " GROUP BY h.id, h.name, p.title ORDER BY h.id")
            .stream()
            .map(
                r ->
                    new CohortGap(
                        SqlValues.num(r[0]), (String) r[1], (String) r[2], SqlValues.num(r[3])))
            .toList();
    long missing = gaps.stream().mapToLong(CohortGap::missing).sum();
    long idle =
        count(
            "SELECT COUNT(*) FROM programme p WHERE NOT EXISTS"
                + " (SELECT 1 FROM cohort h WHERE h.programme_id = p.id)");
    long imports =
        count(
            "SELECT COUNT(*) FROM content_package WHERE imported_at >= ?1",
            time.startOf(time.today().minusDays(6)));
    return new Counts(noClass, missing, idle, imports, gaps);
  }

  private long count(String sql, Object... params) {
    return store.one(sql, params).map(r -> SqlValues.num(r[0])).orElse(0L);
  }
}
