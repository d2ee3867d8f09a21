package cn.xinsheng.web.readiness;

import cn.xinsheng.readiness.application.ReleasePlanService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The release plans of the officer's sections, nearest release first, with filters. */
@Named
@ViewScoped
public class PlansView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ReleasePlanService plans;

  private Long section;
  private boolean lateOnly;
  private String text = "";
  private transient List<ReleasePlanService.PlanLine> lines;

  public List<ReleasePlanService.PlanLine> getLines() {
    if (lines == null) {
      lines = plans.plans(section, lateOnly, text);
    }
    return lines;
  }

  public List<ReleasePlanService.SectionOption> getSections() {
    return plans.mySections();
  }

  public void filter() {
    lines = null;
  }

  public Long getSection() {
    return section;
  }

  public void setSection(Long section) {
    this.section = section;
  }

  public boolean isLateOnly() {
    return lateOnly;
  }

  public void setLateOnly(boolean lateOnly) {
    this.lateOnly = lateOnly;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text == null ? "" : text;
  }
}
