package cn.xinsheng.identity.infrastructure;

import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The account directory on identity's own tables ({@code account}, {@code account_role}, {@code
 * officer_section}): the one place their role SQL is written.
 */
@ApplicationScoped
public class SqlAccountDirectory implements AccountDirectory {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public boolean holdsRole(String login, Role role) {
    return count(
            "SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id"
                + " WHERE a.username = ?1 AND r.role = ?2 AND a.enabled",
            login,
            role.name())
        > 0;
  }

  @Override
  public boolean hasRoleOnRecord(String login, Role role) {
    return count(
            "SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id"
                + " WHERE a.username = ?1 AND r.role = ?2",
            login,
            role.name())
        > 0;
  }

  @Override
  public boolean isOfficerOf(String login, long sectionId) {
    return count(
            "SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id"
                + " JOIN officer_section s ON s.account_id = a.id"
                + " WHERE a.username = ?1 AND r.role = ?2 AND s.section_id = ?3",
            login == null ? "" : login,
            Role.OFFICER.name(),
            sectionId)
        > 0;
  }

  @Override
  public boolean servesInSection(String login, long sectionId) {
    return count(
            "SELECT COUNT(*) FROM officer_section os JOIN account a ON a.id = os.account_id"
                + " WHERE a.username = ?1 AND os.section_id = ?2",
            login,
            sectionId)
        > 0;
  }

  @Override
  public java.util.List<Person> holders(Role role) {
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.username, a.display_name FROM account a"
                    + " JOIN account_role r ON r.account_id = a.id"
                    + " WHERE r.role = ?1 AND a.enabled ORDER BY a.username")
            .setParameter(1, role.name())
            .getResultList();
    return rows.stream().map(r -> new Person(r[0].toString(), r[1].toString())).toList();
  }

  @Override
  public java.util.Optional<String> nameOf(String login) {
    @SuppressWarnings("unchecked")
    java.util.List<Object> rows =
        em.createNativeQuery("SELECT a.display_name FROM account a WHERE a.username = ?1")
            .setParameter(1, login == null ? "" : login)
            .getResultList();
    return rows.stream().filter(java.util.Objects::nonNull).map(Object::toString).findFirst();
  }

  @Override
  public java.util.Map<String, String> names(java.util.Collection<String> logins) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    // one short query a login: a case names a handful of people, and a native IN with a list
    // parameter is not portable across JPA providers
    for (String login : new java.util.LinkedHashSet<>(logins)) {
      if (login == null || login.isBlank()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      java.util.List<Object> rows =
          em.createNativeQuery("SELECT a.display_name FROM account a WHERE a.username = ?1")
              .setParameter(1, login)
              .getResultList();
      if (!rows.isEmpty() && rows.get(0) != null && !rows.get(0).toString().isBlank()) {
        out.put(login, rows.get(0).toString());
      }
    }
    return out;
  }

  private long count(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return ((Number) q.getSingleResult()).longValue();
  }
}
