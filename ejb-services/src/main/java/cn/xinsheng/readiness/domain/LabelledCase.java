package cn.xinsheng.readiness.domain;

/**
 * A past release with its outcome: the factor values at release and whether the person reoffended
 * within the follow-up period. Validation and recalibration use nothing else.
 */
public record LabelledCase(FactorValues values, boolean reoffended) {}
