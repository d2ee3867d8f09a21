package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.AssessmentPart;
import java.time.Instant;
import java.util.List;

/**
 * What an officer enters for one inmate: the clause (and the part he chose it from, if any), the
 * amount, the fact, when it happened, and the evidence.
 */
public record RecordCommand(
    String prisonerNumber,
    AssessmentPart part,
    String clauseCode,
    String amount,
    String fact,
    Instant occurredAt,
    List<Long> evidenceIds) {}
