package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The second signature on one entry version: approved, or returned with a reason. */
@Entity
@Table(name = "entry_review")
public class EntryReview {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "entry_id", nullable = false, unique = true)
  private long entryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private ReviewDecision decision;

  @Column(length = 500)
  private String reason;

  @Column(name = "reviewed_by", nullable = false, length = 64)
  private String reviewedBy;

  @Column(name = "reviewed_at", nullable = false)
  private Instant reviewedAt;

  protected EntryReview() {}

  public EntryReview(
      long entryId, ReviewDecision decision, String reason, String reviewedBy, Instant at) {
    this.entryId = entryId;
    this.decision = decision;
    this.reason = reason;
    this.reviewedBy = reviewedBy;
    this.reviewedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getEntryId() {
    return entryId;
  }

  public ReviewDecision getDecision() {
    return decision;
  }

  public String getReason() {
    return reason;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
