package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16, the 死缓 path end to end over the API: the reprieve of demo inmate 52 (section 22) ended
 * ten days ago, so the section proposes the commutation 刑法第五十条第一款 orders — to life, since he has no
 * major merit (25 years is refused, as is any other term). The case goes through the prison, the
 * provincial bureau (two people) and the high court, which may not extend its month
 * (法释〔2014〕5号第一条第（一）项). The granted ruling writes a {@code COMMUTATION_TO_LIFE} change dated the
 * day the reprieve ended (刑法第五十一条), whatever day the court rules; the next run then shows the
 * following link of the chain: no reduction before three years as life (法释〔2016〕23号第十条).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class DeathReprieveSystemIT {

  private static final String PASSWORD = "demo123!";
  static final String INMATE = "3301000052";
  private static final long SECTION = 22;

  private static String base;
  private static WebClient officer;
  private static WebClient execution;
  private static long caseId;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    officer = login("officer3");
    execution = login("execution1");
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parse(r.body());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return (List<Map<String, Object>>) CanonicalJson.parse(r.body());
  }

  private static void refused(HttpResponse<String> r, int status, String key) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"error\":\"" + key + "\""), r.body());
    assertFalse(r.body().contains("\"message_zh\":\"" + key + "\""), "a real message: " + r.body());
  }

  private static HttpResponse<String> step(WebClient c, String step, String extra) {
    return c.postJson(
        "/api/v1/cases/" + caseId + "/steps",
        "{\"step\":\"" + step + "\",\"note\":\"同意。\"" + (extra == null ? "" : "," + extra) + "}");
  }

  private static Map<String, Object> signed(WebClient c, String step, String extra) {
    HttpResponse<String> r = step(c, step, extra);
    assertEquals(201, r.statusCode(), step + ": " + r.body());
    return object(r);
  }

  private static void advance(int days) {
    HttpResponse<String> r =
        execution.postJson("/api/v1/cases/demo-clock", "{\"days\":" + days + "}");
    assertEquals(200, r.statusCode(), r.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> summary(WebClient c) {
    HttpResponse<String> r = c.get("/api/v1/cases/" + caseId);
    assertEquals(200, r.statusCode(), r.body());
    return (Map<String, Object>) object(r).get("summary");
  }

  private static String today() {
    return String.valueOf(object(execution.get("/api/v1/cases/" + caseId)).get("today"));
  }

  private static Map<String, Object> latest() {
    HttpResponse<String> run =
        officer.postJson("/api/v1/eligibility/runs", "{\"section\":" + SECTION + "}");
    assertEquals(201, run.statusCode(), run.body());
    return list(officer.get("/api/v1/eligibility/runs/latest?all=true&section=" + SECTION)).stream()
        .filter(r -> INMATE.equals(r.get("prisonerNumber")))
        .filter(r -> "REDUCTION".equals(r.get("kind")))
        .findFirst()
        .orElseThrow();
  }

  private static LocalDate reprieveEnds() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sentence_start FROM inmate WHERE prisoner_number = '" + INMATE + "'")) {
      assertTrue(rs.next());
      return rs.getDate(1).toLocalDate().plusMonths(24);
    }
  }

  @Test
  @Order(1)
  void theCommutationAtTheEndOfTheReprieveIsProposed() throws Exception {
    Map<String, Object> row = latest();
    assertEquals("ELIGIBLE", row.get("outcome"), String.valueOf(row));
    assertEquals(reprieveEnds().toString(), row.get("eligibleOn"), "from the reprieve's end");
    String reasons = String.valueOf(row.get("reasonArgs"));
    assertTrue(reasons.contains("刑法第五十条第一款"), reasons);
    assertTrue(reasons.contains("法释〔2016〕23号第十条"), "the next link is shown too: " + reasons);
    long result = (Long) row.get("id");
    // without major merit only life is lawful: neither 25 years nor any other term
    for (int months : new int[] {300, 264}) {
      refused(
          officer.postJson(
              "/api/v1/cases",
              "{\"eligibility\":"
                  + result
                  + ",\"months\":"
                  + months
                  + ",\"rationale\":\"缓期二年期满，没有故意犯罪\"}"),
          400,
          "case.error.reprieveEnd");
    }
    HttpResponse<String> proposed =
        officer.postJson(
            "/api/v1/cases",
            "{\"eligibility\":" + result + ",\"rationale\":\"缓期二年期满，没有故意犯罪，报请减为无期徒刑\"}");
    assertEquals(201, proposed.statusCode(), proposed.body());
    caseId = (Long) object(proposed).get("id");
    Map<String, Object> s = summary(execution);
    assertEquals("DEATH_REPRIEVE", s.get("track"));
    assertEquals("HIGH_JUDGE", s.get("courtRole"));
    assertEquals(Boolean.FALSE, s.get("courtMayExtend"));
    assertEquals(null, s.get("proposedMonths"), "life has no months");
  }

  @Test
  @Order(2)
  void thePrisonAndTheBureauPassItOn() {
    signed(login("reviewer2"), "WARD_MEETING", null);
    signed(execution, "EXECUTION_REVIEW", null);
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      members.append(i > 1 ? "," : "").append("\"committee").append(i).append('"');
    }
    HttpResponse<String> meeting =
        execution.postJson(
            "/api/v1/committee/meetings",
            "{\"title\":\"死缓减刑评审会\",\"members\":[" + members + "],\"cases\":[" + caseId + "]}");
    assertEquals(201, meeting.statusCode(), meeting.body());
    for (int i = 1; i <= 6; i++) {
      assertEquals(
          201,
          login("committee" + i)
              .postJson("/api/v1/cases/" + caseId + "/votes", "{\"choice\":\"AGREE\"}")
              .statusCode());
    }
    assertEquals("APPROVED", signed(execution, "COMMITTEE", null).get("choice"));
    signed(execution, "POSTING", null);
    advance(12);
    signed(login("warden1"), "DIRECTOR_MEETING", null);
    signed(execution, "SUBMISSION", null);
    assertEquals("BUREAU_REVIEW", summary(execution).get("nextStep"));
    signed(login("bureau1"), "BUREAU_REVIEW", null);
    assertEquals(
        "APPROVED",
        signed(login("bureau2"), "BUREAU_DECISION", "\"choice\":\"APPROVED\"").get("choice"));
  }

  @Test
  @Order(3)
  void theHighCourtRulesAndTheReprieveEndsInLife() throws Exception {
    WebClient highJudge = login("highjudge1");
    assertEquals(404, login("judge1").get("/api/v1/cases/" + caseId).statusCode());
    signed(highJudge, "COURT_RECEIPT", null);
    // no extension for 死缓 (法释〔2014〕5号第一条第（一）项)
    refused(
        highJudge.postJson("/api/v1/cases/" + caseId + "/court-extension", "{\"reason\":\"案情复杂\"}"),
        409,
        "case.error.noCourtExtension");
    signed(highJudge, "COURT_POSTING", null);
    advance(6);
    HttpResponse<String> agree =
        login("prosecutor1")
            .postJson(
                "/api/v1/cases/" + caseId + "/opinions",
                "{\"choice\":\"AGREE\",\"reasons\":\"无异议\"}");
    assertEquals(201, agree.statusCode(), agree.body());
    String ruledOn = today();
    refused(
        step(highJudge, "RULING", "\"choice\":\"GRANTED\",\"months\":300"),
        400,
        "case.error.reprieveEnd");
    assertEquals("GRANTED", signed(highJudge, "RULING", "\"choice\":\"GRANTED\"").get("choice"));
    LocalDate ends = reprieveEnds();
    assertTrue(LocalDate.parse(ruledOn).isAfter(ends), "the court rules after the reprieve ended");
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sc.kind, sc.ruled_on, sc.months, sc.to_months FROM sentence_change sc"
                    + " WHERE sc.case_id = "
                    + caseId)) {
      assertTrue(rs.next(), "the ruling wrote the commutation");
      assertEquals("COMMUTATION_TO_LIFE", rs.getString(1));
      assertEquals(ends, rs.getDate(2).toLocalDate(), "dated the reprieve's end (刑法第五十一条)");
      assertEquals(null, rs.getObject(3));
      assertEquals(null, rs.getObject(4));
      assertFalse(rs.next(), "one change");
    }
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'sentence/" + INMATE + "'"),
        "the commutation is in the audit log");
    signed(execution, "SERVICE", null);
    assertEquals("GRANTED", summary(highJudge).get("status"));
  }

  @Test
  @Order(4)
  void theNextLinkOfTheChainWaitsThreeYearsAsLife() throws Exception {
    Map<String, Object> row = latest();
    LocalDate ends = reprieveEnds();
    assertEquals("NOT_YET", row.get("outcome"), String.valueOf(row));
    assertEquals(ends.plusMonths(36).toString(), row.get("eligibleOn"), String.valueOf(row));
    String reasons = String.valueOf(row.get("reasonArgs"));
    assertTrue(reasons.contains("法释〔2016〕23号第十条第一款"), reasons);
    assertFalse(reasons.contains("刑法第五十条第一款;监狱法"), "the reprieve is over: " + reasons);
    // and the case track of the next proposal would be the life track to the high court
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM sentence_change sc JOIN inmate i ON i.id = sc.inmate_id"
                    + " WHERE i.prisoner_number = '"
                    + INMATE
                    + "'")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }
}
