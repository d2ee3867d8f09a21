package cn.xinsheng.web.api;

import cn.xinsheng.identity.application.AccountService;
import cn.xinsheng.identity.application.LoginResult;
import cn.xinsheng.identity.application.PasswordRejectedException;
import cn.xinsheng.identity.domain.LoginOutcome;
import cn.xinsheng.web.identity.LogoutServlet;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.security.ErrorMessages;
import cn.xinsheng.web.security.PasswordLogin;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Log in and out for API clients and scripts. The session cookie set here is the one the pages use,
 * so a script and a browser share one way in.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  /** Longest password the login even looks at (hashing 100 KB is work for nobody). */
  static final int MAX_PASSWORD = 1024;

  @Inject PasswordLogin passwordLogin;
  @Inject AccountService accountService;
  @Inject cn.xinsheng.lms.application.ScormService scorm;
  @Inject CurrentUser currentUser;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  /** A login. */
  @JsonbPropertyOrder({"username", "password"})
  public record Credentials(
      @NotBlank(message = "error.credentialsMissing") @Size(max = 64) @OneLine String username,
      @NotNull(message = "error.credentialsMissing") @Size(max = MAX_PASSWORD) String password) {}

  /** The caller's own password change (also the forced first change). */
  @JsonbPropertyOrder({"currentPassword", "newPassword"})
  public record PasswordChange(
      @NotNull(message = "error.passwordFieldsMissing") @Size(max = MAX_PASSWORD)
          String currentPassword,
      @NotNull(message = "error.passwordFieldsMissing") @Size(max = MAX_PASSWORD)
          String newPassword) {}

  /** Who is logged in: only {@code authenticated: false} when nobody. */
  @JsonbPropertyOrder({"authenticated", "id", "username", "roles", "mustChangePassword"})
  public record SessionView(
      boolean authenticated,
      Long id,
      String username,
      List<String> roles,
      Boolean mustChangePassword) {}

  /** A new password the rules refuse, with the rules it breaks. */
  @JsonbPropertyOrder({"error", "rules", "message_zh", "message_en"})
  public record PasswordRejected(
      String error, List<String> rules, String message_zh, String message_en) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Log in; answers the account id and roles and sets the session cookie")
  public SessionView login(@NotNull(message = "error.credentialsMissing") @Valid Credentials body) {
    PasswordLogin.Attempt attempt =
        passwordLogin.login(request, response, body.username(), body.password());
    LoginResult result = attempt.result();
    if (!attempt.succeeded()) {
      throw new ApiException(401, "login.error." + result.outcome().name());
    }
    return describe(result);
  }

  @GET
  @Operation(summary = "Who is logged in on this session ({\"authenticated\": false} when nobody)")
  public SessionView current() {
    if (request.getUserPrincipal() == null) {
      return new SessionView(false, null, null, null, null);
    }
    return accountService
        .currentAccount()
        .map(
            a ->
                describe(
                    new LoginResult(
                        LoginOutcome.SUCCESS,
                        a.getId(),
                        a.getUsername(),
                        a.getRoles(),
                        a.isMustChangePassword())))
        .orElseThrow(() -> new ApiException(401, "error.loginRequired"));
  }

  @DELETE
  @Operation(summary = "Log out and end the session")
  @APIResponse(responseCode = "204", description = "Logged out; no body")
  public void logout() throws ServletException {
    LogoutServlet.endSession(request, accountService, scorm);
  }

  @POST
  @Path("/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the caller's own password (also the forced first change)")
  @APIResponse(responseCode = "204", description = "Changed; no body")
  public void changePassword(
      @NotNull(message = "error.passwordFieldsMissing") @Valid PasswordChange body) {
    try {
      accountService.changeOwnPassword(body.currentPassword().toCharArray(), body.newPassword());
    } catch (PasswordRejectedException e) {
      throw new WebApplicationException(
          Response.status(Response.Status.BAD_REQUEST)
              .type(ApiError.JSON_UTF8)
              .entity(
                  new PasswordRejected(
                      "error.passwordRejected",
                      e.messageKeys(),
                      messages(e, Locale.SIMPLIFIED_CHINESE),
                      messages(e, Locale.ENGLISH)))
              .build());
    }
    currentUser.passwordChanged();
  }

  private static String messages(PasswordRejectedException e, Locale locale) {
    return String.join(
        " ", e.messageKeys().stream().map(k -> ErrorMessages.text(k, locale)).toList());
  }

  private static SessionView describe(LoginResult result) {
    return new SessionView(
        true,
        result.accountId(),
        result.username(),
        result.roles().stream().map(Enum::name).sorted().toList(),
        result.mustChange());
  }
}
