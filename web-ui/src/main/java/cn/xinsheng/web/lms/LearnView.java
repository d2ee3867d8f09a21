package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.GradebookService;
import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The inmate's courses, what to do next, one course's lessons, quizzes and assignments. */
@Named
@ViewScoped
public class LearnView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient LearningService learning;
  @Inject transient GradebookService gradebook;

  private Long id;
  private transient List<LearningService.CourseCard> courses;
  private transient List<LearningService.NextAction> next;
  private transient LearningService.CourseView course;

  public List<LearningService.CourseCard> getCourses() {
    if (courses == null) {
      courses = learning.myCourses();
    }
    return courses;
  }

  public List<LearningService.NextAction> getNext() {
    if (next == null) {
      next = learning.next();
    }
    return next;
  }

  public List<GradebookService.ProgrammeLine> getProgrammes() {
    return gradebook.myProgrammes();
  }

  public LearningService.CourseView getCourse() {
    if (course == null && id != null) {
      try {
        course = learning.course(id);
      } catch (Refusal r) {
        Messages.refused(r);
      }
    }
    return course;
  }

  /** Where a next action leads. */
  public String outcome(LearningService.NextAction a) {
    return switch (a.kind()) {
      case "LESSON" -> "/learn/lesson.xhtml?id=" + a.id();
      case "QUIZ" -> "/learn/quiz.xhtml?id=" + a.id();
      default -> "/learn/assignment.xhtml?id=" + a.id();
    };
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
