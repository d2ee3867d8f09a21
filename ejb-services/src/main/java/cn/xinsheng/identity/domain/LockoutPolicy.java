package cn.xinsheng.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code maxFailures} wrong passwords in a row an account is locked for {@code lockTime}; an
 * administrator may unlock it earlier. A correct password resets the count.
 */
public record LockoutPolicy(int maxFailures, Duration lockTime) {

  public static final int DEFAULT_MAX_FAILURES = 5;
  public static final Duration DEFAULT_LOCK_TIME = Duration.ofMinutes(15);

  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (lockTime == null || lockTime.isNegative() || lockTime.isZero()) {
      throw new IllegalArgumentException("lockTime must be positive");
    }
  }

  public static LockoutPolicy standard() {
    return new LockoutPolicy(DEFAULT_MAX_FAILURES, DEFAULT_LOCK_TIME);
  }

  /** When the account unlocks after this failure, or null when it stays open. */
  public Instant lockedUntilAfterFailure(int failuresIncludingThisOne, Instant now) {
    return failuresIncludingThisOne >= maxFailures ? now.plus(lockTime) : null;
  }

  public boolean isLocked(Instant lockedUntil, Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
