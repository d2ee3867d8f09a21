package cn.xinsheng.auditlog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A witness (the procuratorate) whose cosignatures the log accepts: a name and an Ed25519
 * cosignature key, registered by an administrator. Never changed once registered.
 */
@Entity
@Table(name = "audit_witness")
public class AuditWitness {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "verifier_key", nullable = false, length = 300)
  private String verifierKey;

  @Column(nullable = false, length = 200)
  private String description;

  @Column(name = "registered_by", nullable = false, length = 64)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  protected AuditWitness() {}

  public AuditWitness(
      String name, String verifierKey, String description, String registeredBy, Instant at) {
    this.name = name;
    this.verifierKey = verifierKey;
    this.description = description;
    this.registeredBy = registeredBy;
    this.registeredAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getVerifierKey() {
    return verifierKey;
  }
}
