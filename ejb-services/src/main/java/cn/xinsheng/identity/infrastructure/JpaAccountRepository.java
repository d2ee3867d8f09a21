package cn.xinsheng.identity.infrastructure;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
