package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.Points;
import java.time.Instant;
import java.util.List;

/** One entry as the screens and exports show it, with its review and links. */
public record EntryView(
    long id,
    String prisonerNumber,
    String inmateName,
    long sectionId,
    String clauseCode,
    String clauseText,
    int catalogueVersion,
    AssessmentPart part,
    Points amount,
    String fact,
    Instant occurredAt,
    String month,
    String recordedBy,
    Instant recordedAt,
    EntryStatus status,
    String reviewedBy,
    String reviewReason,
    Instant reviewedAt,
    Long supersedesId,
    Long reversesId,
    String reason,
    List<Long> evidenceIds) {

  public boolean isCorrection() {
    return reversesId != null;
  }

  public String getAmountText() {
    return amount.isPositive() ? "+" + amount : amount.toString();
  }
}
