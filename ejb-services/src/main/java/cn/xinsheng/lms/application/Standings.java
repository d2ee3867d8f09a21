package cn.xinsheng.lms.application;

import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's standing in a course, read in the caller's transaction; no access rule of its own.
 */
@ApplicationScoped
public class Standings {

  @Inject LearningStore store;

  /** The best percentage over the latest grading of each submitted attempt, or null. */
  public BigDecimal bestPercent(long quizId, long inmateId) {
    BigDecimal best = null;
    for (Object[] g :
        store.rows(
            "SELECT g.score, g.max_score FROM quiz_attempt a JOIN quiz_grading g ON g.attempt_id = a.id"
                + " WHERE a.quiz_id = ?1 AND a.inmate_id = ?2 AND g.id = (SELECT MAX(g2.id) FROM quiz_grading g2"
                + " WHERE g2.attempt_id = a.id)",
            quizId,
            inmateId)) {
      BigDecimal score = (BigDecimal) g[0];
      BigDecimal max = (BigDecimal) g[1];
      if (max.signum() > 0) {
        BigDecimal p = score.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
        best = best == null || p.compareTo(best) > 0 ? p : best;
      }
    }
    return best;
  }

  public CourseStanding of(long inmateId, long courseId) {
    Object[] counts =
        store
            .one(
                "SELECT (SELECT COUNT(*) FROM lesson l WHERE l.course_id = ?1 AND l.active),"
                    + " (SELECT COUNT(*) FROM lesson l JOIN lesson_progress p ON p.lesson_id = l.id"
                    + "  WHERE l.course_id = ?1 AND l.active AND p.inmate_id = ?2 AND p.completed_at IS NOT NULL),"
                    + " c.credits, p.pass_mark FROM course c JOIN programme p ON p.id = c.programme_id WHERE c.id = ?1",
                courseId,
                inmateId)
            .orElseThrow();
    List<BigDecimal> best = new ArrayList<>();
    List<Integer> marks = new ArrayList<>();
    for (Object[] q :
        store.rows(
            "SELECT id, pass_mark FROM quiz WHERE course_id = ?1 AND active ORDER BY id",
            courseId)) {
      best.add(bestPercent(SqlValues.num(q[0]), inmateId));
      marks.add(SqlValues.integer(q[1]));
    }
    List<BigDecimal> assignments = new ArrayList<>();
    for (Object[] a :
        store.rows(
            "SELECT a.max_points, (SELECT g.points FROM submission s JOIN submission_grade g ON g.submission_id = s.id"
                + " WHERE s.assignment_id = a.id AND s.inmate_id = ?2 ORDER BY g.id DESC LIMIT 1)"
                + " FROM assignment a WHERE a.course_id = ?1 AND a.active ORDER BY a.id",
            courseId,
            inmateId)) {
      int max = SqlValues.integer(a[0]);
      assignments.add(
          a[1] == null || max == 0
              ? null
              : BigDecimal.valueOf(SqlValues.num(a[1]) * 100)
                  .divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP));
    }
    return new CourseStanding(
        SqlValues.integer(counts[0]),
        SqlValues.integer(counts[1]),
        best,
        marks,
        assignments,
        SqlValues.integer(counts[3]),
        SqlValues.integer(counts[2]));
  }
}
