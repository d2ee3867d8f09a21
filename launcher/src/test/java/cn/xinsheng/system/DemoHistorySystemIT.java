package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 10 ("the demo prison has a year of history on first start"): the shared boot is a
 * first start-dev, so it wrote the demo's past through the API as the demo users (DemoHistory, ADR
 * 0010's replayed clock). Section 31 has twelve locked months whose entries were each reviewed and
 * each have their leaf in the audit log, recorded in the past, with returns, objections run to
 * feedback, and cycles graded 表扬 and 物质奖励 by the section and approved by the prison.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class DemoHistorySystemIT {

  /**
   * Months of section 31 computed by its officer and locked (tests may add closes of their own).
   */
  private static final String LOCKED_MONTHS =
      "SELECT DISTINCT c.month FROM month_close c JOIN month_close_step s ON s.close_id = c.id"
          + " AND s.step = 'LOCKED' WHERE c.section_id = 31 AND c.computed_by = 'officer4'"
          // computed by the service: with its month results (the old seeded cycle's close has none)
          + " AND EXISTS (SELECT 1 FROM month_result r WHERE r.close_id = c.id)";

  private static final String HISTORY_ENTRIES =
      "FROM point_entry p WHERE p.section_id = 31 AND p.month IN (" + LOCKED_MONTHS + ")";

  private static long count(String sql) throws Exception {
    return RunningPlatform.count(sql);
  }

  @Test
  void theDemoPrisonHasAYearOfReviewedLockedAuditedHistory() throws Exception {
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM installation_setting WHERE name = 'demo-history-written'"
                + " AND value NOT LIKE 'failed%'"),
        "the launcher wrote the history (see launcher.log for its line)");
    assertTrue(
        count("SELECT COUNT(*) FROM (" + LOCKED_MONTHS + ") m") >= 12,
        "twelve locked months in section 31");
    long entries = count("SELECT COUNT(*) " + HISTORY_ENTRIES);
    assertTrue(entries >= 12 * 8, "entries in the locked months: " + entries);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) "
                + HISTORY_ENTRIES
                + " AND NOT EXISTS (SELECT 1 FROM entry_review r WHERE r.entry_id = p.id)"),
        "every entry of a locked month was reviewed");
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) "
                + HISTORY_ENTRIES
                + " AND NOT EXISTS (SELECT 1 FROM audit_entry a"
                + " WHERE a.subject = CONCAT('point-entry/', p.id))"),
        "every entry of a locked month has its leaf in the audit log");
    // written as the prison's past, not at the boot: recorded at least ten months ago
    Instant now = RunningPlatform.time().instant();
    long old =
        count(
            "SELECT COUNT(*) "
                + HISTORY_ENTRIES
                + " AND p.recorded_at < '"
                + java.sql.Timestamp.from(now.minus(Duration.ofDays(300)))
                + "'");
    assertTrue(old > 0, "entries recorded in the past");
    assertTrue(
        count("SELECT COUNT(*) " + HISTORY_ENTRIES + " AND p.supersedes_id IS NOT NULL") >= 3,
        "returned entries amended by their officer");
    assertTrue(
        count(
                "SELECT COUNT(DISTINCT o.id) FROM objection o JOIN objection_step s"
                    + " ON s.objection_id = o.id AND s.step = 'FEEDBACK' WHERE o.section_id = 31")
            >= 2,
        "objections run to feedback");
    assertTrue(
        count(
                "SELECT COUNT(*) FROM cycle_decision d JOIN assessment_cycle c ON c.id = d.cycle_id"
                    + " JOIN inmate i ON i.id = c.inmate_id WHERE i.section_id = 31"
                    + " AND d.decided_by = 'execution1' AND d.result = 'PRAISE'")
            >= 10,
        "cycles commended (表扬) by the section and approved by the prison");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM cycle_decision d JOIN assessment_cycle c ON c.id = d.cycle_id"
                + " JOIN inmate i ON i.id = c.inmate_id WHERE i.section_id = 31"
                + " AND d.decided_by = 'execution1' AND d.result = 'MATERIAL'"),
        "one material reward (物质奖励)");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE"
                + " '%platform.demo-history.ended%'"),
        "the replay ended once, in the audit log");
  }

  @Test
  void onceWrittenThePastCannotBeReplayedAgain() {
    WebClient admin = new WebClient(RunningPlatform.ensureStarted());
    assertEquals(200, admin.login("sysadmin1", "demo123!").statusCode());
    Instant before = RunningPlatform.time().instant();
    var r = admin.postJson("/api/v1/clock/history", "{\"instant\":\"2025-01-01T00:00:00Z\"}");
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(r.body().contains("clock.error.notDemoHistory"), r.body());
    assertEquals(before, RunningPlatform.time().instant(), "a refused replay moves nothing");
  }
}
