package cn.xinsheng.ledger.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a prison's rule catalogue. A change is a new version with all its clauses; an
 * entry keeps the clause (and so the version) it was scored under.
 */
@Entity
@Cacheable
@Table(name = "rule_catalogue")
@NamedQuery(
    name = "RuleCatalogue.latest",
    query = "SELECT c FROM RuleCatalogue c WHERE c.prisonId = :prison ORDER BY c.version DESC")
public class RuleCatalogue {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "prison_id", nullable = false)
  private long prisonId;

  @Column(nullable = false)
  private int version;

  @Column(nullable = false, length = 500)
  private String note;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RuleCatalogue() {}

  public RuleCatalogue(long prisonId, int version, String note, String createdBy, Instant at) {
    this.prisonId = prisonId;
    this.version = version;
    this.note = note;
    this.createdBy = createdBy;
    this.createdAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getPrisonId() {
    return prisonId;
  }

  public int getVersion() {
    return version;
  }

  public String getNote() {
    return note;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
