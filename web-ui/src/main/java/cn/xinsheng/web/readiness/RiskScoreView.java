package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.RiskService;
import cn.xinsheng.web.shell.LocaleView;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One score (issue 20): the level and probability, every factor's contribution as a bar chart
 * (drawn in HTML from the numbers, no script), the overrides with their signatures, and the two
 * steps of an override: an officer requests it with a reason naming the second officer, and that
 * officer countersigns.
 */
@Named
@ViewScoped
public class RiskScoreView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient RiskService risk;
  @Inject LocaleView locale;
  @Inject transient PrisonTime time;

  private Long id;
  private transient RiskService.AssessmentView assessment;
  private transient List<RiskService.OfficerChoice> officers;
  private String decided;
  private String reason;
  private String secondOfficer;

  public void load() {
    if (id == null) {
      assessment = null;
      return;
    }
    try {
      assessment = risk.assessment(id);
    } catch (Refusal r) {
      assessment = null;
      Messages.refused(r);
    }
  }

  public void requestOverride() {
    try {
      risk.requestOverride(id, decided, reason, secondOfficer);
      reason = null;
      Messages.info("risk.override.requested");
    } catch (Refusal r) {
      Messages.refused(r);
    }
    load();
  }

  public void countersign(long overrideId) {
    try {
      risk.countersign(overrideId);
      Messages.info("risk.override.signed");
    } catch (Refusal r) {
      Messages.refused(r);
    }
    load();
  }

  public List<RiskService.OfficerChoice> getOfficers() {
    if (officers == null) {
      officers = risk.secondOfficers();
    }
    return officers;
  }

  /** The largest contribution in size, so the longest bar fills half the chart. */
  private double largest() {
    double m = 0;
    for (RiskService.ContributionView c : assessment.contributions()) {
      m = Math.max(m, Math.abs(c.weight()));
    }
    return m == 0 ? 1 : m;
  }

  /** A bar's width in percent of the chart: up to 50 each side of the middle line. */
  public String barWidth(RiskService.ContributionView c) {
    return String.format(Locale.ROOT, "%.1f", 50 * Math.abs(c.weight()) / largest());
  }

  /** Where a bar starts: raising risk grows right from the middle, lowering it grows left. */
  public String barLeft(RiskService.ContributionView c) {
    double w = 50 * Math.abs(c.weight()) / largest();
    return String.format(Locale.ROOT, "%.1f", c.weight() >= 0 ? 50 : 50 - w);
  }

  public String weight(double w) {
    return (w > 0 ? "+" : w < 0 ? "−" : "±") + String.format(Locale.ROOT, "%.2f", Math.abs(w));
  }

  public String percent(double p) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  public String text(String zh, String en) {
    return locale.isChinese() ? zh : en;
  }

  public String level(RiskService.LevelView l) {
    return l == null ? "—" : locale.isChinese() ? l.zh() : l.en();
  }

  public String when(Instant at) {
    return at == null
        ? "—"
        : DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(time.zone()).format(at);
  }

  public List<String> getLevels() {
    return List.of("LOW", "FAIRLY_LOW", "MEDIUM", "FAIRLY_HIGH", "HIGH");
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public RiskService.AssessmentView getAssessment() {
    return assessment;
  }

  public String getDecided() {
    return decided;
  }

  public void setDecided(String decided) {
    this.decided = decided;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getSecondOfficer() {
    return secondOfficer;
  }

  public void setSecondOfficer(String secondOfficer) {
    this.secondOfficer = secondOfficer;
  }
}
