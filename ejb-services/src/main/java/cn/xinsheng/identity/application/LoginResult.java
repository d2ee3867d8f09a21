package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.LoginOutcome;
import cn.xinsheng.identity.domain.Role;
import java.util.Set;

/** The answer to a login attempt, carrying only what the web tier needs. */
public record LoginResult(
    LoginOutcome outcome, Long accountId, String username, Set<Role> roles, boolean mustChange) {

  public static LoginResult refused(LoginOutcome outcome) {
    return new LoginResult(outcome, null, null, Set.of(), false);
  }

  public boolean succeeded() {
    return outcome == LoginOutcome.SUCCESS;
  }
}
