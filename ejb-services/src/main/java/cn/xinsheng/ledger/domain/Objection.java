package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An objection of an inmate to an entry or a month, or a finding of a prosecutor or supervisor: the
 * start of a closed loop.
 */
@Entity
@Table(name = "objection")
public class Objection {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "inmate_id", nullable = false)
  private long inmateId;

  @Column(name = "section_id", nullable = false)
  private long sectionId;

  @Column(name = "target_type", nullable = false, length = 10)
  private String targetType;

  @Column(name = "entry_id")
  private Long entryId;

  @Column(name = "month", length = 7)
  private String month;

  /** A finding about a reduction or parole case (target CASE). */
  @Column(name = "case_id")
  private Long caseId;

  @Column(name = "text", nullable = false, length = 2000)
  private String text;

  @Column(name = "raised_by", nullable = false, length = 64)
  private String raisedBy;

  @Column(name = "raised_role", nullable = false, length = 20)
  private String raisedRole;

  @Column(name = "raised_at", nullable = false)
  private java.time.Instant raisedAt;

  protected Objection() {}

  public Objection(
      long inmateId,
      long sectionId,
      String targetType,
      Long entryId,
      String month,
      String text,
      String raisedBy,
      String raisedRole,
      java.time.Instant raisedAt) {
    this.inmateId = inmateId;
    this.sectionId = sectionId;
    this.targetType = targetType;
    this.entryId = entryId;
    this.month = month;
    this.text = text;
    this.raisedBy = raisedBy;
    this.raisedRole = raisedRole;
    this.raisedAt = raisedAt;
  }

  public Long getId() {
    return id;
  }

  /** Before it is stored: the case a CASE finding is about. */
  public Objection aboutCase(long caseId) {
    this.caseId = caseId;
    return this;
  }

  public Long getCaseId() {
    return caseId;
  }

  public long getInmateId() {
    return inmateId;
  }

  public long getSectionId() {
    return sectionId;
  }

  public String getTargetType() {
    return targetType;
  }

  public Long getEntryId() {
    return entryId;
  }

  public String getMonth() {
    return month;
  }

  public String getText() {
    return text;
  }

  public String getRaisedBy() {
    return raisedBy;
  }

  public String getRaisedRole() {
    return raisedRole;
  }

  public java.time.Instant getRaisedAt() {
    return raisedAt;
  }
}
