package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.lms.application.GradebookService;
import cn.xinsheng.lms.application.QuizMarking;
import cn.xinsheng.lms.application.QuizService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The teacher's desk: hand-ins to grade by rubric, essays to mark, his classes' gradebooks. */
@Named
@ViewScoped
public class GradingView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AssignmentService assignments;
  @Inject transient QuizMarking quizzes;
  @Inject transient GradebookService gradebook;

  private transient List<AssignmentService.ToGrade> toGrade;
  private transient List<QuizMarking.EssayToGrade> essays;
  private final Map<Long, List<Integer>> points = new HashMap<>();
  private final Map<Long, String> feedback = new HashMap<>();
  private final Map<String, BigDecimal> essayPoints = new HashMap<>();
  private Long course;

  public List<AssignmentService.ToGrade> getToGrade() {
    if (toGrade == null) {
      toGrade = assignments.toGrade();
      for (AssignmentService.ToGrade t : toGrade) {
        points.computeIfAbsent(
            t.submissionId(),
            k -> {
              List<Integer> l = new ArrayList<>();
              t.rubric().forEach(c -> l.add(null));
              return l;
            });
      }
    }
    return toGrade;
  }

  public List<QuizMarking.EssayToGrade> getEssays() {
    if (essays == null) {
      essays = quizzes.essaysToGrade();
    }
    return essays;
  }

  public void grade(long submissionId) {
    try {
      int total =
          assignments.grade(submissionId, points.get(submissionId), feedback.get(submissionId));
      Messages.info("lms.graded", total);
      toGrade = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void markEssay(QuizMarking.EssayToGrade e) {
    try {
      QuizService.Graded g =
          quizzes.gradeEssays(
              e.attemptId(),
              Map.of(
                  e.key(),
                  essayPoints.getOrDefault(e.attemptId() + "/" + e.key(), BigDecimal.ZERO)));
      Messages.info("lms.graded", g.score());
      essays = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<GradebookService.Course> getCourses() {
    return gradebook.courses();
  }

  public List<GradebookService.Line> getGradebook() {
    return course == null ? List.of() : gradebook.course(course);
  }

  public Map<Long, List<Integer>> getPoints() {
    return points;
  }

  public Map<Long, String> getFeedback() {
    return feedback;
  }

  public Map<String, BigDecimal> getEssayPoints() {
    return essayPoints;
  }

  public Long getCourse() {
    return course;
  }

  public void setCourse(Long course) {
    this.course = course;
  }
}
