package cn.xinsheng.ledger.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A scored entry: the fact, the clause applied, the amount, its evidence, who recorded it and when.
 * Never edited: a returned entry is amended by a new version that supersedes it; an approved entry
 * of a locked month is corrected by a reversing entry with its own reason and evidence.
 */
@Entity
@Table(name = "point_entry")
public class PointEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "inmate_id", nullable = false)
  private long inmateId;

  @Column(name = "section_id", nullable = false)
  private long sectionId;

  @Column(name = "clause_id", nullable = false)
  private long clauseId;

  @Column(name = "amount_tenths", nullable = false)
  private int amountTenths;

  @Column(nullable = false, length = 1000)
  private String fact;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 7)
  private String month;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "supersedes_id")
  private Long supersedesId;

  @Column(name = "reverses_id")
  private Long reversesId;

  @Column(length = 500)
  private String reason;

  @Column(name = "batch_id")
  private Long batchId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "point_entry_evidence", joinColumns = @JoinColumn(name = "entry_id"))
  @Column(name = "evidence_id")
  private Set<Long> evidenceIds = new LinkedHashSet<>();

  protected PointEntry() {}

  public PointEntry(
      long inmateId,
      long sectionId,
      long clauseId,
      Points amount,
      String fact,
      Instant occurredAt,
      YearMonth month,
      String recordedBy,
      Instant recordedAt,
      Set<Long> evidenceIds) {
    this.inmateId = inmateId;
    this.sectionId = sectionId;
    this.clauseId = clauseId;
    this.amountTenths = Math.toIntExact(amount.tenths());
    this.fact = fact;
    this.occurredAt = occurredAt;
    this.month = month.toString();
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.evidenceIds = new LinkedHashSet<>(evidenceIds);
  }

  /** A new version of a returned entry. */
  public PointEntry amending(long supersededId) {
    this.supersedesId = supersededId;
    return this;
  }

  /** A correction: reverses an approved entry, for a reason. */
  public PointEntry reversing(long reversedId, String why) {
    this.reversesId = reversedId;
    this.reason = why;
    return this;
  }

  public PointEntry inBatch(long batch) {
    this.batchId = batch;
    return this;
  }

  public Long getId() {
    return id;
  }

  public long getInmateId() {
    return inmateId;
  }

  public long getSectionId() {
    return sectionId;
  }

  public long getClauseId() {
    return clauseId;
  }

  public Points getAmount() {
    return new Points(amountTenths);
  }

  public String getFact() {
    return fact;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public YearMonth getMonth() {
    return YearMonth.parse(month);
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public Long getSupersedesId() {
    return supersedesId;
  }

  public Long getReversesId() {
    return reversesId;
  }

  public String getReason() {
    return reason;
  }

  public Long getBatchId() {
    return batchId;
  }

  public Set<Long> getEvidenceIds() {
    return Set.copyOf(evidenceIds);
  }
}
