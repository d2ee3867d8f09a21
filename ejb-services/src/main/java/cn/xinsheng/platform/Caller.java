package cn.xinsheng.platform;

import cn.xinsheng.identity.domain.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling a service: the name and roles that every audit event records ("谁签字谁负责"). Read from
 * Jakarta Security, so it is the identity the container authenticated, never a parameter a page
 * could forge. Asked once per request: each role check is a permission check of the container.
 */
@RequestScoped
public class Caller {

  @Inject SecurityContext security;

  private Set<Role> roles;

  public String name() {
    Principal p = security.getCallerPrincipal();
    if (p == null) {
      throw new IllegalStateException("no caller: services run for a logged-in user");
    }
    return p.getName();
  }

  public Set<Role> roles() {
    if (roles == null) {
      Set<Role> found = EnumSet.noneOf(Role.class);
      Arrays.stream(Role.values())
          .filter(r -> security.isCallerInRole(r.name()))
          .forEach(found::add);
      roles = found;
    }
    return roles;
  }

  public boolean has(Role role) {
    return roles().contains(role);
  }

  /** The roles as one sorted, comma-separated string, as audit events carry them. */
  public String rolesText() {
    Set<Role> mine = roles();
    return mine.isEmpty()
        ? "NONE"
        : mine.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
