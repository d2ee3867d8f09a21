package cn.xinsheng.identity.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * Where the login counts live (issue 14). Each call runs in the caller's transaction; {@link #lock}
 * holds the key's row until that transaction ends, so that claims on one key are made one at a time
 * and none is lost.
 */
public interface LoginThrottleStore {

  /** Makes sure each key has a row (a fresh one when new); commits nothing by itself. */
  void ensure(Collection<String> keys, LoginThrottle.State fresh);

  /** The key's state, its row locked until the transaction ends. */
  LoginThrottle.State lock(String key);

  void save(String key, LoginThrottle.State state);

  /** The key's state without locking, for the administrator's view. */
  Optional<LoginThrottle.State> peek(String key);

  /** Forgets the keys (an administrator's unlock). */
  void forget(Collection<String> keys);

  /** Whether this browser token (its hash) was given to this user at an earlier login. */
  boolean isTrustedBrowser(String tokenHash, String username);

  void trustBrowser(String tokenHash, String username, java.time.Instant now);

  /** Every trusted-browser token hash of this user. */
  Collection<String> trustedBrowsers(String username);
}
