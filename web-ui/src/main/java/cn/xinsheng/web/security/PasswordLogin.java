package cn.xinsheng.web.security;

import cn.xinsheng.identity.application.LoginResult;
import cn.xinsheng.identity.application.LoginSource;
import cn.xinsheng.identity.domain.LoginOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The one way a username and password become a logged-in session, for the login page and for {@code
 * POST /api/v1/session} alike.
 */
@RequestScoped
public class PasswordLogin {

  @Inject SecurityContext securityContext;
  @Inject LoginAttemptHolder lastAttempt;

  /** What came of an attempt: Jakarta Security's status and the account store's answer. */
  public record Attempt(AuthenticationStatus status, LoginResult result) {
    public boolean succeeded() {
      return status == AuthenticationStatus.SUCCESS && result.succeeded();
    }
  }

  public Attempt login(
      HttpServletRequest request, HttpServletResponse response, String username, String password) {
    // someone logged in on this browser logs in again: start from a clean session, so nothing
    // of the previous user (his roles, his pages' state) carries over
    HttpSession existing = request.getSession(false);
    if (existing != null && request.getUserPrincipal() != null) {
      existing.invalidate();
    }
    lastAttempt.setSource(new LoginSource(request.getRemoteAddr(), browserToken(request), true));
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.strip(),
                        new Password(password == null ? "" : password))));
    LoginResult result = lastAttempt.get();
    if (result == null) {
      result = LoginResult.refused(LoginOutcome.INVALID_CREDENTIALS);
    }
    Attempt attempt = new Attempt(status, result);
    if (attempt.succeeded() && request.getSession(false) != null) {
      // a new session id after login defeats session fixation
      request.changeSessionId();
    }
    if (attempt.succeeded() && result.newBrowserToken() != null) {
      response.addHeader(
          "Set-Cookie",
          BROWSER_COOKIE
              + "="
              + result.newBrowserToken()
              + "; Path="
              + (request.getContextPath().isEmpty() ? "/" : request.getContextPath())
              + "; Max-Age="
              + BROWSER_COOKIE_SECONDS
              + "; HttpOnly; SameSite=Strict"
              + (request.isSecure() ? "; Secure" : ""));
    }
    return attempt;
  }

  /**
   * The trusted-browser cookie (issue 14): given at a good login, it lets this browser log in with
   * a count of its own while strangers' guesses have shut the account's name. It is worth nothing
   * without the password.
   */
  public static final String BROWSER_COOKIE = "XS_BROWSER";

  private static final int BROWSER_COOKIE_SECONDS = 180 * 24 * 3600;

  private static String browserToken(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (jakarta.servlet.http.Cookie c : request.getCookies()) {
      if (BROWSER_COOKIE.equals(c.getName())) {
        return c.getValue();
      }
    }
    return null;
  }
}
