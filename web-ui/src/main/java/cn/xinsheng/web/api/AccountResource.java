package cn.xinsheng.web.api;

import cn.xinsheng.identity.application.AccountAdministration;
import cn.xinsheng.identity.application.AccountAdministrationException;
import cn.xinsheng.identity.domain.Role;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Accounts, for the system administrator. Never includes password hashes. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  @Inject AccountAdministration administration;

  @GET
  @Operation(summary = "Every account with its roles, sections and lock state")
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    administration
        .accounts()
        .forEach(
            a -> {
              JsonArrayBuilder roles = Json.createArrayBuilder();
              a.getRoles().forEach(r -> roles.add(r.name()));
              JsonArrayBuilder sections = Json.createArrayBuilder();
              a.getSectionIds().stream().sorted().forEach(sections::add);
              array.add(
                  Json.createObjectBuilder()
                      .add("id", a.getId())
                      .add("username", a.getUsername())
                      .add("displayName", a.getDisplayName())
                      .add("roles", roles)
                      .add("sections", sections)
                      .add("enabled", a.isEnabled())
                      .add("locked", a.getLockedUntil() != null)
                      .add("mustChangePassword", a.isMustChangePassword()));
            });
    return array.build().toString();
  }

  /**
   * Creates an account: {@code {"username", "displayName", "roles": [...], "sections": [...]}}.
   * Answers the generated initial password once; the user must change it at his first login.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account; answers its one-time initial password")
  public Response create(JsonObject body) {
    try {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Set<Long> sections = new HashSet<>();
      if (body.containsKey("roles")
          && body.get("roles").getValueType() == JsonValue.ValueType.ARRAY) {
        for (JsonValue v : body.getJsonArray("roles")) {
          roles.add(Role.valueOf(((JsonString) v).getString()));
        }
      }
      if (body.containsKey("sections")
          && body.get("sections").getValueType() == JsonValue.ValueType.ARRAY) {
        body.getJsonArray("sections").getValuesAs(jakarta.json.JsonNumber.class).stream()
            .map(jakarta.json.JsonNumber::longValue)
            .forEach(sections::add);
      }
      String initial =
          administration.createAccount(
              body.getString("username", null),
              body.getString("displayName", null),
              roles,
              sections);
      return Response.status(Response.Status.CREATED)
          .entity(
              Json.createObjectBuilder()
                  .add("username", body.getString("username"))
                  .add("initialPassword", initial)
                  .build())
          .build();
    } catch (AccountAdministrationException e) {
      return SessionResource.error(Response.Status.BAD_REQUEST, e.messageKey());
    } catch (IllegalArgumentException | ClassCastException e) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "admin.error.badRequest");
    }
  }
}
