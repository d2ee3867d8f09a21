package cn.xinsheng.web.security;

import cn.xinsheng.identity.application.AccountService;
import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.Role;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is logged in on this session, loaded once from the account store. The roles here are those
 * granted at login; an administrator's change takes effect at the user's next login.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountService accountService;

  private boolean loaded;
  private long accountId;
  private String username;
  private String displayName;
  private Set<Role> roles = EnumSet.noneOf(Role.class);
  private boolean mustChangePassword;

  /** Loads the caller's account on first use in this session; no-op when nobody is logged in. */
  public void ensureLoaded() {
    if (loaded) {
      return;
    }
    accountService.currentAccount().ifPresent(this::fill);
  }

  private void fill(Account account) {
    this.accountId = account.getId();
    this.username = account.getUsername();
    this.displayName = account.getDisplayName();
    this.roles =
        account.getRoles().isEmpty()
            ? EnumSet.noneOf(Role.class)
            : EnumSet.copyOf(account.getRoles());
    this.mustChangePassword = account.isMustChangePassword();
    this.loaded = true;
  }

  public boolean isLoggedIn() {
    ensureLoaded();
    return loaded;
  }

  public long getAccountId() {
    ensureLoaded();
    return accountId;
  }

  public String getUsername() {
    ensureLoaded();
    return username;
  }

  public String getDisplayName() {
    ensureLoaded();
    return displayName;
  }

  public Set<Role> getRoles() {
    ensureLoaded();
    return roles;
  }

  public boolean hasRole(String role) {
    return getRoles().stream().anyMatch(r -> r.name().equals(role));
  }

  /** The role whose home page a user lands on; the first in the order of {@link Role}. */
  public Role getPrimaryRole() {
    return getRoles().stream().findFirst().orElse(null);
  }

  public boolean isInmate() {
    return getRoles().contains(Role.INMATE);
  }

  public boolean isMustChangePassword() {
    ensureLoaded();
    return mustChangePassword;
  }

  public void passwordChanged() {
    this.mustChangePassword = false;
  }
}
