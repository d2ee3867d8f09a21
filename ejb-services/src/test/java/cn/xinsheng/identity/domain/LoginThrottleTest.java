package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.LoginThrottle.Claim;
import cn.xinsheng.identity.domain.LoginThrottle.Claimed;
import cn.xinsheng.identity.domain.LoginThrottle.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The login count's rules (issue 14, findings 1 and 2), without a database. */
class LoginThrottleTest {

  private static final Instant T0 = Instant.parse("2026-06-10T02:00:00Z");
  private final LoginThrottle throttle =
      new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofHours(24));

  @Test
  void parallelChecksNeverExceedTheLimitAndTheFifthFailureLocks() {
    State s = State.fresh(T0);
    // a burst: every claim is made before any password is looked at
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Claimed c = throttle.claim(s, T0);
      claims.add(c.claim());
      s = c.state();
    }
    assertEquals(5, claims.stream().filter(c -> c == Claim.GRANTED).count());
    assertEquals(95, claims.stream().filter(c -> c == Claim.BUSY).count());
    for (int i = 0; i < 4; i++) {
      s = throttle.failed(s, T0);
      assertFalse(s.lockedAt(T0), "after " + (i + 1) + " failures");
    }
    s = throttle.failed(s, T0);
    assertTrue(s.lockedAt(T0), "the fifth failure locks");
    assertEquals(Claim.LOCKED, throttle.claim(s, T0).claim());
    assertEquals(T0.plus(Duration.ofMinutes(15)), s.lockedUntil());
  }

  @Test
  void aCorrectLoginThatFindsTheSlotsTakenWaitsAndIsNotCounted() {
    State s = State.fresh(T0);
    for (int i = 0; i < 5; i++) {
      s = throttle.claim(s, T0).state();
    }
    assertEquals(Claim.BUSY, throttle.claim(s, T0).claim());
    s = throttle.succeeded(s, T0);
    Claimed next = throttle.claim(s, T0);
    assertEquals(Claim.GRANTED, next.claim());
    assertEquals(0, next.state().failures());
  }

  @Test
  void locksGrowAndASuccessForgetsThem() {
    assertEquals(Duration.ofMinutes(15), throttle.lockTime(0));
    assertEquals(Duration.ofMinutes(30), throttle.lockTime(1));
    assertEquals(Duration.ofMinutes(120), throttle.lockTime(3));
    assertEquals(Duration.ofHours(24), throttle.lockTime(40));

    State s = lockOnce(State.fresh(T0), T0);
    Instant later = s.lockedUntil();
    assertEquals(Claim.GRANTED, throttle.claim(s, later).claim(), "a lock ends by itself");
    s = lockOnce(s, later);
    assertEquals(later.plus(Duration.ofMinutes(30)), s.lockedUntil(), "the second lasts twice");
    Instant third = s.lockedUntil();
    s = throttle.claim(s, third).state();
    s = throttle.succeeded(s, third);
    assertEquals(0, s.locks());
    assertEquals(third.plus(Duration.ofMinutes(15)), lockOnce(s, third).lockedUntil());
  }

  @Test
  void aReleasedSlotIsNotAFailure() {
    State s = throttle.claim(State.fresh(T0), T0).state();
    s = throttle.released(s, T0);
    assertEquals(0, s.failures());
    assertEquals(0, s.pending());
  }

  @Test
  void oldFailuresAndAbandonedChecksAreForgotten() {
    State s = State.fresh(T0);
    for (int i = 0; i < 4; i++) {
      s = throttle.failed(throttle.claim(s, T0).state(), T0);
    }
    s = throttle.claim(s, T0).state(); // in flight, never finished
    assertEquals(Claim.BUSY, throttle.claim(s, T0).claim());
    Claimed later = throttle.claim(s, T0.plus(Duration.ofHours(2)));
    assertEquals(Claim.GRANTED, later.claim());
    assertEquals(0, later.state().failures());
    assertEquals(1, later.state().pending());
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LoginThrottle(0, Duration.ofMinutes(1), Duration.ofMinutes(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LoginThrottle(5, Duration.ofMinutes(10), Duration.ofMinutes(1)));
  }

  private State lockOnce(State s, Instant at) {
    for (int i = 0; i < 5; i++) {
      Claimed c = throttle.claim(s, at);
      assertEquals(Claim.GRANTED, c.claim());
      s = throttle.failed(c.state(), at);
    }
    assertTrue(s.lockedAt(at));
    return s;
  }
}
