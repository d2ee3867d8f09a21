package cn.xinsheng.readiness.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recidivism risk instrument as versioned data: factors with weighted values, an intercept, and
 * four probability cut-offs between the five levels (DOMAIN §6, after the Changning district
 * design: 26 static and dynamic factors, logistic regression, 5 levels).
 *
 * <p>{@code calibrated} is false until the instrument has been fitted on this prison's own
 * outcomes. The Changning model was fitted on people under community corrections, not on prisoners,
 * so the default instrument is labelled uncalibrated and every score says so.
 */
public record RiskInstrument(
    String id,
    boolean calibrated,
    String basisZh,
    String basisEn,
    double intercept,
    List<Double> cutoffs,
    List<RiskFactor> factors) {

  public RiskInstrument {
    if (id == null || !id.matches("[A-Za-z0-9._/-]{1,60}")) {
      throw new IllegalArgumentException("an instrument id is 1-60 of A-Z a-z 0-9 . _ / -: " + id);
    }
    if (basisZh == null || basisZh.isBlank() || basisEn == null || basisEn.isBlank()) {
      throw new IllegalArgumentException("an instrument says what it rests on, in both languages");
    }
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("the intercept is a finite number");
    }
    cutoffs = List.copyOf(cutoffs);
    if (cutoffs.size() != RiskLevel.values().length - 1) {
      throw new IllegalArgumentException("five levels need four cut-offs, not " + cutoffs.size());
    }
    double previous = 0;
    for (double c : cutoffs) {
      if (!(c > previous && c < 1)) {
        throw new IllegalArgumentException("cut-offs rise strictly between 0 and 1: " + cutoffs);
      }
      previous = c;
    }
    factors = List.copyOf(factors);
    if (factors.isEmpty()) {
      throw new IllegalArgumentException("an instrument has factors");
    }
    Set<String> seen = new HashSet<>();
    for (RiskFactor f : factors) {
      if (!seen.add(f.code())) {
        throw new IllegalArgumentException("factor " + f.code() + " twice");
      }
    }
  }

  /**
   * Scores one person. Every factor needs a value the instrument knows: a missing or unknown value
   * is refused naming the factor, never scored as if it were the reference value.
   */
  public RiskScore score(FactorValues values) {
    List<Contribution> contributions = new ArrayList<>(factors.size());
    double logOdds = intercept;
    for (RiskFactor f : factors) {
      String v = values.of(f.code());
      if (v == null || v.isBlank()) {
        throw new ReadinessRefusal("risk.error.factorMissing", f.code());
      }
      FactorLevel level =
          f.level(v).orElseThrow(() -> new ReadinessRefusal("risk.error.factorValue", f.code()));
      logOdds += level.weight();
      contributions.add(
          new Contribution(
              f.code(),
              f.zh(),
              f.en(),
              f.kind(),
              level.code(),
              level.zh(),
              level.en(),
              level.weight()));
    }
    for (String given : values.values().keySet()) {
      if (factors.stream().noneMatch(f -> f.code().equals(given))) {
        throw new ReadinessRefusal("risk.error.factorUnknown", given);
      }
    }
    contributions.sort(
        Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight()))
            .thenComparing(Contribution::factor));
    double p = Logistic.probability(logOdds);
    return new RiskScore(id, calibrated, intercept, logOdds, p, level(p), contributions);
  }

  /** The level a probability falls in: a probability equal to a cut-off is in the higher level. */
  public RiskLevel level(double probability) {
    int i = 0;
    while (i < cutoffs.size() && probability >= cutoffs.get(i)) {
      i++;
    }
    return RiskLevel.values()[i];
  }

  /**
   * This instrument recalibrated on outcomes: the same factors and weights, the log-odds mapped
   * through {@code offset + slope * logOdds} (logistic recalibration). Ranking, and so the AUC, is
   * unchanged for a positive slope; the probabilities and the levels move.
   */
  public RiskInstrument recalibrated(Recalibration r, String newId) {
    List<RiskFactor> scaled = new ArrayList<>(factors.size());
    for (RiskFactor f : factors) {
      List<FactorLevel> levels = new ArrayList<>();
      for (FactorLevel l : f.levels()) {
        levels.add(new FactorLevel(l.code(), r.slope() * l.weight(), l.zh(), l.en()));
      }
      scaled.add(new RiskFactor(f.code(), f.kind(), f.source(), f.zh(), f.en(), levels));
    }
    return new RiskInstrument(
        newId,
        true,
        basisZh + "；按本监狱结局数据重新校准（" + r.cases() + " 例）",
        basisEn + "; recalibrated on this prison's outcomes (" + r.cases() + " cases)",
        r.offset() + r.slope() * intercept,
        cutoffs,
        scaled);
  }
}
