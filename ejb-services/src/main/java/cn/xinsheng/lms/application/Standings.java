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
    List<BigDecimal> scorm = new ArrayList<>();
    scormResults(inmateId, courseId).values().forEach(r -> scorm.add(r.percent()));
    return new CourseStanding(
        SqlValues.integer(counts[0]),
        SqlValues.integer(counts[1]),
        best,
        marks,
        assignments,
        SqlValues.integer(counts[3]),
        SqlValues.integer(counts[2]),
        scorm);
  }

  /**
   * What a SCORM lesson reported, as the gradebook, the learner's course page and the export show
   * it: the status (SCORM 1.2 lesson_status; 2004 success status when known, else completion; for
   * several SCOs, how many of those played are done), and the score as a percentage (the mean over
   * the SCOs that reported one), or null.
   */
  public record ScormResult(String status, BigDecimal percent) {

    /** "passed · 87%" or "incomplete", for a cell. */
    public String text() {
      return percent == null
          ? status
          : status + " · " + percent.stripTrailingZeros().toPlainString() + "%";
    }
  }

  /** Each SCORM lesson of the course the learner played, by lesson id, in lesson order. */
  public java.util.Map<Long, ScormResult> scormResults(long inmateId, long courseId) {
    java.util.Map<Long, List<cn.xinsheng.lms.domain.ScormData>> byLesson =
        new java.util.LinkedHashMap<>();
    for (Object[] r :
        store.rows(
            "SELECT t.lesson_id, t.standard, t.lesson_status, t.success_status, t.score_raw, t.score_min,"
                + " t.score_max, t.kept_elements FROM scorm_track t JOIN lesson l ON l.id = t.lesson_id"
                + " WHERE l.course_id = ?1 AND l.active AND l.kind = 'SCORM' AND t.inmate_id = ?2"
                + " ORDER BY l.position, t.sco",
            courseId,
            inmateId)) {
      byLesson
          .computeIfAbsent(SqlValues.num(r[0]), k -> new ArrayList<>())
          .add(
              new cn.xinsheng.lms.domain.ScormData(
                  (String) r[1],
                  (String) r[2],
                  (String) r[3],
                  (BigDecimal) r[4],
                  (BigDecimal) r[5],
                  (BigDecimal) r[6],
                  "",
                  "",
                  0,
                  "",
                  ScormService.readKept((String) r[7]),
                  "",
                  0,
                  0,
                  true));
    }
    java.util.Map<Long, ScormResult> out = new java.util.LinkedHashMap<>();
    byLesson.forEach(
        (lesson, scos) -> {
          List<BigDecimal> ps =
              scos.stream().map(d -> d.percent().orElse(null)).filter(p -> p != null).toList();
          BigDecimal percent =
              ps.isEmpty()
                  ? null
                  : ps.stream()
                      .reduce(BigDecimal.ZERO, BigDecimal::add)
                      .divide(BigDecimal.valueOf(ps.size()), 1, RoundingMode.HALF_UP);
          String status;
          if (scos.size() == 1) {
            cn.xinsheng.lms.domain.ScormData d = scos.get(0);
            status =
                d.is2004() && !d.successStatus().equals("unknown")
                    ? d.successStatus()
                    : d.lessonStatus();
          } else {
            long done = scos.stream().filter(cn.xinsheng.lms.domain.ScormData::isDone).count();
            status = done + "/" + scos.size() + " completed";
          }
          out.put(lesson, new ScormResult(status, percent));
        });
    return out;
  }
}
