package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.IdentityEvent.Kind;
import cn.xinsheng.identity.domain.PasswordHash;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.identity.domain.Username;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The system administrator's work on accounts. Every change is an identity event. */
@Stateless
@RolesAllowed(Role.SYS_ADMIN_NAME)
public class AccountAdministration {

  @Inject AccountRepository accounts;
  @Inject KnownSections sections;
  @Inject IdentityAudit audit;
  @Inject cn.xinsheng.identity.domain.LoginThrottleStore throttles;
  @Resource SessionContext context;

  @Inject Clock clock;
  private static final SecureRandom RANDOM = new SecureRandom();

  public List<Account> accounts() {
    return accounts.findAll();
  }

  /**
   * The staff's accounts: everyone holding a role other than the inmate's (the sections page lists
   * who serves where; an inmate's terminal account is not staff).
   */
  public List<Account> staffAccounts() {
    return accounts.findAll().stream()
        .filter(a -> a.getRoles().stream().anyMatch(r -> r != Role.INMATE))
        .toList();
  }

  /**
   * Creates an account with a generated initial password that the user must change at his first
   * login. The password is returned once, to be handed to the user, and is stored only as a hash.
   */
  public String createAccount(
      String username, String displayName, Set<Role> roles, Set<Long> sectionIds) {
    if (!Username.isValid(username)) {
      throw new AccountAdministrationException("admin.error.username");
    }
    if (displayName == null || displayName.isBlank()) {
      throw new AccountAdministrationException("admin.error.displayName");
    }
    if (roles == null || roles.isEmpty()) {
      throw new AccountAdministrationException("admin.error.noRole");
    }
    if (accounts.findByUsername(username).isPresent()) {
      throw new AccountAdministrationException("admin.error.taken");
    }
    checkSections(roles, sectionIds);
    String initial = initialPassword();
    Account account =
        new Account(
            username,
            displayName,
            PasswordHash.create(initial.toCharArray()),
            true,
            clock.instant());
    account.grantRoles(EnumSet.copyOf(roles));
    account.assignSections(sectionIds == null ? Set.of() : sectionIds);
    accounts.store(account);
    event(username, Kind.ACCOUNT_CREATED, "roles=" + new TreeSet<>(roles));
    return initial;
  }

  public void changeRoles(long accountId, Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new AccountAdministrationException("admin.error.noRole");
    }
    Account account = load(accountId);
    if (account.getUsername().equals(caller()) && !roles.contains(Role.SYS_ADMIN)) {
      // an administrator who removed his own role could lock every administrator out
      throw new AccountAdministrationException("admin.error.ownAdminRole");
    }
    checkSections(roles, account.getSectionIds());
    account.grantRoles(EnumSet.copyOf(roles));
    event(account.getUsername(), Kind.ROLES_CHANGED, "roles=" + new TreeSet<>(roles));
  }

  public void assignSections(long accountId, Set<Long> sectionIds) {
    Account account = load(accountId);
    checkSections(account.getRoles(), sectionIds);
    account.assignSections(sectionIds);
    event(account.getUsername(), Kind.SECTIONS_CHANGED, "sections=" + new TreeSet<>(sectionIds));
  }

  public void disable(long accountId) {
    Account account = load(accountId);
    if (account.getUsername().equals(caller())) {
      throw new AccountAdministrationException("admin.error.disableSelf");
    }
    account.disable();
    event(account.getUsername(), Kind.ACCOUNT_DISABLED, null);
  }

  public void enable(long accountId) {
    Account account = load(accountId);
    account.enable();
    event(account.getUsername(), Kind.ACCOUNT_ENABLED, null);
  }

  public void unlock(long accountId) {
    Account account = load(accountId);
    account.unlock();
    // issue 14: the login counts of the name and of every browser the user trusted
    java.util.List<String> keys = new java.util.ArrayList<>();
    keys.add(AccountService.accountKey(account.getUsername()));
    throttles.trustedBrowsers(account.getUsername()).forEach(h -> keys.add("browser:" + h));
    throttles.forget(keys);
    event(account.getUsername(), Kind.ACCOUNT_UNLOCKED, null);
  }

  /** Whether guesses have shut the account's name for now (issue 14). */
  public boolean isLocked(Account account) {
    java.time.Instant now = clock.instant();
    return throttles
        .peek(AccountService.accountKey(account.getUsername()))
        .map(s -> s.lockedAt(now))
        .orElse(false);
  }

  /** Opens a source address (a terminal) that too many wrong passwords shut (issue 14). */
  public void unlockSource(String address) {
    // an IPv4 or IPv6 address as the server saw it, or the in-server "internal" source
    if (address == null
        || !(address.strip().matches("[0-9A-Fa-f.:]{2,45}")
            || address.strip().equals("internal"))) {
      throw new AccountAdministrationException("admin.error.badRequest");
    }
    throttles.forget(java.util.List.of("source:" + address.strip()));
    event("source:" + address.strip(), Kind.ACCOUNT_UNLOCKED, null);
  }

  /** A new initial password, returned once; the user must change it at his next login. */
  public String resetPassword(long accountId) {
    Account account = load(accountId);
    String initial = initialPassword();
    account.resetPassword(PasswordHash.create(initial.toCharArray()));
    event(account.getUsername(), Kind.PASSWORD_RESET, null);
    return initial;
  }

  private void checkSections(Set<Role> roles, Set<Long> sectionIds) {
    // issue 14: which roles one account may hold together, checked wherever roles are given
    cn.xinsheng.identity.domain.RoleCombination.broken(roles)
        .ifPresent(
            rule -> {
              throw new AccountAdministrationException(rule);
            });
    Set<Long> ids = sectionIds == null ? Set.of() : sectionIds;
    if (!ids.isEmpty() && roles.stream().noneMatch(Role::isSectionScoped)) {
      throw new AccountAdministrationException("admin.error.sectionsWithoutOfficer");
    }
    for (Long id : ids) {
      if (!sections.exists(id)) {
        throw new AccountAdministrationException("admin.error.unknownSection");
      }
    }
  }

  private Account load(long id) {
    return accounts
        .find(id)
        .orElseThrow(() -> new AccountAdministrationException("admin.error.unknownAccount"));
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }

  private void event(String subject, Kind kind, String detail) {
    IdentityEvent event = new IdentityEvent(clock.instant(), caller(), subject, kind, detail);
    accounts.record(event);
    audit.append(event, java.util.Set.of(Role.SYS_ADMIN));
  }

  /** Twelve characters from an alphabet without look-alikes (no 0/O, 1/l/I), with a symbol. */
  static String initialPassword() {
    String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    String digits = "23456789";
    String symbols = "!#%+=?@";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      sb.append(letters.charAt(RANDOM.nextInt(letters.length())));
    }
    sb.append(digits.charAt(RANDOM.nextInt(digits.length())));
    sb.append(digits.charAt(RANDOM.nextInt(digits.length())));
    sb.append(symbols.charAt(RANDOM.nextInt(symbols.length())));
    return sb.toString();
  }
}
