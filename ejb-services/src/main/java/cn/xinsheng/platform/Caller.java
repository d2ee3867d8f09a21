package cn.xinsheng.platform;

import cn.xinsheng.identity.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
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
 * could forge.
 */
@ApplicationScoped
public class Caller {

  @Inject SecurityContext security;

  public String name() {
    Principal p = security.getCallerPrincipal();
    if (p == null) {
      throw new IllegalStateException("no caller: services run for a logged-in user");
    }
    return p.getName();
  }

  public Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(Role.values()).filter(r -> security.isCallerInRole(r.name())).forEach(roles::add);
    return roles;
  }

  public boolean has(Role role) {
    return security.isCallerInRole(role.name());
  }

  /** The roles as one sorted, comma-separated string, as audit events carry them. */
  public String rolesText() {
    Set<Role> roles = roles();
    return roles.isEmpty()
        ? "NONE"
        : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
