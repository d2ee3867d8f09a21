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
