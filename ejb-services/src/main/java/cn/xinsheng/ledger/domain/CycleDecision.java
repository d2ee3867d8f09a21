package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reviewer's decision on what a cycle earned: 表扬, 物质奖励 or none, with the reason. */
@Entity
@Table(name = "cycle_decision")
public class CycleDecision {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "cycle_id", nullable = false)
  private long cycleId;

  @Column(name = "result", nullable = false, length = 12)
  private String result;

  @Column(name = "reason", nullable = false, length = 500)
  private String reason;

  @Column(name = "decided_by", nullable = false, length = 64)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private java.time.Instant decidedAt;

  protected CycleDecision() {}

  public CycleDecision(
      long cycleId, String result, String reason, String decidedBy, java.time.Instant decidedAt) {
    this.cycleId = cycleId;
    this.result = result;
    this.reason = reason;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public Long getId() {
    return id;
  }

  public long getCycleId() {
    return cycleId;
  }

  public String getResult() {
    return result;
  }

  public String getReason() {
    return reason;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public java.time.Instant getDecidedAt() {
    return decidedAt;
  }
}
