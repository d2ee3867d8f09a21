package cn.xinsheng.identity.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A login: who may sign in, with which roles, and the state of his password and lockout. */
@Entity
@Table(name = "account")
@NamedQuery(
    name = "Account.findByUsername",
    query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.findAll", query = "SELECT a FROM Account a ORDER BY a.username")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role", nullable = false, length = 32)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "officer_section", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "section_id", nullable = false)
  private Set<Long> sectionIds = new HashSet<>();

  @Version private int version;

  protected Account() {}

  public Account(
      String username, String displayName, PasswordHash hash, boolean mustChange, Instant now) {
    this.username = Username.check(username);
    this.displayName = requireText(displayName, "displayName");
    this.passwordHash = hash.encoded();
    this.mustChangePassword = mustChange;
    this.createdAt = now;
  }

  // issue 14: a login no longer writes this row (parallel logins collided on its version and lost
  // their failures); the counts live in LoginThrottle, claimed and stored one key at a time.

  public boolean passwordMatches(char[] password) {
    return PasswordHash.parse(passwordHash).matches(password);
  }

  public void changePassword(PasswordHash newHash) {
    this.passwordHash = newHash.encoded();
    this.mustChangePassword = false;
  }

  /** An administrator's reset: the user must choose his own password at the next login. */
  public void resetPassword(PasswordHash initialHash) {
    this.passwordHash = initialHash.encoded();
    this.mustChangePassword = true;
    unlock();
  }

  public void unlock() {
    this.failedAttempts = 0;
    this.lockedUntil = null;
  }

  public void disable() {
    this.enabled = false;
  }

  public void enable() {
    this.enabled = true;
  }

  public void grantRoles(Set<Role> newRoles) {
    // separation of duties (issue 14): the application names the broken rule to the user first
    RoleCombination.broken(newRoles)
        .ifPresent(
            rule -> {
              throw new IllegalArgumentException("roles may not be combined: " + rule);
            });
    roles.clear();
    roles.addAll(newRoles);
  }

  public void assignSections(Set<Long> newSectionIds) {
    sectionIds.clear();
    sectionIds.addAll(newSectionIds);
  }

  public boolean isLocked(LockoutPolicy policy, Instant now) {
    return policy.isLocked(lockedUntil, now);
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void rename(String newDisplayName) {
    this.displayName = requireText(newDisplayName, "displayName");
  }

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Set<Role> getRoles() {
    return roles.isEmpty()
        ? Collections.emptySet()
        : Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  public Set<Long> getSectionIds() {
    return Collections.unmodifiableSet(sectionIds);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value.strip();
  }
}
