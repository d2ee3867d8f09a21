package cn.xinsheng.lms.application;

import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.ScormTracking;
import cn.xinsheng.lms.domain.StudyProgress;
import cn.xinsheng.lms.domain.Submissions;
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

  @Inject CourseCatalogue catalogue;
  @Inject StudyProgress progress;
  @Inject QuizAttempts attempts;
  @Inject Submissions submissions;
  @Inject ScormTracking tracking;

  /** The best percentage over the latest grading of each submitted attempt, or null. */
  public BigDecimal bestPercent(long quizId, long inmateId) {
    BigDecimal best = null;
    for (QuizAttempts.Score g : attempts.latestScores(quizId, inmateId)) {
      if (g.max().signum() > 0) {
        BigDecimal p =
            g.score().multiply(BigDecimal.valueOf(100)).divide(g.max(), 1, RoundingMode.HALF_UP);
        best = best == null || p.compareTo(best) > 0 ? p : best;
      }
    }
    return best;
  }

  public CourseStanding of(long inmateId, long courseId) {
    CourseCatalogue.Terms terms = catalogue.terms(courseId).orElseThrow();
    List<BigDecimal> best = new ArrayList<>();
    List<Integer> marks = new ArrayList<>();
    for (CourseCatalogue.Quiz q : catalogue.activeQuizzes(courseId)) {
      best.add(bestPercent(q.id(), inmateId));
      marks.add(q.passMark());
    }
    List<BigDecimal> assignments = new ArrayList<>();
    for (CourseCatalogue.Assignment a : catalogue.activeAssignments(courseId)) {
      int max = a.maxPoints();
      Integer points = submissions.latestPoints(a.id(), inmateId).orElse(null);
      assignments.add(
          points == null || max == 0
              ? null
              : BigDecimal.valueOf((long) points * 100)
                  .divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP));
    }
    List<BigDecimal> scorm = new ArrayList<>();
    scormResults(inmateId, courseId).values().forEach(r -> scorm.add(r.percent()));
    return new CourseStanding(
        terms.activeLessons(),
        progress.completedLessons(courseId, inmateId),
        best,
        marks,
        assignments,
        terms.passMark(),
        terms.credits(),
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
    for (ScormTracking.Track t : tracking.ofCourse(inmateId, courseId)) {
      byLesson
          .computeIfAbsent(t.lessonId(), k -> new ArrayList<>())
          .add(
              new cn.xinsheng.lms.domain.ScormData(
                  t.standard(),
                  t.lessonStatus(),
                  t.successStatus(),
                  t.scoreRaw(),
                  t.scoreMin(),
                  t.scoreMax(),
                  "",
                  "",
                  0,
                  "",
                  ScormService.readKept(t.kept()),
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
