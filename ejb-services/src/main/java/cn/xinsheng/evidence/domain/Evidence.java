package cn.xinsheng.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One upload of evidence: the content (by hash) and who brought it, when, from which device or
 * system, and what it shows. Entries refer to evidence by this id; the hash is in the audit leaf.
 */
@Entity
@Table(name = "evidence")
public class Evidence {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "sha256")
  private EvidenceBlob blob;

  @Column(name = "original_name", nullable = false, length = 255)
  private String originalName;

  @Column(name = "uploaded_by", nullable = false, length = 64)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(nullable = false, length = 100)
  private String source;

  @Column(nullable = false, length = 500)
  private String description;

  @Column(name = "section_id", nullable = false)
  private long sectionId;

  protected Evidence() {}

  public Evidence(
      EvidenceBlob blob,
      String originalName,
      String uploadedBy,
      Instant uploadedAt,
      String source,
      String description,
      long sectionId) {
    this.blob = blob;
    this.originalName = originalName;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.source = source;
    this.description = description;
    this.sectionId = sectionId;
  }

  public Long getId() {
    return id;
  }

  public EvidenceBlob getBlob() {
    return blob;
  }

  public String getSha256() {
    return blob.getSha256();
  }

  public EvidenceKind getKind() {
    return blob.getKind();
  }

  public String getOriginalName() {
    return originalName;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getSource() {
    return source;
  }

  public String getDescription() {
    return description;
  }

  public long getSectionId() {
    return sectionId;
  }
}
