package cn.xinsheng.readiness.domain;

import java.util.List;

/**
 * A scored assessment: the log-odds (intercept plus every contribution), the probability of
 * reoffending the instrument predicts, the level, and the contributions from the largest in size
 * down. {@code calibrated} says whether the instrument was fitted on this prison's own outcomes;
 * the page and the handover say so when it was not.
 */
public record RiskScore(
    String instrument,
    boolean calibrated,
    double intercept,
    double logOdds,
    double probability,
    RiskLevel level,
    List<Contribution> contributions) {

  public RiskScore {
    contributions = List.copyOf(contributions);
  }
}
