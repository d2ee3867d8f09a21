package cn.xinsheng.identity.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Which roles one account may hold together (issue 14, finding 10: an account held {@code INMATE}
 * and {@code SYS_ADMIN} at once). Separation of duties: an inmate's account holds no other role at
 * all, and an external reader (procuratorate, court, supervision, lawyer) holds no role inside the
 * prison; the prison's own staff roles may be combined as the prison assigns them.
 */
public final class RoleCombination {

  private RoleCombination() {}

  /** The message key of the rule these roles break, or empty when they may be held together. */
  public static Optional<String> broken(Set<Role> roles) {
    if (roles.contains(Role.INMATE) && roles.size() > 1) {
      return Optional.of("admin.error.inmateWithOtherRole");
    }
    boolean external = roles.stream().anyMatch(Role::isExternal);
    boolean internal = roles.stream().anyMatch(r -> !r.isExternal());
    if (external && internal) {
      return Optional.of("admin.error.externalWithInternalRole");
    }
    return Optional.empty();
  }
}
