package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 10 ("the demo prison has a year of history on first start"): the shared boot is a
 * first start-dev, so it wrote the demo's past through the API as the demo users (DemoHistory, ADR
 * 0010's replayed clock). Section 31 has twelve locked months whose entries were each reviewed and
 * each have their leaf in the audit log, recorded in the past, with returns, objections run to
 * feedback, and cycles graded 表扬 and 物质奖励 by the section and approved by the prison; between them,
 * reduction cases were proposed and taken step by step through the case API, one of them to a
 * granted and served ruling that changed the sentence.
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

  /**
   * The history's cases: proposed before the test platform's clock (the tests propose at it or
   * later, never earlier).
   */
  private static final String DEMO_CASES =
      "SELECT id FROM reduction_case WHERE created_at < '"
          + java.sql.Timestamp.from(OffsetDateTime.parse(RunningPlatform.TEST_CLOCK).toInstant())
          + "'";

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

  /**
   * The second part of item 10: cases at every step. The demo's cases stand at several different
   * steps (as the department's case list says), exactly one is ruled on — granted, served, its
   * sentence changed with the day of service recorded — and each case and each of its steps has its
   * leaf in the audit log.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theDemoPrisonHasCasesAtEveryStepOneGrantedAndServed() throws Exception {
    Set<Long> demo = new HashSet<>();
    try (var c = RunningPlatform.ownerConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(DEMO_CASES)) {
      while (rs.next()) {
        demo.add(rs.getLong(1));
      }
    }
    assertTrue(demo.size() >= 5, "cases written by the history: " + demo);
    WebClient execution = new WebClient(RunningPlatform.ensureStarted());
    assertEquals(200, execution.login("execution1", "demo123!").statusCode());
    var listed = execution.get("/api/v1/cases");
    assertEquals(200, listed.statusCode(), listed.body());
    Set<Object> open = new HashSet<>();
    int granted = 0;
    for (Object o : (List<Object>) CanonicalJson.parse(listed.body())) {
      Map<String, Object> summary = (Map<String, Object>) o;
      if (!demo.contains((Long) summary.get("id"))) {
        continue;
      }
      if ("GRANTED".equals(summary.get("status"))) {
        granted++;
      } else {
        assertEquals("OPEN", summary.get("status"), summary.toString());
        open.add(summary.get("nextStep"));
      }
    }
    assertEquals(1, granted, "one demo case granted");
    assertTrue(open.size() >= 4, "open demo cases stand at different steps: " + open);
    assertTrue(open.contains("WARD_MEETING") && open.contains("COMMITTEE"), open.toString());

    String ids = demo.toString().replace('[', '(').replace(']', ')');
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM case_event WHERE step = 'RULING' AND case_id IN " + ids),
        "exactly one demo case was ruled on");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM case_event r JOIN case_event s ON s.case_id = r.case_id"
                + " AND s.step = 'SERVICE' WHERE r.step = 'RULING' AND r.choice = 'GRANTED'"
                + " AND r.case_id IN "
                + ids),
        "and that one granted and served");
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM case_event WHERE step = 'SERVICE' AND case_id IN " + ids),
        "only the granted one served");
    // the sentence change the ruling wrote, with the day it was served (the next interval's start)
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM sentence_change c JOIN sentence_change_service v"
                + " ON v.sentence_change_id = c.id JOIN case_event s ON s.case_id = c.case_id"
                + " AND s.step = 'SERVICE' AND s.on_date = v.served_on"
                + " JOIN case_event r ON r.case_id = c.case_id AND r.step = 'RULING'"
                + " AND r.months = c.months WHERE c.case_id IN "
                + ids),
        "the granted reduction changed the sentence and its service day is recorded");
    // served in the past, not at the boot
    Instant now = RunningPlatform.time().instant();
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM case_event WHERE step = 'SERVICE' AND case_id IN "
                + ids
                + " AND on_date < '"
                + java.sql.Date.valueOf(
                    now.minus(Duration.ofDays(60)).atZone(java.time.ZoneOffset.UTC).toLocalDate())
                + "'"),
        "served months ago");
    // the whole way: the committee's votes, an objection and its 复核, the procuratorate, a hearing
    assertTrue(
        count("SELECT COUNT(*) FROM case_event WHERE type = 'VOTE' AND case_id IN " + ids) >= 12);
    for (String step : List.of("RECHECK", "DIRECTOR_MEETING", "COURT_POSTING", "HEARING")) {
      assertTrue(
          count("SELECT COUNT(*) FROM case_event WHERE step = '" + step + "' AND case_id IN " + ids)
              >= 1,
          step);
    }
    assertTrue(
        count(
                "SELECT COUNT(*) FROM case_event WHERE type = 'POSTING_OBJECTION' AND case_id IN "
                    + ids)
            >= 1,
        "an objection during the posting");
    assertTrue(
        count(
                "SELECT COUNT(*) FROM case_event WHERE type = 'PROCURATORATE_OPINION'"
                    + " AND case_id IN "
                    + ids)
            >= 1,
        "the procuratorate's opinion");
    // each case and each of its events has its leaf in the audit log
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM reduction_case c WHERE c.id IN "
                + ids
                + " AND NOT EXISTS (SELECT 1 FROM audit_entry a"
                + " WHERE a.subject = CONCAT('case/', c.id))"),
        "every demo case has its leaf");
    assertTrue(count("SELECT COUNT(*) FROM case_event WHERE case_id IN " + ids) >= 40);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM case_event e WHERE e.case_id IN "
                + ids
                + " AND NOT EXISTS (SELECT 1 FROM audit_entry a"
                + " WHERE a.subject = CONCAT('case-event/', e.id))"),
        "every step, vote and objection of a demo case has its leaf");
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
