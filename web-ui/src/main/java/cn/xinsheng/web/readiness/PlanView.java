package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.HandoverService;
import cn.xinsheng.readiness.application.ReleasePlanService;
import cn.xinsheng.web.shell.LocaleView;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * One release plan (officer and reviewer): the countdown, the alerts, the checklist with each
 * item's history, an update form (with an evidence upload through the evidence context), the
 * rulings that moved the date, and the handovers to community corrections with their feedback.
 */
@Named
@ViewScoped
public class PlanView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ReleasePlanService plans;
  @Inject transient HandoverService handovers;
  @Inject transient LocaleView locale;

  private String inmate;
  private transient ReleasePlanService.PlanPage page;
  private transient List<HandoverService.HandoverView> handoverList;
  private String item;
  private String status = "IN_PROGRESS";
  private String note = "";
  private Long evidenceId;
  private String evidenceName;
  private Long office;

  /** Reads the plan before the page renders, so a refusal shows in the page's messages. */
  public void load() {
    if (inmate == null || inmate.isBlank()) {
      return;
    }
    try {
      page = plans.plan(inmate);
      handoverList = handovers.ofInmate(inmate);
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public ReleasePlanService.PlanPage getPage() {
    return page;
  }

  public List<HandoverService.HandoverView> getHandovers() {
    return handoverList == null ? List.of() : handoverList;
  }

  public List<HandoverService.OfficeView> getOffices() {
    return handovers.offices();
  }

  public String text(String zh, String en) {
    return locale.isChinese() ? zh : en;
  }

  public void handleUpload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      ReleasePlanService.EvidenceRef e =
          plans.uploadEvidence(
              inmate,
              in,
              event.getFile().getFileName(),
              Messages.text("plan.evidence.source"),
              Messages.text("plan.evidence.description"));
      evidenceId = e.id();
      evidenceName = e.name();
      Messages.info("ledger.evidence.uploaded", e.name());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("evidence.error.type");
    }
  }

  public void update() {
    try {
      page = plans.update(inmate, item, status, note, evidenceId);
      Messages.info("plan.updated");
      note = "";
      evidenceId = null;
      evidenceName = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void issue() {
    if (office == null) {
      Messages.error("handover.error.office");
      return;
    }
    try {
      handovers.issue(inmate, office);
      handoverList = handovers.ofInmate(inmate);
      page = plans.plan(inmate);
      Messages.info("handover.issued");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getRequestPath() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
  }

  public String getInmate() {
    return inmate;
  }

  public void setInmate(String inmate) {
    this.inmate = inmate;
  }

  public String getItem() {
    return item;
  }

  public void setItem(String item) {
    this.item = item;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public Long getEvidenceId() {
    return evidenceId;
  }

  public String getEvidenceName() {
    return evidenceName;
  }

  public Long getOffice() {
    return office;
  }

  public void setOffice(Long office) {
    this.office = office;
  }
}
