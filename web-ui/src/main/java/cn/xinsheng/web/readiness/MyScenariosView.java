package cn.xinsheng.web.readiness;

import cn.xinsheng.readiness.application.SimulationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The inmate's list of simulations with his attempts so far. */
@Named
@RequestScoped
public class MyScenariosView {

  @Inject SimulationService simulations;

  private List<SimulationService.ScenarioCard> scenarios;

  public List<SimulationService.ScenarioCard> getScenarios() {
    if (scenarios == null) {
      scenarios = simulations.myScenarios();
    }
    return scenarios;
  }
}
