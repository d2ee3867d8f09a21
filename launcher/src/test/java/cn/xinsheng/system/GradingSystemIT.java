package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, deliverable 7: grading (等级评定) of a closed cycle is the section's proposal, approved by
 * the prison by another person; only the approval makes it the cycle's decision (what proposals
 * cite), and both are audited.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class GradingSystemIT {

  // demo inmate 25 (section 11), whom no other test uses
  private static final String INMATE = "3301000025";

  private static WebClient login(String base, String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  /** A closed cycle as the monthly close leaves one, written as the database owner. */
  private static long closedCycle() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO month_close (section_id, month, split, computed_by, computed_at)"
              + " VALUES (11, '2025-11', '35/35/30', 'it', NOW(3))",
          Statement.RETURN_GENERATED_KEYS);
      long close;
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        close = k.getLong(1);
      }
      s.executeUpdate(
          "INSERT INTO assessment_cycle (inmate_id, number, closed_month, close_id, first_month)"
              + " SELECT id, 1, '2025-11', "
              + close
              + ", '2025-06' FROM inmate WHERE prisoner_number = '"
              + INMATE
              + "'",
          Statement.RETURN_GENERATED_KEYS);
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        return k.getLong(1);
      }
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void theSectionProposesAndThePrisonApprovesByAnotherPerson() throws Exception {
    String base = RunningPlatform.ensureStarted();
    long cycle = closedCycle();
    WebClient reviewer = login(base, "reviewer1");
    WebClient execution = login(base, "execution1");
    String decided = "SELECT COUNT(*) FROM cycle_decision WHERE cycle_id = " + cycle;

    HttpResponse<String> bad =
        reviewer.postJson(
            "/api/v1/ledger/cycles/" + cycle + "/decision",
            "{\"result\":\"PRAISE\",\"reason\":\" \"}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(
        409,
        execution
            .postJson(
                "/api/v1/ledger/cycles/" + cycle + "/approval",
                "{\"decision\":\"APPROVED\",\"reason\":\"同意\"}")
            .statusCode(),
        "nothing to approve before the section proposes");
    HttpResponse<String> proposed =
        reviewer.postJson(
            "/api/v1/ledger/cycles/" + cycle + "/decision",
            "{\"result\":\"PRAISE\",\"reason\":\"分监区集体评议：考核满600分，无违纪，建议表扬\"}");
    assertEquals(200, proposed.statusCode(), proposed.body());
    assertEquals(0, RunningPlatform.count(decided), "a proposal is not yet the decision");
    assertEquals(
        409,
        reviewer
            .postJson(
                "/api/v1/ledger/cycles/" + cycle + "/decision",
                "{\"result\":\"MATERIAL\",\"reason\":\"改为物质奖励\"}")
            .statusCode(),
        "one proposal at a time");
    List<Map<String, Object>> pending =
        (List<Map<String, Object>>)
            CanonicalJson.parse(execution.get("/api/v1/ledger/gradings/pending").body());
    assertTrue(
        pending.stream()
            .anyMatch(p -> cycle == (Long) p.get("cycleId") && "reviewer1".equals(p.get("by"))));
    assertEquals(
        403,
        reviewer
            .postJson(
                "/api/v1/ledger/cycles/" + cycle + "/approval",
                "{\"decision\":\"APPROVED\",\"reason\":\"同意\"}")
            .statusCode(),
        "the section does not approve its own proposal");
    HttpResponse<String> approved =
        execution.postJson(
            "/api/v1/ledger/cycles/" + cycle + "/approval",
            "{\"decision\":\"APPROVED\",\"reason\":\"监狱审批同意\"}");
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals(
        1, RunningPlatform.count(decided + " AND result = 'PRAISE' AND decided_by = 'execution1'"));
    assertEquals(
        2,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'cycle/"
                + cycle
                + "' AND (leaf_data LIKE '%ledger.cycle.grading-proposed%'"
                + " OR leaf_data LIKE '%ledger.cycle.decided%')"));
    assertEquals(
        409,
        execution
            .postJson(
                "/api/v1/ledger/cycles/" + cycle + "/approval",
                "{\"decision\":\"REJECTED\",\"reason\":\"x\"}")
            .statusCode(),
        "approved once");
  }
}
