package cn.xinsheng.web.music;

import cn.xinsheng.music.application.TakeService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * One take: who played what, the recording (an audio element served with range support), the
 * analysis job's progress and its charts (drawn by music-take.js from the analysis JSON), and the
 * teacher's feedback, which only he writes and nobody changes.
 */
@Named
@ViewScoped
public class MusicTakeView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TakeService takes;
  @Inject transient cn.xinsheng.web.security.CurrentUser currentUser;
  @Inject transient cn.xinsheng.web.shell.Show show;

  private Long id;
  private transient TakeService.TakeView take;
  private boolean looked;
  private String text;
  private Long corrects;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The take, or null when there is none the caller may read (said on the page). */
  public TakeService.TakeView getTake() {
    if (!looked && id != null) {
      looked = true;
      try {
        take = takes.take(id);
      } catch (Refusal r) {
        take = null;
      }
    }
    return take;
  }

  /**
   * Who recorded the take, as a court-facing record names him: staff see the person
   * ("王老师（teacher1）", as {@code show.person}); an inmate sees himself as such and anyone else by
   * role ("教师"), never an account (issue 18 walk: the page showed {@code teacher1}).
   */
  public String getRecorder() {
    TakeService.TakeView t = getTake();
    if (t == null) {
      return "";
    }
    if (!currentUser.isInmate()) {
      return show.person(t.recordedBy());
    }
    if (t.recordedBy().equals(currentUser.getUsername())) {
      return Messages.text("music.take.byYou");
    }
    return takes.recorderRole(id).map(show::role).orElse(Messages.text("music.take.byStaff"));
  }

  /** Who wrote a piece of feedback: a teacher (only teachers write it), by name or by role. */
  public String writer(String login) {
    return currentUser.isInmate() ? show.role("TEACHER") : show.person(login);
  }

  public List<TakeService.FeedbackView> getFeedback() {
    return getTake() == null ? List.of() : takes.feedback(id);
  }

  public void write() {
    try {
      takes.writeFeedback(id, text, corrects);
      text = null;
      corrects = null;
      Messages.info("music.feedback.saved");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getCorrects() {
    return corrects;
  }

  public void setCorrects(Long corrects) {
    this.corrects = corrects;
  }
}
