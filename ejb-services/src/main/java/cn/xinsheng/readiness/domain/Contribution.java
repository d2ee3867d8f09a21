package cn.xinsheng.readiness.domain;

/**
 * What one factor added to a score: the value the person has and its weight in log-odds. The
 * handover and the score page show every contribution, so no level comes without its reasons.
 */
public record Contribution(
    String factor,
    String factorZh,
    String factorEn,
    RiskFactor.Kind kind,
    String value,
    String valueZh,
    String valueEn,
    double weight) {}
