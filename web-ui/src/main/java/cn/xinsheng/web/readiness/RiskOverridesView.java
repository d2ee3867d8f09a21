package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.RiskService;
import cn.xinsheng.web.shell.LocaleView;
import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The overrides that name the caller as the second officer and wait for his signature. */
@Named
@RequestScoped
public class RiskOverridesView {

  @Inject RiskService risk;
  @Inject LocaleView locale;
  @Inject PrisonTime time;

  private List<RiskService.OverrideView> awaiting;

  public List<RiskService.OverrideView> getAwaiting() {
    if (awaiting == null) {
      awaiting = risk.awaitingMySignature();
    }
    return awaiting;
  }

  public void countersign(long overrideId) {
    try {
      risk.countersign(overrideId);
      Messages.info("risk.override.signed");
    } catch (Refusal r) {
      Messages.refused(r);
    }
    awaiting = null;
  }

  public String level(RiskService.LevelView l) {
    return l == null ? "—" : locale.isChinese() ? l.zh() : l.en();
  }

  public String when(Instant at) {
    return at == null
        ? "—"
        : DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(time.zone()).format(at);
  }
}
