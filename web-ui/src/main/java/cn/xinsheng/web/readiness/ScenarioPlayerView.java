package cn.xinsheng.web.readiness;

import cn.xinsheng.readiness.application.SimulationService;
import cn.xinsheng.web.shell.LocaleView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The player page's frame: which scenario, its title and task; the playing is the script's. */
@Named
@RequestScoped
public class ScenarioPlayerView {

  @Inject SimulationService simulations;
  @Inject LocaleView locale;

  private String id;
  private Optional<SimulationService.ScenarioCard> card;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  private Optional<SimulationService.ScenarioCard> card() {
    if (card == null) {
      card = simulations.myScenarios().stream().filter(c -> c.id().equals(id)).findFirst();
    }
    return card;
  }

  public boolean isKnown() {
    return card().isPresent();
  }

  public String getTitle() {
    // an unknown id names the page by what it is, not "新生 · " with nothing after
    return card()
        .map(c -> locale.isChinese() ? c.titleZh() : c.titleEn())
        .orElseGet(() -> cn.xinsheng.web.shell.Messages.text("readiness.scenario.unknownTitle"));
  }

  public String getTask() {
    return card().map(c -> locale.isChinese() ? c.descriptionZh() : c.descriptionEn()).orElse("");
  }
}
