package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.RiskService;
import cn.xinsheng.web.shell.LocaleView;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An officer assesses an inmate of his sections (issue 20): the platform's values are shown with
 * where they came from and cannot be changed here; he chooses the rest. The score opens on its own
 * page with every contribution. Earlier assessments are listed below.
 */
@Named
@ViewScoped
public class RiskAssessView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient RiskService risk;
  @Inject LocaleView locale;
  @Inject cn.xinsheng.web.organisation.InmatePicker picker;

  /** The picker's value: "姓名（编号）" once chosen. */
  private String prisonerNumber;

  private transient RiskService.AssessmentForm form;
  private transient List<RiskService.AssessmentView> history;
  private final Map<String, String> entered = new HashMap<>();

  /**
   * A link may name the inmate (?inmate=3301000011): his form opens at once; a link naming nobody
   * the officer may assess says so. The page's view action, so that what it says is shown.
   */
  public void openLink() {
    String linked = cn.xinsheng.web.organisation.InmatePicker.parameter("inmate");
    if (linked == null) {
      return;
    }
    prisonerNumber = picker.lineOf(linked);
    if (picker.namesNobody(prisonerNumber)) {
      Messages.error("error.unknownInmate");
      return;
    }
    load();
  }

  private String number() {
    return cn.xinsheng.web.organisation.InmatePicker.numberOf(prisonerNumber);
  }

  public void load() {
    entered.clear();
    if (number().isEmpty()) {
      form = null;
      history = null;
      Messages.error("picker.inmate.required");
      return;
    }
    try {
      form = risk.form(number());
      history = risk.assessments(number());
    } catch (Refusal r) {
      form = null;
      history = null;
      Messages.refused(r);
    }
  }

  public void assess() throws IOException {
    try {
      RiskService.AssessmentView a = risk.assess(number(), entered);
      FacesContext c = FacesContext.getCurrentInstance();
      c.getExternalContext().getFlash().setKeepMessages(true);
      Messages.info("risk.assessed");
      c.getExternalContext()
          .redirect(
              c.getExternalContext().getRequestContextPath() + "/risk/score.xhtml?id=" + a.id());
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String text(String zh, String en) {
    return locale.isChinese() ? zh : en;
  }

  public String getPrisonerNumber() {
    return prisonerNumber;
  }

  public void setPrisonerNumber(String prisonerNumber) {
    this.prisonerNumber = prisonerNumber == null ? null : prisonerNumber.strip();
  }

  public RiskService.AssessmentForm getForm() {
    return form;
  }

  public List<RiskService.AssessmentView> getHistory() {
    return history;
  }

  public Map<String, String> getEntered() {
    return entered;
  }
}
