package cn.xinsheng.web.security;

import cn.xinsheng.identity.application.AccountService;
import cn.xinsheng.identity.application.LoginResult;
import cn.xinsheng.identity.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in account store: PBKDF2 hashes, lockout and disabled accounts, all decided by {@link
 * AccountService}. The outcome of the last attempt is kept for the login page's message.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject AccountService accountService;
  @Inject LoginAttemptHolder lastAttempt;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential upc)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    LoginResult result =
        accountService.login(upc.getCaller(), upc.getPassword().getValue(), lastAttempt.source());
    lastAttempt.set(result);
    if (!result.succeeded()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups = result.roles().stream().map(Role::name).collect(Collectors.toSet());
    return new CredentialValidationResult(result.username(), groups);
  }
}
