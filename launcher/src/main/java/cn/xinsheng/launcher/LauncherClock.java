package cn.xinsheng.launcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Where the launcher takes time from. The platform's records take it from the platform's clock: on
 * {@code start-dev --test-clock} the demo data is dated from the pinned instant, like everything
 * the platform records. The operator's own commands (an audit export's file name, a witness's
 * cosignature) state the time of the machine they run on.
 */
final class LauncherClock {

  private LauncherClock() {}

  /** The prison's zone: {@code XINSHENG_ZONE}, default Asia/Shanghai, as the platform reads it. */
  static ZoneId prisonZone() {
    String zone = System.getenv("XINSHENG_ZONE");
    return zone == null || zone.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone.strip());
  }

  /** The platform's clock as the launcher sees it: pinned at the test instant, if one is given. */
  static Clock platform(Optional<Instant> testClock) {
    return testClock
        .map(instant -> Clock.fixed(instant, prisonZone()))
        .orElseGet(() -> Clock.system(prisonZone()));
  }

  /** The clock of the machine an operator's or a witness's command runs on. */
  static Clock operator() {
    return Clock.systemDefaultZone();
  }
}
