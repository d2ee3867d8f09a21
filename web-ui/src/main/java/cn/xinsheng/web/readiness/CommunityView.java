package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.HandoverService;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Community corrections' home: the handovers issued to its offices (read-only, each read logged by
 * the platform), and the form that records a person's first report.
 */
@Named
@ViewScoped
public class CommunityView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient HandoverService handovers;
  @Inject transient PrisonTime time;

  private transient List<HandoverService.HandoverView> list;
  private Long handover;
  private LocalDate reportedOn;
  private String note = "";

  public List<HandoverService.HandoverView> getHandovers() {
    if (list == null) {
      list = handovers.forMyOffices();
    }
    return list;
  }

  public void record() {
    if (handover == null) {
      Messages.error("handover.error.unknown");
      return;
    }
    try {
      handovers.recordFirstReport(handover, reportedOn, note);
      list = null;
      note = "";
      Messages.info("report.recorded");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getRequestPath() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
  }

  public LocalDate getToday() {
    return time.today();
  }

  public Long getHandover() {
    return handover;
  }

  public void setHandover(Long handover) {
    this.handover = handover;
  }

  public LocalDate getReportedOn() {
    return reportedOn;
  }

  public void setReportedOn(LocalDate reportedOn) {
    this.reportedOn = reportedOn;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
