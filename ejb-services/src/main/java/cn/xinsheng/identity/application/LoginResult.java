package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.LoginOutcome;
import cn.xinsheng.identity.domain.Role;
import java.util.Set;

/** The answer to a login attempt, carrying only what the web tier needs. */
public record LoginResult(
    LoginOutcome outcome,
    Long accountId,
    String username,
    Set<Role> roles,
    boolean mustChange,
    String newBrowserToken) {

  /**
   * @param newBrowserToken a token for this browser's cookie after a good login from a browser not
   *     yet trusted (issue 14): it keeps a count of its own, so a stranger's guesses at this
   *     account do not shut this browser out; null otherwise
   */
  public LoginResult(
      LoginOutcome outcome, Long accountId, String username, Set<Role> roles, boolean mustChange) {
    this(outcome, accountId, username, roles, mustChange, null);
  }

  public static LoginResult refused(LoginOutcome outcome) {
    return new LoginResult(outcome, null, null, Set.of(), false);
  }

  public boolean succeeded() {
    return outcome == LoginOutcome.SUCCESS;
  }
}
