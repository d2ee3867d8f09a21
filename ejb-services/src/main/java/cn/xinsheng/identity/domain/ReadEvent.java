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

  protected ReadEvent() {}

  public ReadEvent(Instant occurredAt, String username, String roles, String method, String path) {
    this.occurredAt = occurredAt;
    this.username = username;
    this.roles = roles;
    this.method = method;
    // the path without its query: enough to know what was read, nothing a URL might carry
    this.path = path.length() > 500 ? path.substring(0, 500) : path;
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
