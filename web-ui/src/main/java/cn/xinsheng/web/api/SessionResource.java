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
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Log in and out for API clients and scripts. The session cookie set here is the one the pages use,
 * so a script and a browser share one way in.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  @Inject PasswordLogin passwordLogin;
  @Inject AccountService accountService;
  @Inject CurrentUser currentUser;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Log in; answers the account id and roles and sets the session cookie")
  public Response login(JsonObject body) {
    String username = stringField(body, "username");
    String password = stringField(body, "password");
    if (username == null || password == null || username.isBlank()) {
      return error(Response.Status.BAD_REQUEST, "error.credentialsMissing");
    }
    PasswordLogin.Attempt attempt = passwordLogin.login(request, response, username, password);
    LoginResult result = attempt.result();
    if (!attempt.succeeded()) {
      return error(Response.Status.UNAUTHORIZED, "login.error." + result.outcome().name());
    }
    return Response.ok(describe(result)).build();
  }

  @GET
  @Operation(summary = "Who is logged in on this session ({\"authenticated\": false} when nobody)")
  public Response current() {
    if (request.getUserPrincipal() == null) {
      return Response.ok(Json.createObjectBuilder().add("authenticated", false).build()).build();
    }
    return accountService
        .currentAccount()
        .map(
            a ->
                Response.ok(
                        describe(
                            new LoginResult(
                                LoginOutcome.SUCCESS,
                                a.getId(),
                                a.getUsername(),
                                a.getRoles(),
                                a.isMustChangePassword())))
                    .build())
        .orElseGet(() -> error(Response.Status.UNAUTHORIZED, "error.loginRequired"));
  }

  @DELETE
  @Operation(summary = "Log out and end the session")
  public Response logout() throws ServletException {
    LogoutServlet.endSession(request, accountService);
    return Response.noContent().build();
  }

  /** The caller changes his own password: {@code {"currentPassword", "newPassword"}}. */
  @POST
  @Path("/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the caller's own password (also the forced first change)")
  public Response changePassword(JsonObject body) {
    String current = stringField(body, "currentPassword");
    String next = stringField(body, "newPassword");
    if (current == null || next == null) {
      return error(Response.Status.BAD_REQUEST, "error.passwordFieldsMissing");
    }
    try {
      accountService.changeOwnPassword(current.toCharArray(), next);
    } catch (PasswordRejectedException e) {
      jakarta.json.JsonArrayBuilder keys = Json.createArrayBuilder();
      e.messageKeys().forEach(keys::add);
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              Json.createObjectBuilder()
                  .add("error", "error.passwordRejected")
                  .add("rules", keys)
                  .add("message_zh", messages(e, java.util.Locale.SIMPLIFIED_CHINESE))
                  .add("message_en", messages(e, java.util.Locale.ENGLISH))
                  .build())
          .build();
    }
    currentUser.passwordChanged();
    return Response.noContent().build();
  }

  private static String messages(PasswordRejectedException e, java.util.Locale locale) {
    return String.join(
        " ", e.messageKeys().stream().map(k -> ErrorMessages.text(k, locale)).toList());
  }

  private static String stringField(JsonObject body, String name) {
    if (body == null || !body.containsKey(name) || body.isNull(name)) {
      return null;
    }
    return body.get(name) instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  private static JsonObject describe(LoginResult result) {
    JsonArrayBuilder roles = Json.createArrayBuilder();
    result.roles().stream().map(Enum::name).sorted().forEach(roles::add);
    return Json.createObjectBuilder()
        .add("authenticated", true)
        .add("id", result.accountId())
        .add("username", result.username())
        .add("roles", roles)
        .add("mustChangePassword", result.mustChange())
        .build();
  }

  static Response error(Response.Status status, String key) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorMessages.json(key))
        .build();
  }
}
