package cn.xinsheng.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A page or file an external reader opened. Only ever inserted. */
@Entity
@Table(name = "read_event")
public class ReadEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(nullable = false, length = 200)
  private String roles;

  @Column(nullable = false, length = 10)
  private String method;

  @Column(nullable = false, length = 500)
  private String path;

  /** The query as sent (issue 14): which case, which inmate, which range. */
  @Column(length = 500)
  private String query;

  /** What was read, as one word: {@code case/8} or {@code inmate/3301000001}. */
  @Column(length = 200)
  private String subject;

  protected ReadEvent() {}

  public ReadEvent(Instant occurredAt, String username, String roles, String method, String path) {
    this(occurredAt, username, roles, method, path, null, null);
  }

  public ReadEvent(
      Instant occurredAt,
      String username,
      String roles,
      String method,
      String path,
      String query,
      String subject) {
    this.occurredAt = occurredAt;
    this.username = username;
    this.roles = roles;
    this.method = method;
    this.path = path.length() > 500 ? path.substring(0, 500) : path;
    this.query = query == null || query.length() <= 500 ? query : query.substring(0, 500);
    this.subject = subject == null || subject.length() <= 200 ? subject : subject.substring(0, 200);
  }

  public String getQuery() {
    return query;
  }

  public String getSubject() {
    return subject;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getUsername() {
    return username;
  }

  public String getPath() {
    return path;
  }
}
