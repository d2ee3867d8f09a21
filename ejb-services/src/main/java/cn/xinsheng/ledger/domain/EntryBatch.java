package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bulk import saved as one batch: which file (by hash), how many rows, by whom. */
@Entity
@Table(name = "entry_batch")
public class EntryBatch {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "section_id", nullable = false)
  private long sectionId;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "rows_saved", nullable = false)
  private int rowsSaved;

  @Column(name = "imported_by", nullable = false, length = 64)
  private String importedBy;

  @Column(name = "imported_at", nullable = false)
  private java.time.Instant importedAt;

  protected EntryBatch() {}

  public EntryBatch(
      long sectionId,
      String fileName,
      String sha256,
      int rowsSaved,
      String importedBy,
      java.time.Instant importedAt) {
    this.sectionId = sectionId;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.rowsSaved = rowsSaved;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  public Long getId() {
    return id;
  }

  public long getSectionId() {
    return sectionId;
  }

  public String getFileName() {
    return fileName;
  }

  public String getSha256() {
    return sha256;
  }

  public int getRowsSaved() {
    return rowsSaved;
  }

  public String getImportedBy() {
    return importedBy;
  }

  public java.time.Instant getImportedAt() {
    return importedAt;
  }
}
