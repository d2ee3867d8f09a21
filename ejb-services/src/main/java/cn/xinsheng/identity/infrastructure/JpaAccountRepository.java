package cn.xinsheng.identity.infrastructure;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "xinsheng")
  private EntityManager em;

  @Override
  public Optional<Account> findByUsername(String username) {
    return em.createNamedQuery("Account.findByUsername", Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Account> find(long id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  @Override
  public List<Account> findAll() {
    return em.createNamedQuery("Account.findAll", Account.class).getResultList();
  }

  @Override
  public void store(Account account) {
    if (account.getId() == null) {
      em.persist(account);
    }
    // a managed account is written at commit; nothing else to do
  }

  @Override
  public void record(IdentityEvent event) {
    em.persist(event);
  }

  @Override
  public void recordLogin(long accountId, Instant at) {
    em.createNativeQuery("UPDATE account SET last_login_at = ? WHERE id = ?")
        .setParameter(1, Timestamp.from(at))
        .setParameter(2, accountId)
        .executeUpdate();
  }

  @Override
  public Optional<Instant> loginBeforeLatest(String username) {
    return em
        .createQuery(
            "SELECT e.occurredAt FROM IdentityEvent e WHERE e.subject = :who AND e.kind = :kind"
                + " ORDER BY e.id DESC",
            Instant.class)
        .setParameter("who", username)
        .setParameter("kind", IdentityEvent.Kind.LOGIN_SUCCEEDED.name())
        .setFirstResult(1)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }
}
