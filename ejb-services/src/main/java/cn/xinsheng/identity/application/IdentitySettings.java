package cn.xinsheng.identity.application;

import cn.xinsheng.identity.domain.LockoutPolicy;
import cn.xinsheng.identity.domain.LoginThrottle;
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

  // issue 14: locks double up to this; a source address has its own, larger, limit
  @Inject
  @ConfigProperty(name = "xinsheng.security.lockout.longest-minutes", defaultValue = "1440")
  int longestLockMinutes;

  @Inject
  @ConfigProperty(name = "xinsheng.security.lockout.source-max-failures", defaultValue = "30")
  int sourceMaxFailures;

  @Inject
  @ConfigProperty(name = "xinsheng.security.password.min-length", defaultValue = "8")
  int minPasswordLength;

  public LockoutPolicy lockoutPolicy() {
    return new LockoutPolicy(maxFailures, Duration.ofMinutes(lockMinutes));
  }

  /** Per account name (known or not) and per trusted browser. */
  public LoginThrottle accountThrottle() {
    return new LoginThrottle(
        maxFailures,
        Duration.ofMinutes(lockMinutes),
        Duration.ofMinutes(Math.max(lockMinutes, longestLockMinutes)));
  }

  /** Per source address: guesses spread over many names from one terminal. */
  public LoginThrottle sourceThrottle() {
    return new LoginThrottle(
        sourceMaxFailures,
        Duration.ofMinutes(lockMinutes),
        Duration.ofMinutes(Math.max(lockMinutes, longestLockMinutes)));
  }

  public PasswordPolicy passwordPolicy() {
    return new PasswordPolicy(minPasswordLength);
  }
}
