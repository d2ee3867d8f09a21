package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** One lesson at the terminal: read, watched (resumed where he left off) or played as a SCO. */
@Named
@ViewScoped
public class LessonPageView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient LearningService learning;

  private Long id;
  private transient LearningService.LessonView lesson;

  public LearningService.LessonView getLesson() {
    if (lesson == null && id != null) {
      try {
        lesson = learning.lesson(id);
      } catch (Refusal r) {
        Messages.refused(r);
      }
    }
    return lesson;
  }

  public void complete() {
    try {
      learning.progress(id, 0, 0, true);
      Messages.info("lms.lesson.done");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
