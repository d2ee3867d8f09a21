package cn.xinsheng.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Set;

/**
 * Login against the account store ({@link AccountIdentityStore}) through {@link PasswordLogin}, for
 * pages and API alike; afterwards the session carries the caller's name and roles, which are given
 * to the container on every request by name.
 *
 * <p>Why our own and not {@code @CustomFormAuthenticationMechanismDefinition}: its
 * {@code @AutoApplySession} re-applies the stored principal object, and on Payara that loses the
 * caller's groups now and then under concurrent requests (payara/Payara#6145): an officer got "not
 * authorized" from a service he may use, about once in twenty calls with eight sessions at once.
 * Re-applying by name and groups has no such path. Redirects to the login page are the access
 * filter's business.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String CALLER = "xinsheng.caller";
  static final String GROUPS = "xinsheng.groups";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      String name = result.getCallerPrincipal().getName();
      Set<String> groups = new HashSet<>(result.getCallerGroups());
      HttpSession session = request.getSession(true);
      session.setAttribute(CALLER, name);
      session.setAttribute(GROUPS, groups);
      return context.notifyContainerAboutLogin(name, groups);
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(CALLER) instanceof String name
        && session.getAttribute(GROUPS) instanceof Set<?> stored) {
      Set<String> groups = new HashSet<>();
      stored.forEach(g -> groups.add(String.valueOf(g)));
      return context.notifyContainerAboutLogin(name, groups);
    }
    return context.doNothing();
  }
}
