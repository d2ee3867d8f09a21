package cn.xinsheng.ledger.domain;

/**
 * One approved entry as the month close counts it: its part and amount, and whether it reverses an
 * entry of a locked month (a correction, which takes back its entry's full amount, outside caps).
 */
public record ScoredItem(long entryId, AssessmentPart part, Points amount, boolean reversal) {}
