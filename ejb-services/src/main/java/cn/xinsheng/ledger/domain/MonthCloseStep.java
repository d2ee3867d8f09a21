package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One step of a month close: approved by a reviewer, published (公示) with its objection window,
 * locked.
 */
@Entity
@Table(name = "month_close_step")
public class MonthCloseStep {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "close_id", nullable = false)
  private long closeId;

  @Column(name = "step", nullable = false, length = 12)
  private String step;

  @Column(name = "done_by", nullable = false, length = 64)
  private String doneBy;

  @Column(name = "done_at", nullable = false)
  private java.time.Instant doneAt;

  @Column(name = "window_ends")
  private java.time.LocalDate windowEnds;

  @Column(name = "note", length = 500)
  private String note;

  protected MonthCloseStep() {}

  public MonthCloseStep(
      long closeId,
      String step,
      String doneBy,
      java.time.Instant doneAt,
      java.time.LocalDate windowEnds,
      String note) {
    this.closeId = closeId;
    this.step = step;
    this.doneBy = doneBy;
    this.doneAt = doneAt;
    this.windowEnds = windowEnds;
    this.note = note;
  }

  public Long getId() {
    return id;
  }

  public long getCloseId() {
    return closeId;
  }

  public String getStep() {
    return step;
  }

  public String getDoneBy() {
    return doneBy;
  }

  public java.time.Instant getDoneAt() {
    return doneAt;
  }

  public java.time.LocalDate getWindowEnds() {
    return windowEnds;
  }

  public String getNote() {
    return note;
  }
}
