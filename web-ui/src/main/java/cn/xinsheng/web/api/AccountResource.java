package cn.xinsheng.web.api;

import cn.xinsheng.identity.application.AccountAdministration;
import cn.xinsheng.identity.application.AccountAdministrationException;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Accounts, for the system administrator. Never includes password hashes. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  @Inject AccountAdministration administration;

  /** An account as the administrator sees it. */
  @JsonbPropertyOrder({
    "id",
    "username",
    "displayName",
    "roles",
    "sections",
    "enabled",
    "locked",
    "mustChangePassword"
  })
  public record AccountView(
      long id,
      String username,
      String displayName,
      List<String> roles,
      List<Long> sections,
      boolean enabled,
      boolean locked,
      boolean mustChangePassword) {}

  /** A new account: its roles and, for officers and reviewers, its sections. */
  @JsonbPropertyOrder({"username", "displayName", "roles", "sections"})
  public record NewAccount(
      @NotBlank(message = "admin.error.username") @Size(max = 64) @OneLine String username,
      @NotBlank(message = "admin.error.displayName") @Size(max = 100) @OneLine String displayName,
      @NotNull(message = "admin.error.noRole") @Size(max = 20) List<@NotNull @OneLine String> roles,
      @Size(max = 1000) List<@NotNull Long> sections) {}

  /** The new account's one-time initial password. */
  @JsonbPropertyOrder({"username", "initialPassword"})
  public record InitialPassword(String username, String initialPassword) {}

  @GET
  @Operation(summary = "Every account with its roles, sections and lock state")
  public List<AccountView> list() {
    return administration.accounts().stream()
        .map(
            a ->
                new AccountView(
                    a.getId(),
                    a.getUsername(),
                    a.getDisplayName(),
                    a.getRoles().stream().map(Enum::name).toList(),
                    a.getSectionIds().stream().sorted().toList(),
                    a.isEnabled(),
                    administration.isLocked(a),
                    a.isMustChangePassword()))
        .toList();
  }

  /**
   * Creates an account. Answers the generated initial password once; the user must change it at his
   * first login.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account; answers its one-time initial password")
  @StatusCode(201)
  public InitialPassword create(@NotNull(message = "error.body.empty") @Valid NewAccount body) {
    try {
      String initial =
          administration.createAccount(
              body.username(),
              body.displayName(),
              roles(body.roles()),
              body.sections() == null ? new HashSet<>() : new HashSet<>(body.sections()));
      return new InitialPassword(body.username(), initial);
    } catch (AccountAdministrationException e) {
      throw Refusal.invalid(e.messageKey());
    }
  }

  /** A terminal's address to open again (issue 14). */
  public record SourceUnlock(
      @NotBlank(message = "admin.error.badRequest") @Size(max = 100) @OneLine String address) {}

  @POST
  @Path("/{id}/unlock")
  @Operation(summary = "Open an account that wrong passwords shut, and its trusted browsers")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "204",
      description = "Opened; no body")
  public void unlock(@jakarta.ws.rs.PathParam("id") long id) {
    try {
      administration.unlock(id);
    } catch (AccountAdministrationException e) {
      throw Refusal.invalid(e.messageKey());
    }
  }

  @POST
  @Path("/sources/unlock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a source address (terminal) that too many wrong passwords shut")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "204",
      description = "Opened; no body")
  public void unlockSource(@NotNull(message = "error.body.empty") @Valid SourceUnlock body) {
    try {
      administration.unlockSource(body.address());
    } catch (AccountAdministrationException e) {
      throw Refusal.invalid(e.messageKey());
    }
  }

  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      try {
        roles.add(Role.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("admin.error.badRequest");
      }
    }
    return roles;
  }
}
