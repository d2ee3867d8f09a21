package cn.xinsheng.lms.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.EnrolmentGaps;
import cn.xinsheng.platform.PrisonTime;
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

  @Inject EnrolmentGaps gaps;
  @Inject PrisonTime time;

  public Counts counts() {
    List<CohortGap> classes =
        gaps.classesMissingCourses().stream()
            .map(g -> new CohortGap(g.cohortId(), g.cohort(), g.programme(), g.missing()))
            .toList();
    return new Counts(
        gaps.inmatesInNoClass(),
        classes.stream().mapToLong(CohortGap::missing).sum(),
        gaps.programmesWithoutClass(),
        gaps.packagesImportedSince(time.startOf(time.today().minusDays(6))),
        classes);
  }
}
