package cn.xinsheng.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One thing that happened to an account: a login, a lockout, a role change. Rows are only ever
 * inserted (the application's database account has no UPDATE or DELETE on the table). Details hold
 * IDs and role names only, never passwords or personal data.
 */
@Entity
@Table(name = "identity_event")
public class IdentityEvent {

  /** What happened. */
  public enum Kind {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    LOGIN_REFUSED_LOCKED,
    LOGIN_REFUSED_DISABLED,
    LOGOUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ACCOUNT_CREATED,
    ROLES_CHANGED,
    SECTIONS_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_UNLOCKED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor", length = 64)
  private String actor;

  @Column(name = "subject", nullable = false, length = 64)
  private String subject;

  @Column(name = "kind", nullable = false, length = 40)
  private String kind;

  @Column(name = "detail", length = 500)
  private String detail;

  protected IdentityEvent() {}

  public IdentityEvent(Instant when, String actor, String subject, Kind kind, String detail) {
    this.occurredAt = when;
    this.actor = actor;
    this.subject = subject;
    this.kind = kind.name();
    this.detail = detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getSubject() {
    return subject;
  }

  public Kind getKind() {
    return Kind.valueOf(kind);
  }

  public String getDetail() {
    return detail;
  }
}
