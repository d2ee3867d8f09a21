package cn.xinsheng.web.identity;

import cn.xinsheng.web.security.PasswordLogin;
import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The login page: hands the credentials to Jakarta Security and says why a login failed. */
@Named
@RequestScoped
public class LoginView {

  @Inject PasswordLogin passwordLogin;

  private String username;
  private String password;
  private String next;
  private boolean bye;

  public void login() throws IOException {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    PasswordLogin.Attempt attempt =
        passwordLogin.login(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            username,
            password);
    if (attempt.succeeded()) {
      external.redirect(external.getRequestContextPath() + safeNext());
      context.responseComplete();
      return;
    }
    if (attempt.status() == AuthenticationStatus.SEND_CONTINUE) {
      context.responseComplete();
      return;
    }
    Messages.error("login.error." + attempt.result().outcome().name());
  }

  /** Only a path on this server, never another site: an open redirect would help phishing. */
  String safeNext() {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    if (next.startsWith("/login.xhtml") || next.startsWith("/logout")) {
      return "/";
    }
    return next;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public boolean isBye() {
    return bye;
  }

  public void setBye(boolean bye) {
    this.bye = bye;
  }
}
