package cn.xinsheng.auditlog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An audit event as stored, before the sequencer gives it a leaf index: its canonical JSON and leaf
 * hash. Persisted through the caller's own persistence context, so it shares the business record's
 * connection and transaction.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Lob
  @Column(name = "leaf_data", nullable = false)
  private byte[] leafData;

  @Column(name = "leaf_hash", nullable = false, length = 32)
  private byte[] leafHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** An index for finding entries; the leaf data are what counts. */
  @Column(name = "subject", length = 200)
  private String subject;

  @Column(name = "inmate", length = 10)
  private String inmate;

  protected AuditEntry() {}

  public AuditEntry(
      byte[] leafData, byte[] leafHash, Instant createdAt, String subject, String inmate) {
    this.leafData = leafData.clone();
    this.leafHash = leafHash.clone();
    this.createdAt = createdAt;
    this.subject = subject.length() > 200 ? subject.substring(0, 200) : subject;
    this.inmate = inmate;
  }

  public Long getId() {
    return id;
  }
}
