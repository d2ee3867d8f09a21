package cn.xinsheng.auditlog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A witness's cosignature of one checkpoint: the signed note with only the witness's line. */
@Entity
@Table(name = "audit_cosignature")
public class AuditCosignature {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "witness_id", nullable = false)
  private Long witnessId;

  @Column(name = "tree_size", nullable = false)
  private long treeSize;

  @Lob
  @Column(nullable = false)
  private String note;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected AuditCosignature() {}

  public AuditCosignature(long witnessId, long treeSize, String note, Instant receivedAt) {
    this.witnessId = witnessId;
    this.treeSize = treeSize;
    this.note = note;
    this.receivedAt = receivedAt;
  }
}
