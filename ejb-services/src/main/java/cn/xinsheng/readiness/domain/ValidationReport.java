package cn.xinsheng.readiness.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well an instrument ranks and calibrates on labelled outcomes: the AUC (the probability that a
 * person who reoffended scored higher than one who did not), calibration by level (mean predicted
 * probability against the observed rate), and a confusion table at each of the four cut-offs
 * ("level k or higher" counted as predicting reoffending). It reports what was measured on these
 * cases and nothing more.
 */
public record ValidationReport(
    String instrument,
    int cases,
    int reoffended,
    double auc,
    List<LevelCalibration> calibration,
    List<Confusion> confusion) {

  /** One level: how many cases fell in it, what the instrument predicted and what happened. */
  public record LevelCalibration(
      RiskLevel level, int cases, int reoffended, double meanPredicted, double observedRate) {}

  /** The table when "at or above {@code from}" is read as predicting reoffending. */
  public record Confusion(
      RiskLevel from, int truePositive, int falsePositive, int trueNegative, int falseNegative) {

    public double sensitivity() {
      int p = truePositive + falseNegative;
      return p == 0 ? Double.NaN : (double) truePositive / p;
    }

    public double specificity() {
      int n = trueNegative + falsePositive;
      return n == 0 ? Double.NaN : (double) trueNegative / n;
    }

    public double positivePredictiveValue() {
      int flagged = truePositive + falsePositive;
      return flagged == 0 ? Double.NaN : (double) truePositive / flagged;
    }
  }

  public ValidationReport {
    calibration = List.copyOf(calibration);
    confusion = List.copyOf(confusion);
  }

  /**
   * Calibration error: the case-weighted mean distance between predicted and observed rates across
   * levels (0 is perfect).
   */
  public double calibrationError() {
    double sum = 0;
    for (LevelCalibration l : calibration) {
      if (l.cases() > 0) {
        sum += l.cases() * Math.abs(l.meanPredicted() - l.observedRate());
      }
    }
    return cases == 0 ? Double.NaN : sum / cases;
  }

  public static ValidationReport of(RiskInstrument instrument, List<LabelledCase> cases) {
    int n = cases.size();
    if (n == 0) {
      throw new ReadinessRefusal("risk.error.noCases", "0");
    }
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    RiskLevel[] level = new RiskLevel[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      RiskScore s = instrument.score(cases.get(i).values());
      p[i] = s.probability();
      level[i] = s.level();
      y[i] = cases.get(i).reoffended();
      positives += y[i] ? 1 : 0;
    }
    List<LevelCalibration> calibration = new ArrayList<>();
    for (RiskLevel l : RiskLevel.values()) {
      int in = 0;
      int reoffended = 0;
      double predicted = 0;
      for (int i = 0; i < n; i++) {
        if (level[i] == l) {
          in++;
          reoffended += y[i] ? 1 : 0;
          predicted += p[i];
        }
      }
      calibration.add(
          new LevelCalibration(
              l,
              in,
              reoffended,
              in == 0 ? Double.NaN : predicted / in,
              in == 0 ? Double.NaN : (double) reoffended / in));
    }
    List<Confusion> confusion = new ArrayList<>();
    for (RiskLevel from : Arrays.copyOfRange(RiskLevel.values(), 1, RiskLevel.values().length)) {
      int tp = 0;
      int fp = 0;
      int tn = 0;
      int fn = 0;
      for (int i = 0; i < n; i++) {
        boolean flagged = level[i].compareTo(from) >= 0;
        if (flagged && y[i]) {
          tp++;
        } else if (flagged) {
          fp++;
        } else if (y[i]) {
          fn++;
        } else {
          tn++;
        }
      }
      confusion.add(new Confusion(from, tp, fp, tn, fn));
    }
    return new ValidationReport(instrument.id(), n, positives, auc(p, y), calibration, confusion);
  }

  /**
   * The AUC by ranks (Mann–Whitney U over positives × negatives), ties counted one half; NaN when
   * the cases hold only one kind of outcome. Scores that differ only by floating-point rounding
   * (the same values summed in another order, or rescaled) are ties, so a recalibration that keeps
   * the order keeps the AUC exactly.
   */
  public static double auc(double[] scores, boolean[] outcome) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPositives = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && tied(scores[order[i]], scores[order[j + 1]])) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1; // ranks from 1, ties share their mean rank
      for (int k = i; k <= j; k++) {
        if (outcome[order[k]]) {
          rankSumPositives += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0) / (positives * negatives);
  }

  private static boolean tied(double low, double high) {
    return high - low <= 1e-9 * Math.max(1, Math.abs(low));
  }
}
