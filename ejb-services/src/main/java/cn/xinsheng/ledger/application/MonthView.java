package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.Points;
import java.time.LocalDate;

/** One inmate's month as published: parts, special, sanctions, total, balance, cycle carry. */
public record MonthView(
    long closeId,
    String month,
    String prisonerNumber,
    String inmateName,
    Points supervision,
    Points education,
    Points labour,
    Points special,
    Points sanctions,
    Points discarded,
    Points total,
    Points balance,
    Points cycleCarry,
    int cyclesClosed,
    int entries,
    String state,
    LocalDate windowEnds) {

  /** The month's points as written (the API's and the exports' form), in the order above. */
  public record Written(
      String supervision,
      String education,
      String labour,
      String special,
      String sanctions,
      String discarded,
      String total,
      String balance,
      String cycleCarry) {}

  public Written written() {
    return new Written(
        supervision.toString(),
        education.toString(),
        labour.toString(),
        special.toString(),
        sanctions.toString(),
        discarded.toString(),
        total.toString(),
        balance.toString(),
        cycleCarry.toString());
  }

  /** The same month with its close's state and the end of its objection window. */
  public MonthView withState(String state, LocalDate windowEnds) {
    return new MonthView(
        closeId,
        month,
        prisonerNumber,
        inmateName,
        supervision,
        education,
        labour,
        special,
        sanctions,
        discarded,
        total,
        balance,
        cycleCarry,
        cyclesClosed,
        entries,
        state,
        windowEnds);
  }
}
