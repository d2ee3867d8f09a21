package cn.xinsheng.launcher;

import java.time.Duration;

/**
 * How long to wait before restarting something that died: doubling from the first wait up to the
 * longest, and back to the first once it had run for a minute, so a server that crashes at once is
 * not restarted in a tight loop and one that ran well comes back quickly.
 */
final class Backoff {

  static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

  private final Duration first;
  private final Duration longest;
  private Duration next;

  Backoff(Duration first, Duration longest) {
    this.first = first;
    this.longest = longest;
    this.next = first;
  }

  /** The wait before the next restart, given how long the last run lasted. */
  synchronized Duration next(Duration lastRun) {
    if (lastRun.compareTo(HEALTHY_RUN) >= 0) {
      next = first;
    }
    Duration wait = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(longest) > 0 ? longest : doubled;
    return wait;
  }
}
