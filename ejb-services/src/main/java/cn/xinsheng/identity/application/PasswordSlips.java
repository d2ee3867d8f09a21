package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.identity.infrastructure.PasswordSlipDocument;
import cn.xinsheng.platform.PrisonTime;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The slip an administrator prints for the initial password he has just issued (issue 18, item 9).
 * The password is never stored in clear, so the slip is made from what the administrator's screen
 * holds; it is made only while that password is still the account's initial one (it matches and the
 * account must still change it), so the screen cannot print a slip for anything else.
 */
@Stateless
@RolesAllowed(Role.SYS_ADMIN_NAME)
public class PasswordSlips {

  @Inject AccountRepository accounts;
  @Inject PrisonTime time;
  @Resource SessionContext context;

  public byte[] pdf(String username, String password) {
    Account a =
        accounts
            .findByUsername(username == null ? "" : username)
            .orElseThrow(() -> new AccountAdministrationException("admin.error.unknownAccount"));
    if (password == null
        || !a.isMustChangePassword()
        || !a.passwordMatches(password.toCharArray())) {
      throw new AccountAdministrationException("admin.error.slipNotInitial");
    }
    try {
      return PasswordSlipDocument.pdf(
          new PasswordSlipDocument.Slip(
              a.getUsername(),
              a.getDisplayName(),
              a.getRoles().stream().sorted().map(Role::name).toList(),
              password,
              context.getCallerPrincipal().getName(),
              time.now(),
              time.zone()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
