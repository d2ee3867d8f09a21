package cn.xinsheng.web.api;

import cn.xinsheng.identity.application.AccountAdministration;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
}
