package cn.xinsheng.platform;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving a test platform's pinned clock ({@code start-dev --test-clock}). Refused on every other
 * platform; each move is in the server log and in the audit log, so no record made under a moved
 * clock can pass for one made under the real one.
 */
@Stateless
@RolesAllowed(Role.SYS_ADMIN_NAME)
public class ClockAdministration {

  @Inject PlatformClock platformClock;
  @Inject AuditLog auditLog;

  public Instant pin(Instant instant) {
    if (!platformClock.isPinned()) {
      throw Refusal.conflict("clock.error.notTestClock");
    }
    if (instant == null) {
      throw Refusal.invalid("clock.error.instant");
    }
    Instant before = platformClock.clock().instant();
    platformClock.pin(instant);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("from", before.toString());
    p.put("to", instant.toString());
    // the event carries the new time: it is the first thing that happens under it
    auditLog.record("platform.test-clock.moved", "test-clock", p, List.of());
    return platformClock.clock().instant();
  }

  /**
   * The demo prison's first start (ADR 0010, {@code xinsheng.demo-history}): the clock replays an
   * instant of its past while the history is written through the services. Every move is in the
   * audit log, before anything is written under it, so each record of the demo's past sits after
   * the leaf that says it was replayed.
   */
  public Instant replayHistory(Instant instant) {
    if (instant == null) {
      throw Refusal.invalid("clock.error.instant");
    }
    Instant before;
    try {
      before = platformClock.replay(instant);
    } catch (IllegalStateException e) {
      throw Refusal.conflict("clock.error.notDemoHistory");
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("clock.error.historyOrder");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("from", before.toString());
    p.put("to", instant.toString());
    auditLog.record("platform.demo-history.replayed", "demo-history", p, List.of());
    return platformClock.clock().instant();
  }

  /** Ends the demo's replay for good: the platform reads the real (or test) clock again. */
  public Instant endHistory() {
    Instant now;
    try {
      now = platformClock.endReplay();
    } catch (IllegalStateException e) {
      throw Refusal.conflict("clock.error.notDemoHistory");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("to", now.toString());
    auditLog.record("platform.demo-history.ended", "demo-history", p, List.of());
    return now;
  }
}
