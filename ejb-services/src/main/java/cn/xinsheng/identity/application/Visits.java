package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * When the caller last visited before this visit (issue 18, item 3: an external reader's home says
 * what is new since then). A visit is a login: the identity log already holds every one, so the
 * previous successful login is the last visit and nothing new is stored to know it.
 */
@Stateless
@RolesAllowed({
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.LAWYER_NAME,
  Role.BUREAU_NAME,
  Role.HIGH_JUDGE_NAME
})
public class Visits {

  @Inject Caller caller;

  @Inject AccountRepository accounts;

  /** The login before the current one; empty on a first visit. */
  public Optional<Instant> previousVisit() {
    return accounts.loginBeforeLatest(caller.name());
  }
}
