package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.Role;

/**
 * What other contexts may ask identity about an account: whether a login holds a role, and in which
 * sections an officer serves. Cases check committee members and lawyers with it, the ledger the
 * officer an objection is dispatched to, learning a cohort's teacher; none of them reads the
 * account tables. Answers in the caller's transaction; it checks no caller role itself, the calling
 * service is the security boundary.
 */
public interface AccountDirectory {

  /** True when the account exists, is enabled and holds the role. */
  boolean holdsRole(String login, Role role);

  /**
   * True when the account holds the role, whether or not it is enabled now (a cohort may keep a
   * teacher whose account is switched off for a while; this is how learning has always checked).
   */
  boolean hasRoleOnRecord(String login, Role role);

  /** True when the account holds the officer's role and serves in the section. */
  boolean isOfficerOf(String login, long sectionId);

  /**
   * True when the account is recorded as serving in the section, whatever its roles now (music's
   * recusal: an examiner who serves where the candidate lives may not sit on his panel).
   */
  boolean servesInSection(String login, long sectionId);

  /** An account as another context may show it: the login and the person's name. */
  record Person(String login, String name) {}

  /**
   * The enabled accounts holding a role, by login (issue 18: a committee's members are chosen from
   * a list, not typed).
   */
  java.util.List<Person> holders(Role role);

  /** The person's name on the account, if the login is known. */
  java.util.Optional<String> nameOf(String login);

  /**
   * A member of staff as a record a court reads names him: "周建军（officer1）", the login alone when
   * the account is unknown (the same form as the screens' show.person).
   */
  default String recordName(String login) {
    if (login == null || login.isBlank()) {
      return "";
    }
    return nameOf(login)
        .filter(n -> !n.isBlank() && !n.equals(login))
        .map(n -> n + "（" + login + "）")
        .orElse(login);
  }

  /**
   * The names of the accounts by login, for a record a court reads ("张律（lawyer1）"); a login with no
   * account is left out, and the caller shows the login alone.
   */
  java.util.Map<String, String> names(java.util.Collection<String> logins);
}
