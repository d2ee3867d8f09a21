package cn.xinsheng.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The accounts and the identity log (ADR 0013: the SQL lives in infrastructure). Runs in the
 * caller's transaction; the calling service checks who may ask.
 */
public interface AccountRepository {
  Optional<Account> findByUsername(String username);

  Optional<Account> find(long id);

  List<Account> findAll();

  void store(Account account);

  void record(IdentityEvent event);

  /**
   * The account's last-login time, by a plain UPDATE of that one column: no version check for
   * parallel logins to collide on (issue 14, finding 1).
   */
  void recordLogin(long accountId, Instant at);

  /**
   * When the user last logged in before his latest login (his previous visit); empty on a first
   * visit.
   */
  Optional<Instant> loginBeforeLatest(String username);
}
