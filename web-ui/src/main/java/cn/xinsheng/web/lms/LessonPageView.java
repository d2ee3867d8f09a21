package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.lms.application.ScormService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One lesson at the terminal: read, watched (resumed where he left off) or played as a SCO; a
 * package of several SCOs shows its organisation as a table of contents beside the SCO, and a SCO
 * whose prerequisites are not met is not launched.
 */
@Named
@ViewScoped
public class LessonPageView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient LearningService learning;
  @Inject transient ScormService scorm;

  private Long id;
  private String sco;
  private transient LearningService.LessonView lesson;
  private transient List<ScormService.TocLine> toc;
  private String frameUrl;

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

  /** The SCORM lesson's table of contents (empty for other lessons). */
  public List<ScormService.TocLine> getToc() {
    if (toc == null) {
      LearningService.LessonView l = getLesson();
      toc = l == null || !"SCORM".equals(l.kind()) ? List.of() : scorm.toc(l.id());
    }
    return toc;
  }

  /** Whether the table of contents is worth showing: more than one thing to launch. */
  public boolean isMultiSco() {
    return getToc().stream().filter(ScormService.TocLine::launchable).count() > 1;
  }

  /** The SCO shown: the one asked for, else the first not yet done whose prerequisites are met. */
  public ScormService.TocLine getCurrent() {
    List<ScormService.TocLine> items =
        getToc().stream().filter(ScormService.TocLine::launchable).toList();
    if (items.isEmpty()) {
      return null;
    }
    if (sco != null && !sco.isEmpty()) {
      return items.stream()
          .filter(t -> t.identifier().equals(sco))
          .findFirst()
          .orElse(items.get(0));
    }
    return items.stream()
        .filter(t -> t.open() && !"completed".equals(t.status()) && !"passed".equals(t.status()))
        .findFirst()
        .orElse(items.get(0));
  }

  /** The SCO before or after the current one, for the previous / next buttons. */
  public ScormService.TocLine neighbour(boolean next) {
    List<ScormService.TocLine> items =
        getToc().stream().filter(ScormService.TocLine::launchable).toList();
    ScormService.TocLine c = getCurrent();
    int i = items.indexOf(c) + (next ? 1 : -1);
    return c == null || i < 0 || i >= items.size() ? null : items.get(i);
  }

  public ScormService.TocLine getPreviousSco() {
    return neighbour(false);
  }

  public ScormService.TocLine getNextSco() {
    return neighbour(true);
  }

  /** The URL the SCO frame loads. */
  public String getScoUrl() {
    ScormService.TocLine c = getCurrent();
    return c == null ? null : c.file();
  }

  /**
   * The address the SCO's sandboxed frame loads (issue 14, finding 11): the SCO's launch file under
   * a new attempt's token, so the frame reaches its lesson's files and commits without the inmate's
   * session. One attempt per page view.
   */
  public String getScoFrameUrl() {
    ScormService.TocLine c = getCurrent();
    LearningService.LessonView l = getLesson();
    if (c == null || l == null) {
      return null;
    }
    if (frameUrl == null) {
      try {
        cn.xinsheng.lms.application.ScormAttempts.Attempt a = scorm.open(l.id(), c.identifier());
        frameUrl = "/api/v1/courseware/" + a.token() + "/file/" + a.launch();
      } catch (Refusal r) {
        Messages.refused(r);
        return null;
      }
    }
    return frameUrl;
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

  public String getSco() {
    return sco;
  }

  public void setSco(String sco) {
    this.sco = sco;
  }
}
