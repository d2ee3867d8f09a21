package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.file.UploadedFile;

/** An assignment at the terminal: instructions, due date, hand in text (and a file), see grades. */
@Named
@ViewScoped
public class AssignmentPageView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AssignmentService assignments;

  private Long id;
  private String text;
  private transient UploadedFile file;
  private transient AssignmentService.AssignmentView view;

  public AssignmentService.AssignmentView getView() {
    if (view == null && id != null) {
      try {
        view = assignments.view(id);
      } catch (Refusal r) {
        Messages.refused(r);
      }
    }
    return view;
  }

  public void submit() {
    try {
      byte[] bytes = file == null || file.getSize() == 0 ? null : file.getContent();
      assignments.submit(id, text, file == null ? null : file.getFileName(), bytes);
      Messages.info("lms.assignment.submitted");
      text = null;
      view = null;
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

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
