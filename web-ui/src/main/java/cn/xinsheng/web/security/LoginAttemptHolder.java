package cn.xinsheng.web.security;

import cn.xinsheng.identity.application.LoginResult;
import cn.xinsheng.identity.application.LoginSource;
import jakarta.enterprise.context.RequestScoped;

/** The result of this request's login attempt, so the page can say why a login failed. */
@RequestScoped
public class LoginAttemptHolder {
  private LoginResult result;
  private LoginSource source = LoginSource.INTERNAL;

  /** Where this request's login comes from (issue 14): its address and trusted-browser token. */
  public LoginSource source() {
    return source;
  }

  public void setSource(LoginSource source) {
    this.source = source;
  }

  public LoginResult get() {
    return result;
  }

  public void set(LoginResult result) {
    this.result = result;
  }
}
