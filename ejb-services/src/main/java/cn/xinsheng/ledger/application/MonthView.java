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
    LocalDate windowEnds) {}
