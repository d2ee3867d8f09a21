package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.LoginThrottle;
import cn.xinsheng.identity.domain.LoginThrottleStore;
import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The login's short transactions (issue 14, finding 1): each claim and each result is committed on
 * its own, at once, so that a parallel attempt sees it. The account row itself is never written by
 * a login except its last-login time, by a plain UPDATE: no version check for parallel logins to
 * collide on (the probe saw 192 {@code OptimisticLockException}s and lost the failures with them).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginAttempts {

  @Inject LoginThrottleStore store;
  @Inject AccountRepository accounts;
  @Inject IdentityAudit audit;

  public void ensure(Collection<String> keys, Instant now) {
    store.ensure(keys, LoginThrottle.State.fresh(now));
  }

  public LoginThrottle.Claim claim(String key, LoginThrottle throttle, Instant now) {
    LoginThrottle.State s = store.lock(key);
    LoginThrottle.Claimed c = throttle.claim(s, now);
    if (c.claim() == LoginThrottle.Claim.GRANTED) {
      store.save(key, c.state());
    }
    return c.claim();
  }

  /** A wrong password on a claimed key; answers whether this failure locked it. */
  public boolean failed(String key, LoginThrottle throttle, Instant now) {
    LoginThrottle.State after = throttle.failed(store.lock(key), now);
    store.save(key, after);
    return after.lockedAt(now);
  }

  public void succeeded(String key, LoginThrottle throttle, Instant now) {
    store.save(key, throttle.succeeded(store.lock(key), now));
  }

  public void released(String key, LoginThrottle throttle, Instant now) {
    store.save(key, throttle.released(store.lock(key), now));
  }

  public boolean isTrustedBrowser(String tokenHash, String username) {
    return store.isTrustedBrowser(tokenHash, username);
  }

  public void trustBrowser(String tokenHash, String username, Instant now) {
    store.trustBrowser(tokenHash, username, now);
  }

  /** The attempt's event, in the identity log and the audit log; the time of a good login. */
  public void record(IdentityEvent event, Set<Role> roles, Long loggedInAccount) {
    if (loggedInAccount != null) {
      accounts.recordLogin(loggedInAccount, event.getOccurredAt());
    }
    accounts.record(event);
    audit.append(event, roles);
  }
}
