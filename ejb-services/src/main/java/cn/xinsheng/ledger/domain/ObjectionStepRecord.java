package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One step of an objection's loop as it was done: by whom, when, by which deadline, with what note
 * and outcome.
 */
@Entity
@Table(name = "objection_step")
public class ObjectionStepRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "objection_id", nullable = false)
  private long objectionId;

  @Column(name = "step", nullable = false, length = 10)
  private String step;

  @Column(name = "owner", nullable = false, length = 64)
  private String owner;

  @Column(name = "due_on", nullable = false)
  private java.time.LocalDate dueOn;

  @Column(name = "done_by", nullable = false, length = 64)
  private String doneBy;

  @Column(name = "done_at", nullable = false)
  private java.time.Instant doneAt;

  @Column(name = "note", nullable = false, length = 2000)
  private String note;

  @Column(name = "outcome", length = 12)
  private String outcome;

  @Column(name = "linked_entry_id")
  private Long linkedEntryId;

  protected ObjectionStepRecord() {}

  public ObjectionStepRecord(
      long objectionId,
      String step,
      String owner,
      java.time.LocalDate dueOn,
      String doneBy,
      java.time.Instant doneAt,
      String note,
      String outcome,
      Long linkedEntryId) {
    this.objectionId = objectionId;
    this.step = step;
    this.owner = owner;
    this.dueOn = dueOn;
    this.doneBy = doneBy;
    this.doneAt = doneAt;
    this.note = note;
    this.outcome = outcome;
    this.linkedEntryId = linkedEntryId;
  }

  public Long getId() {
    return id;
  }

  public long getObjectionId() {
    return objectionId;
  }

  public String getStep() {
    return step;
  }

  public String getOwner() {
    return owner;
  }

  public java.time.LocalDate getDueOn() {
    return dueOn;
  }

  public String getDoneBy() {
    return doneBy;
  }

  public java.time.Instant getDoneAt() {
    return doneAt;
  }

  public String getNote() {
    return note;
  }

  public String getOutcome() {
    return outcome;
  }

  public Long getLinkedEntryId() {
    return linkedEntryId;
  }
}
