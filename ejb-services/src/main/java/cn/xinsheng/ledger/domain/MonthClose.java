package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The month close of one section: computed from the approved entries; its steps (approved,
 * published, locked) are rows of their own.
 */
@Entity
@Table(name = "month_close")
public class MonthClose {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "section_id", nullable = false)
  private long sectionId;

  @Column(name = "month", nullable = false, length = 7)
  private String month;

  @Column(name = "split", nullable = false, length = 20)
  private String split;

  @Column(name = "computed_by", nullable = false, length = 64)
  private String computedBy;

  @Column(name = "computed_at", nullable = false)
  private java.time.Instant computedAt;

  protected MonthClose() {}

  public MonthClose(
      long sectionId, String month, String split, String computedBy, java.time.Instant computedAt) {
    this.sectionId = sectionId;
    this.month = month;
    this.split = split;
    this.computedBy = computedBy;
    this.computedAt = computedAt;
  }

  public Long getId() {
    return id;
  }

  public long getSectionId() {
    return sectionId;
  }

  public String getMonth() {
    return month;
  }

  public String getSplit() {
    return split;
  }

  public String getComputedBy() {
    return computedBy;
  }

  public java.time.Instant getComputedAt() {
    return computedAt;
  }
}
