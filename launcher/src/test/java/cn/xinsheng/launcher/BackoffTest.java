package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Duration AT_ONCE = Duration.ofMillis(300);

  @Test
  void doublesWhileTheServerKeepsDyingAndStopsAtTheLongestWait() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    long[] seconds = new long[8];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = b.next(AT_ONCE).toSeconds();
    }
    assertEquals("[1, 2, 4, 8, 16, 30, 30, 30]", java.util.Arrays.toString(seconds));
  }

  @Test
  void startsAgainFromTheFirstWaitAfterAHealthyRun() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    b.next(AT_ONCE);
    b.next(AT_ONCE);
    assertEquals(Duration.ofSeconds(4), b.next(AT_ONCE));
    assertEquals(Duration.ofSeconds(1), b.next(Duration.ofMinutes(5)));
    assertEquals(Duration.ofSeconds(2), b.next(Duration.ofSeconds(59)));
  }
}
