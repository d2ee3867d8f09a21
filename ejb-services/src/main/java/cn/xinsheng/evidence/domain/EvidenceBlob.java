package cn.xinsheng.evidence.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence content, stored once under its SHA-256 and never overwritten. */
@Entity
@Cacheable
@Table(name = "evidence_blob")
public class EvidenceBlob {
  @Id
  @Column(length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private EvidenceKind kind;

  @Column(nullable = false)
  private boolean thumbnail;

  @Column(name = "stored_at", nullable = false)
  private Instant storedAt;

  protected EvidenceBlob() {}

  public EvidenceBlob(
      String sha256,
      long sizeBytes,
      String mediaType,
      EvidenceKind kind,
      boolean thumbnail,
      Instant storedAt) {
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.mediaType = mediaType;
    this.kind = kind;
    this.thumbnail = thumbnail;
    this.storedAt = storedAt;
  }

  public String getSha256() {
    return sha256;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getMediaType() {
    return mediaType;
  }

  public EvidenceKind getKind() {
    return kind;
  }

  public boolean isThumbnail() {
    return thumbnail;
  }
}
