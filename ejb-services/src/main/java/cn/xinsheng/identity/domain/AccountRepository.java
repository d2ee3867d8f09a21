package cn.xinsheng.identity.domain;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {
  Optional<Account> findByUsername(String username);

  Optional<Account> find(long id);

  List<Account> findAll();

  void store(Account account);

  void record(IdentityEvent event);
}
