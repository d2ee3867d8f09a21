package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.IdentityEvent;
import cn.xinsheng.identity.domain.IdentityEvent.Kind;
import cn.xinsheng.identity.domain.LoginOutcome;
import cn.xinsheng.identity.domain.LoginThrottle;
import cn.xinsheng.identity.domain.PasswordHash;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
  @Inject LoginAttempts attempts;

  private static final int BUSY_WAITS = 500;
  private static final long BUSY_WAIT_MILLIS = 20;
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** A login from inside the server (tests, tools): no source address, no browser. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LoginResult login(String username, char[] password) {
    return login(username, password, LoginSource.INTERNAL);
  }

  /**
   * Checks a username and password and records the attempt (issue 14, findings 1 and 2).
   *
   * <p>Each check is first claimed on the account name's count, or on the trusted browser's own
   * count when the browser carries a token this user got at an earlier login, and then on the
   * source address's count. A claim is committed before the password is looked at, so parallel
   * guesses are all counted and the lock holds from the limit on. Unknown names have counts of
   * their own and lock the same way, and every answer costs exactly one password hash: neither the
   * answer nor its time tells whether a name exists. A disabled account is named only to a caller
   * who gave its right password.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LoginResult login(String username, char[] password, LoginSource source) {
    Instant now = clock.instant();
    LoginThrottle accountThrottle = settings.accountThrottle();
    LoginThrottle sourceThrottle = settings.sourceThrottle();
    String name = username == null ? "" : username.strip();
    Optional<Account> found = name.isEmpty() ? Optional.empty() : accounts.findByUsername(name);
    String browserHash = source.browserToken() == null ? null : sha256(source.browserToken());
    boolean trustedBrowser =
        browserHash != null
            && found.isPresent()
            && attempts.isTrustedBrowser(browserHash, found.get().getUsername());
    String accountKey = trustedBrowser ? "browser:" + browserHash : accountKey(name);
    String sourceKey = "source:" + source.address();
    attempts.ensure(List.of(accountKey, sourceKey), now);

    if (claim(accountKey, accountThrottle, now) != LoginThrottle.Claim.GRANTED) {
      return refusedLocked(found, password, now);
    }
    if (claim(sourceKey, sourceThrottle, now) != LoginThrottle.Claim.GRANTED) {
      attempts.released(accountKey, accountThrottle, now);
      return refusedLocked(found, password, now);
    }
    boolean matches;
    try {
      matches =
          found.map(a -> a.passwordMatches(password)).orElseGet(() -> DUMMY.matches(password));
    } catch (RuntimeException e) {
      attempts.released(accountKey, accountThrottle, now);
      attempts.released(sourceKey, sourceThrottle, now);
      throw e;
    }
    if (!matches) {
      boolean locked = attempts.failed(accountKey, accountThrottle, now);
      attempts.failed(sourceKey, sourceThrottle, now);
      LoginOutcome outcome = locked ? LoginOutcome.LOCKED : LoginOutcome.INVALID_CREDENTIALS;
      found.ifPresent(a -> record(a, locked ? Kind.ACCOUNT_LOCKED : Kind.LOGIN_FAILED, now, null));
      LOG.info(() -> "login " + outcome + (found.isPresent() ? "" : " (unknown account)"));
      return LoginResult.refused(outcome);
    }
    Account account = found.get();
    attempts.succeeded(accountKey, accountThrottle, now);
    // a success from a terminal does not wipe out that terminal's earlier failures elsewhere
    attempts.released(sourceKey, sourceThrottle, now);
    if (!account.isEnabled()) {
      record(account, Kind.LOGIN_REFUSED_DISABLED, now, null);
      return LoginResult.refused(LoginOutcome.DISABLED);
    }
    record(account, Kind.LOGIN_SUCCEEDED, now, account.getId());
    String newToken = null;
    if (!trustedBrowser && source.browsers()) {
      newToken = newBrowserToken();
      attempts.trustBrowser(sha256(newToken), account.getUsername(), now);
    }
    LOG.info(() -> "login SUCCESS for account id " + account.getId());
    return new LoginResult(
        LoginOutcome.SUCCESS,
        account.getId(),
        account.getUsername(),
        account.getRoles(),
        account.isMustChangePassword(),
        newToken);
  }

  /** The count of an account name, known or not: case as the database compares names. */
  public static String accountKey(String name) {
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    return "account:" + (n.length() <= 64 ? n : sha256(n));
  }

  /** Claims a slot, waiting while parallel checks hold them all (at most ten seconds). */
  private LoginThrottle.Claim claim(String key, LoginThrottle throttle, Instant now) {
    for (int i = 0; i < BUSY_WAITS; i++) {
      LoginThrottle.Claim c = attempts.claim(key, throttle, now);
      if (c != LoginThrottle.Claim.BUSY) {
        return c;
      }
      try {
        Thread.sleep(BUSY_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return LoginThrottle.Claim.LOCKED;
      }
    }
    return LoginThrottle.Claim.LOCKED;
  }

  private LoginResult refusedLocked(Optional<Account> found, char[] password, Instant now) {
    // the same hash as any other answer: a locked name answers as slowly as an unknown one
    DUMMY.matches(password);
    found.ifPresent(a -> record(a, Kind.LOGIN_REFUSED_LOCKED, now, null));
    return LoginResult.refused(LoginOutcome.LOCKED);
  }

  private void record(Account account, Kind kind, Instant now, Long loggedIn) {
    attempts.record(
        new IdentityEvent(now, null, account.getUsername(), kind, null),
        account.getRoles(),
        loggedIn);
  }

  static String sha256(String value) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newBrowserToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static Kind kindOf(LoginOutcome outcome) {
    return switch (outcome) {
      case SUCCESS -> Kind.LOGIN_SUCCEEDED;
      case INVALID_CREDENTIALS -> Kind.LOGIN_FAILED;
      case LOCKED -> Kind.ACCOUNT_LOCKED;
      case DISABLED -> Kind.LOGIN_REFUSED_DISABLED;
    };
  }

  /**
   * The names of staff and external readers for their logins, for records a court reads (the case
   * timeline says "褚明（committee1）", not the login alone). Unknown logins are left out. Inmates are
   * not told staff names (issue 18: they see roles), so they are not let in.
   */
  @jakarta.annotation.security.RolesAllowed({
    cn.xinsheng.identity.domain.Role.OFFICER_NAME,
    cn.xinsheng.identity.domain.Role.REVIEWER_NAME,
    cn.xinsheng.identity.domain.Role.COMMITTEE_NAME,
    cn.xinsheng.identity.domain.Role.WARDEN_NAME,
    cn.xinsheng.identity.domain.Role.PROSECUTOR_NAME,
    cn.xinsheng.identity.domain.Role.JUDGE_NAME,
    cn.xinsheng.identity.domain.Role.SUPERVISOR_NAME,
    cn.xinsheng.identity.domain.Role.LAWYER_NAME,
    cn.xinsheng.identity.domain.Role.TEACHER_NAME,
    cn.xinsheng.identity.domain.Role.EXAMINER_NAME,
    cn.xinsheng.identity.domain.Role.EDU_ADMIN_NAME,
    cn.xinsheng.identity.domain.Role.SYS_ADMIN_NAME,
    cn.xinsheng.identity.domain.Role.EXECUTION_NAME,
    cn.xinsheng.identity.domain.Role.BUREAU_NAME,
    cn.xinsheng.identity.domain.Role.HIGH_JUDGE_NAME,
    cn.xinsheng.identity.domain.Role.COMMUNITY_CORRECTIONS_NAME
  })
  public java.util.Map<String, String> staffNames(java.util.Collection<String> logins) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    for (String login : new java.util.LinkedHashSet<>(logins)) {
      if (login != null && !login.isBlank()) {
        accounts.findByUsername(login).ifPresent(a -> names.put(login, a.getDisplayName()));
      }
    }
    return names;
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
