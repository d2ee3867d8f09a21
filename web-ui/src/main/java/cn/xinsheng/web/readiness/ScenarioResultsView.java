package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.readiness.application.SimulationService;
import cn.xinsheng.web.shell.LocaleView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The teacher's (and the education office's) simulation results: per scenario, first against latest
 * score over his learners, and every attempt, newest first, in the prison's time.
 */
@Named
@RequestScoped
public class ScenarioResultsView {

  @Inject SimulationService simulations;
  @Inject LocaleView locale;
  @Inject PrisonTime time;

  private List<SimulationService.ResultRow> results;
  private List<SimulationService.CohortLine> cohort;

  public List<SimulationService.ResultRow> getResults() {
    if (results == null) {
      results = simulations.results();
    }
    return results;
  }

  public List<SimulationService.CohortLine> getCohort() {
    if (cohort == null) {
      cohort = simulations.cohort();
    }
    return cohort;
  }

  public String title(String zh, String en) {
    return locale.isChinese() ? zh : en;
  }

  public String mistakes(SimulationService.ResultRow r) {
    return r.mistakes().stream()
        .map(m -> "−" + m.points() + " " + (locale.isChinese() ? m.zh() : m.en()))
        .collect(Collectors.joining("；"));
  }

  public String when(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(time.zone()).format(at);
  }
}
