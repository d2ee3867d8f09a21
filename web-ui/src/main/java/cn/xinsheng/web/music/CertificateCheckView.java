package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Whether a certificate is genuine: staff and external readers enter the code printed on it and see
 * what the prison's records say it states (an external reader's read is logged like all of his).
 */
@Named
@ViewScoped
public class CertificateCheckView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ExamService exams;

  private String code;
  private transient ExamService.Verification result;

  public void check() {
    result = exams.verify(code);
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public ExamService.Verification getResult() {
    return result;
  }
}
