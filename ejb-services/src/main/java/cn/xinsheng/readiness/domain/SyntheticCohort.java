package cn.xinsheng.readiness.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic cohort of past releases for the demo's validation report, from a documented, seeded
 * generator (docs/risk-model.md). It is not data about anyone and proves nothing about the
 * instrument's accuracy on real prisoners; it shows how the report is made and that it is
 * reproducible (the same seed gives the same cohort, so the same AUC).
 *
 * <p>The generating process, so that it is not the instrument itself:
 *
 * <ol>
 *   <li>each factor takes its first (reference) value with probability 1/2; the other values share
 *       the remaining half equally, independently of the other factors;
 *   <li>the true log-odds are {@code trueIntercept + Σ weight × (1 + d_f) + ε}: each factor's
 *       weight distorted by a factor-wide {@code d_f} drawn uniformly from [-0.6, 0.6], plus
 *       person-level noise {@code ε ~ N(0, noise²)} for everything the instrument does not see;
 *   <li>the outcome is drawn from the logistic of the true log-odds.
 * </ol>
 */
public final class SyntheticCohort {

  /** The demo cohort's parameters, printed with its report. */
  public record Parameters(long seed, int size, double trueIntercept, double noise) {}

  /**
   * The demo cohort of docs/risk-model.md: the first half recalibrates, the second half is held out
   * and is what the report is measured on.
   */
  public static final Parameters DEMO = new Parameters(20261202L, 4000, -3.9, 0.8);

  private SyntheticCohort() {}

  public static List<LabelledCase> generate(RiskInstrument instrument, Parameters p) {
    if (p.size() < 1 || p.size() > 1_000_000) {
      throw new IllegalArgumentException("a cohort has 1 to 1,000,000 people: " + p.size());
    }
    SplittableRandom random = new SplittableRandom(p.seed());
    Map<String, Double> distortion = new HashMap<>();
    for (RiskFactor f : instrument.factors()) {
      distortion.put(f.code(), random.nextDouble(-0.6, 0.6));
    }
    List<LabelledCase> cohort = new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      Map<String, String> values = new HashMap<>();
      double logOdds = p.trueIntercept() + p.noise() * gaussian(random);
      for (RiskFactor f : instrument.factors()) {
        List<FactorLevel> levels = f.levels();
        FactorLevel level =
            random.nextBoolean()
                ? levels.get(0)
                : levels.get(1 + random.nextInt(levels.size() - 1));
        values.put(f.code(), level.code());
        logOdds += level.weight() * (1 + distortion.get(f.code()));
      }
      boolean reoffended = random.nextDouble() < Logistic.probability(logOdds);
      cohort.add(new LabelledCase(new FactorValues(values), reoffended));
    }
    return cohort;
  }

  /** A standard normal draw (Box–Muller), from the cohort's own random stream. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble(); // in (0, 1]
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
