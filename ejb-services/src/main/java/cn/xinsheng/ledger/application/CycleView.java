package cn.xinsheng.ledger.application;

import java.time.Instant;

/** A closed 600-point cycle with what a reviewer decided it earned (if he has). */
public record CycleView(
    long id,
    String prisonerNumber,
    int number,
    String firstMonth,
    String closedMonth,
    long entries,
    String result,
    String reason,
    String decidedBy,
    Instant decidedAt,
    String usedBy) {

  /** The same cycle, marked used by the granted case with this number (null when unused). */
  public CycleView withUsedBy(String caseNumber) {
    return new CycleView(
        id,
        prisonerNumber,
        number,
        firstMonth,
        closedMonth,
        entries,
        result,
        reason,
        decidedBy,
        decidedAt,
        caseNumber);
  }
}
