package cn.xinsheng.identity.infrastructure;

import cn.xinsheng.identity.domain.LoginThrottle;
import cn.xinsheng.identity.domain.LoginThrottleStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The login counts in {@code login_throttle} and trusted browsers in {@code login_browser}. */
@ApplicationScoped
public class JpaLoginThrottleStore implements LoginThrottleStore {

  private static final String COLUMNS = "failures, pending, locks, locked_until, updated_at";

  @PersistenceContext(unitName = "xinsheng")
  private EntityManager em;

  @Override
  public void ensure(Collection<String> keys, LoginThrottle.State fresh) {
    for (String key : keys) {
      // one statement per key: two first attempts at once both end with the one row, no deadlock
      em.createNativeQuery(
              "INSERT IGNORE INTO login_throttle (throttle_key, "
                  + COLUMNS
                  + ") VALUES (?, 0, 0, 0, NULL, ?)")
          .setParameter(1, key)
          .setParameter(2, Timestamp.from(fresh.updatedAt()))
          .executeUpdate();
    }
  }

  @Override
  public LoginThrottle.State lock(String key) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM login_throttle WHERE throttle_key = ? FOR UPDATE")
            .setParameter(1, key)
            .getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("no login_throttle row for a key that was ensured");
    }
    return state((Object[]) rows.get(0));
  }

  @Override
  public Optional<LoginThrottle.State> peek(String key) {
    List<?> rows =
        em.createNativeQuery("SELECT " + COLUMNS + " FROM login_throttle WHERE throttle_key = ?")
            .setParameter(1, key)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(state((Object[]) rows.get(0)));
  }

  @Override
  public void save(String key, LoginThrottle.State s) {
    em.createNativeQuery(
            "UPDATE login_throttle SET failures = ?, pending = ?, locks = ?, locked_until = ?,"
                + " updated_at = ? WHERE throttle_key = ?")
        .setParameter(1, s.failures())
        .setParameter(2, s.pending())
        .setParameter(3, s.locks())
        .setParameter(4, s.lockedUntil() == null ? null : Timestamp.from(s.lockedUntil()))
        .setParameter(5, Timestamp.from(s.updatedAt()))
        .setParameter(6, key)
        .executeUpdate();
  }

  @Override
  public void forget(Collection<String> keys) {
    for (String key : keys) {
      em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?")
          .setParameter(1, key)
          .executeUpdate();
    }
  }

  @Override
  public boolean isTrustedBrowser(String tokenHash, String username) {
    return !em.createNativeQuery(
            "SELECT 1 FROM login_browser WHERE token_hash = ? AND username = ?")
        .setParameter(1, tokenHash)
        .setParameter(2, username)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void trustBrowser(String tokenHash, String username, Instant now) {
    em.createNativeQuery(
            "INSERT IGNORE INTO login_browser (token_hash, username, issued_at) VALUES (?, ?, ?)")
        .setParameter(1, tokenHash)
        .setParameter(2, username)
        .setParameter(3, Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public Collection<String> trustedBrowsers(String username) {
    return em
        .createNativeQuery("SELECT token_hash FROM login_browser WHERE username = ?")
        .setParameter(1, username)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  private static LoginThrottle.State state(Object[] row) {
    return new LoginThrottle.State(
        ((Number) row[0]).intValue(),
        ((Number) row[1]).intValue(),
        ((Number) row[2]).intValue(),
        instant(row[3]),
        instant(row[4]));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.LocalDateTime ldt) {
      return Timestamp.valueOf(ldt).toInstant();
    }
    throw new IllegalStateException("unexpected time value " + value.getClass());
  }
}
