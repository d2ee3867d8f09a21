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
    String usedBy) {}
