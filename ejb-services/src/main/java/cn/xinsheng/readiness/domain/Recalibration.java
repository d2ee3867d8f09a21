package cn.xinsheng.readiness.domain;

import java.util.List;

/**
 * Logistic recalibration of an instrument on labelled outcomes: the outcome regressed on the
 * instrument's log-odds, {@code p = logistic(offset + slope * logOdds)}, fitted by maximum
 * likelihood (Newton-Raphson). It is how DOMAIN §6 asks a prison to "calibrate on its own outcomes"
 * without refitting 26 weights on a few hundred releases.
 */
public record Recalibration(double offset, double slope, int cases) {

  private static final int MAX_ITERATIONS = 50;

  public static Recalibration fit(RiskInstrument instrument, List<LabelledCase> training) {
    int n = training.size();
    double[] x = new double[n];
    boolean[] y = new boolean[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      x[i] = instrument.score(training.get(i).values()).logOdds();
      y[i] = training.get(i).reoffended();
      positives += y[i] ? 1 : 0;
    }
    if (positives == 0 || positives == n) {
      // no outcome of one kind: the likelihood has no maximum
      throw new ReadinessRefusal("risk.error.oneOutcomeOnly", String.valueOf(n));
    }
    double a = 0;
    double b = 1;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int i = 0; i < n; i++) {
        double p = Logistic.probability(a + b * x[i]);
        double r = (y[i] ? 1 : 0) - p;
        double w = p * (1 - p);
        ga += r;
        gb += r * x[i];
        haa += w;
        hab += w * x[i];
        hbb += w * x[i] * x[i];
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 1e-12)) {
        throw new ReadinessRefusal("risk.error.noSpread", String.valueOf(n));
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a += da;
      b += db;
      if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
        return new Recalibration(a, b, n);
      }
    }
    return new Recalibration(a, b, n);
  }
}
