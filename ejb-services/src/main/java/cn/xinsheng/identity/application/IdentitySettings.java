package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.LockoutPolicy;
import cn.xinsheng.identity.domain.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The identity rules as this site configured them ({@code xinsheng.security.*}). */
@ApplicationScoped
public class IdentitySettings {

  @Inject
  @ConfigProperty(name = "xinsheng.security.lockout.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "xinsheng.security.lockout.minutes", defaultValue = "15")
  int lockMinutes;

  @Inject
  @ConfigProperty(name = "xinsheng.security.password.min-length", defaultValue = "8")
  int minPasswordLength;

  public LockoutPolicy lockoutPolicy() {
    return new LockoutPolicy(maxFailures, Duration.ofMinutes(lockMinutes));
  }

  public PasswordPolicy passwordPolicy() {
    return new PasswordPolicy(minPasswordLength);
  }
}
