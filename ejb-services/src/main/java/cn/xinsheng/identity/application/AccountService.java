package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.IdentityEvent.Kind;
import cn.xinsheng.identity.domain.LoginOutcome;
import cn.xinsheng.identity.domain.PasswordHash;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Login and a user's own password: open to every caller, scoped to the caller's own account. */
@Stateless
@PermitAll
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  /** Checked against when the username is unknown, so that both cases take the same time. */
  private static final PasswordHash DUMMY =
      PasswordHash.create("not-a-real-password-1!".toCharArray());

  @Inject AccountRepository accounts;
  @Inject IdentityAudit audit;
  @Inject IdentitySettings settings;
  @Resource SessionContext context;

  @Inject Clock clock;

  /**
   * Checks a username and password and records the attempt. Unknown users get the same answer as a
   * wrong password so that the login form does not reveal which usernames exist.
   */
  public LoginResult login(String username, char[] password) {
    Instant now = clock.instant();
    Optional<Account> found = Optional.ofNullable(username).flatMap(accounts::findByUsername);
    if (found.isEmpty()) {
      // spend the same time as a real check so that timing does not reveal unknown usernames
      DUMMY.matches(password);
      LOG.info(() -> "login refused: unknown account");
      return LoginResult.refused(LoginOutcome.INVALID_CREDENTIALS);
    }
    Account account = found.get();
    LoginOutcome outcome = account.attemptLogin(password, settings.lockoutPolicy(), now);
    IdentityEvent loginEvent =
        new IdentityEvent(now, null, account.getUsername(), kindOf(outcome), null);
    accounts.record(loginEvent);
    audit.append(loginEvent, account.getRoles());
    LOG.info(() -> "login " + outcome + " for account id " + account.getId());
    if (outcome != LoginOutcome.SUCCESS) {
      return LoginResult.refused(outcome);
    }
    return new LoginResult(
        outcome,
        account.getId(),
        account.getUsername(),
        account.getRoles(),
        account.isMustChangePassword());
  }

  private static Kind kindOf(LoginOutcome outcome) {
    return switch (outcome) {
      case SUCCESS -> Kind.LOGIN_SUCCEEDED;
      case INVALID_CREDENTIALS -> Kind.LOGIN_FAILED;
      case LOCKED -> Kind.ACCOUNT_LOCKED;
      case DISABLED -> Kind.LOGIN_REFUSED_DISABLED;
    };
  }

  /** The caller's own account, for the shell (name, roles, whether he must change password). */
  public Optional<Account> currentAccount() {
    Principal principal = context.getCallerPrincipal();
    if (principal == null || "ANONYMOUS".equals(principal.getName())) {
      return Optional.empty();
    }
    return accounts.findByUsername(principal.getName());
  }

  /** The caller changes his own password; the old one must be given again. */
  public void changeOwnPassword(char[] currentPassword, String newPassword) {
    Account account = currentAccount().orElseThrow(() -> new EJBAccessException("not logged in"));
    if (!account.passwordMatches(currentPassword)) {
      throw new PasswordRejectedException(List.of("password.rule.current"));
    }
    List<String> broken =
        new ArrayList<>(settings.passwordPolicy().violations(account.getUsername(), newPassword));
    if (newPassword != null && account.passwordMatches(newPassword.toCharArray())) {
      broken.add("password.rule.reuse");
    }
    if (!broken.isEmpty()) {
      throw new PasswordRejectedException(broken);
    }
    account.changePassword(PasswordHash.create(newPassword.toCharArray()));
    IdentityEvent changed =
        new IdentityEvent(
            clock.instant(),
            account.getUsername(),
            account.getUsername(),
            Kind.PASSWORD_CHANGED,
            null);
    accounts.record(changed);
    audit.append(changed, account.getRoles());
  }

  public void recordLogout(String username) {
    IdentityEvent logout =
        new IdentityEvent(clock.instant(), username, username, Kind.LOGOUT, null);
    accounts.record(logout);
    audit.append(
        logout,
        accounts.findByUsername(username).map(a -> a.getRoles()).orElse(java.util.Set.of()));
  }
}
