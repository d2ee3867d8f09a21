package cn.xinsheng.readiness.domain;

/**
 * One value a factor can take, with its weight: the amount it adds to the log-odds of reoffending
 * within the instrument's follow-up period. The reference value of a factor weighs 0.
 */
public record FactorLevel(String code, double weight, String zh, String en) {

  public FactorLevel {
    if (code == null || !code.matches("[A-Z0-9_]{1,40}")) {
      throw new IllegalArgumentException("a level code is 1-40 of A-Z, 0-9 and _: " + code);
    }
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("a weight is a finite number: " + code);
    }
    if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
      throw new IllegalArgumentException("a level is named in Chinese and English: " + code);
    }
  }
}
