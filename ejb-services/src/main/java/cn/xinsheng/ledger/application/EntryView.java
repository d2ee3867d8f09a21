package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.Points;
import java.time.Instant;
import java.util.List;

/**
 * One entry as the screens and exports show it, with its review and links, and a warning when the
 * entry, its review or its evidence no longer match what the audit log bound when they were written
 * (null when they do).
 */
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
    List<Long> evidenceIds,
    String integrityWarning) {

  /** The same entry, with what its integrity check found. */
  public EntryView withIntegrityWarning(String warning) {
    return new EntryView(
        id,
        prisonerNumber,
        inmateName,
        sectionId,
        clauseCode,
        clauseText,
        catalogueVersion,
        part,
        amount,
        fact,
        occurredAt,
        month,
        recordedBy,
        recordedAt,
        status,
        reviewedBy,
        reviewReason,
        reviewedAt,
        supersedesId,
        reversesId,
        reason,
        evidenceIds,
        warning);
  }

  /** Whether the entry as read differs from what the audit log bound. */
  public boolean isTampered() {
    return integrityWarning != null;
  }

  public boolean isCorrection() {
    return reversesId != null;
  }

  /** The part the entry's clause belongs to, by name (the screens' and the API's word for it). */
  public String partName() {
    return part.name();
  }

  /** The amount as written, without a sign for a positive one. */
  public String amountAsWritten() {
    return amount.toString();
  }

  /** Where the entry stands in its review, by name. */
  public String statusName() {
    return status.name();
  }

  /** Whether this reviewer may approve or return the entry: it awaits review, and not his own. */
  public boolean awaitsReviewBy(String reviewer) {
    return status == EntryStatus.PENDING && !recordedBy.equals(reviewer);
  }

  /** Whether the entry was returned to this officer, its author, for a new version. */
  public boolean returnedTo(String author) {
    return status == EntryStatus.RETURNED && recordedBy.equals(author);
  }

  /**
   * Whether a reversing entry may correct it once its month is locked: approved, and not itself a
   * correction.
   */
  public boolean correctable() {
    return status == EntryStatus.APPROVED && reversesId == null;
  }

  public String getAmountText() {
    return amount.isPositive() ? "+" + amount : amount.toString();
  }
}
