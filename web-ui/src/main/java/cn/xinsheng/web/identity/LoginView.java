package cn.xinsheng.web.identity;

import cn.xinsheng.identity.application.LoginResult;
import cn.xinsheng.web.security.LoginAttemptHolder;
import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The login page: hands the credentials to Jakarta Security and says why a login failed. */
@Named
@RequestScoped
public class LoginView {

  @Inject SecurityContext securityContext;
  @Inject LoginAttemptHolder lastAttempt;

  private String username;
  private String password;
  private String next;
  private boolean bye;

  public void login() throws IOException {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.strip(), new Password(password))));
    LoginResult result = lastAttempt.get();
    if (status == AuthenticationStatus.SUCCESS && result != null && result.succeeded()) {
      // a fresh session id after login defeats session fixation
      HttpSession session = request.getSession(false);
      if (session != null) {
        request.changeSessionId();
      }
      external.redirect(external.getRequestContextPath() + safeNext());
      context.responseComplete();
      return;
    }
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      context.responseComplete();
      return;
    }
    Messages.error(
        "login.error." + (result == null ? "INVALID_CREDENTIALS" : result.outcome().name()));
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
