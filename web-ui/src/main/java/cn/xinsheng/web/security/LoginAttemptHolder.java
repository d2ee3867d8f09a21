package cn.xinsheng.web.security;

import cn.xinsheng.identity.application.LoginResult;
import jakarta.enterprise.context.RequestScoped;

/** The result of this request's login attempt, so the page can say why a login failed. */
@RequestScoped
public class LoginAttemptHolder {
  private LoginResult result;

  public LoginResult get() {
    return result;
  }

  public void set(LoginResult result) {
    this.result = result;
  }
}
