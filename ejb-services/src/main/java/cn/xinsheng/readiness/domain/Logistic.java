package cn.xinsheng.readiness.domain;

/** The logistic function, computed without overflow for large log-odds of either sign. */
final class Logistic {

  private Logistic() {}

  static double probability(double logOdds) {
    if (logOdds >= 0) {
      return 1 / (1 + Math.exp(-logOdds));
    }
    double e = Math.exp(logOdds);
    return e / (1 + e);
  }
}
