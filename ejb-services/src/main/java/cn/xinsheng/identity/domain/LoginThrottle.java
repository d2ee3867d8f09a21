package cn.xinsheng.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How many password checks one key (an account name, a trusted browser or a source address) may
 * have, and for how long it is shut after too many wrong ones (issue 14, findings 1 and 2).
 *
 * <p>Every check is claimed before the password is looked at: a key may have at most {@code
 * maxFailures} failures and checks in flight together. So a burst of parallel guesses cannot slip
 * past the count (the probe got 99 of them through before the lock), and a correct login that finds
 * the slots taken waits its turn instead of being refused. Each lock lasts twice as long as the one
 * before, up to {@code longestLock}, and a success forgets the history: five requests shut an
 * account briefly, an attacker who keeps at it shuts himself out for longer and longer.
 *
 * @param maxFailures wrong passwords in a row before the key is locked
 * @param firstLock how long the first lock lasts
 * @param longestLock the longest a lock grows to
 */
public record LoginThrottle(int maxFailures, Duration firstLock, Duration longestLock) {

  /** A check in flight that never finished (the server stopped) is forgotten after this. */
  public static final Duration STALE_CHECK = Duration.ofMinutes(1);

  /** Failures with no attempt for this long are forgotten (a shared terminal's old typos). */
  public static final Duration FAILURE_WINDOW = Duration.ofHours(1);

  public LoginThrottle {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (firstLock == null || firstLock.isNegative() || firstLock.isZero()) {
      throw new IllegalArgumentException("firstLock must be positive");
    }
    if (longestLock == null || longestLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("longestLock must be at least firstLock");
    }
  }

  /** How long the lock after {@code earlierLocks} earlier ones lasts: doubling, capped. */
  public Duration lockTime(int earlierLocks) {
    Duration d = firstLock;
    for (int i = 0; i < earlierLocks && d.compareTo(longestLock) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(longestLock) > 0 ? longestLock : d;
  }

  /** What a claim came to. */
  public enum Claim {
    /** The check may go ahead; it must be finished (failure, success or release). */
    GRANTED,
    /** The key is locked: no password is looked at. */
    LOCKED,
    /** All slots are taken by checks in flight: wait for one to finish and ask again. */
    BUSY
  }

  /** One key's count as stored: failures in a row, checks in flight, locks so far. */
  public record State(
      int failures, int pending, int locks, Instant lockedUntil, Instant updatedAt) {

    public static State fresh(Instant now) {
      return new State(0, 0, 0, null, now);
    }

    public boolean lockedAt(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }
  }

  /** The answer to a claim and the state to store. */
  public record Claimed(Claim claim, State state) {}

  public Claimed claim(State s, Instant now) {
    if (s.lockedAt(now)) {
      return new Claimed(Claim.LOCKED, s);
    }
    // a lock that has run out starts a fresh count; the number of locks so far is kept
    boolean quiet = s.updatedAt().plus(FAILURE_WINDOW).isBefore(now);
    int failures = s.lockedUntil() != null || quiet ? 0 : s.failures();
    int pending = s.updatedAt().plus(STALE_CHECK).isBefore(now) ? 0 : s.pending();
    if (failures + pending >= maxFailures) {
      return new Claimed(Claim.BUSY, s);
    }
    return new Claimed(Claim.GRANTED, new State(failures, pending + 1, s.locks(), null, now));
  }

  /** A claimed check found a wrong password: counted, and the key locked at the limit. */
  public State failed(State s, Instant now) {
    int failures = s.failures() + 1;
    int pending = Math.max(0, s.pending() - 1);
    if (s.lockedUntil() == null && failures >= maxFailures) {
      return new State(failures, pending, s.locks() + 1, now.plus(lockTime(s.locks())), now);
    }
    return new State(failures, pending, s.locks(), s.lockedUntil(), now);
  }

  /** A claimed check found the right password: the history is forgotten. */
  public State succeeded(State s, Instant now) {
    return new State(0, Math.max(0, s.pending() - 1), 0, null, now);
  }

  /** A claimed check that was not made (another key refused it): the slot is given back. */
  public State released(State s, Instant now) {
    return new State(s.failures(), Math.max(0, s.pending() - 1), s.locks(), s.lockedUntil(), now);
  }
}
