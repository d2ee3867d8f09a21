package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16, deliverable 6, over the API: a life inmate's case from the section's proposal through
 * the prison (with an objection during the posting and the committee's 复核, 司法部令第130号第十一条), the
 * provincial bureau's review and decision by two people (第四条、第六条第二款), to the high court
 * (法释〔2014〕5号第一条): its posting with an objection, so the hearing is mandatory (第六条第（三）项), its
 * one-month extension, the hearing, the ruling that commutes the life term, and service. The
 * intermediate court's judge never reaches the case; nor does the high court before the bureau
 * approves. Leaves {@code LIFE_CASE} for {@link LifeCaseScreensIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class LifeCaseSystemIT {

  private static final String PASSWORD = "demo123!";
  // inmate 31 of the demo (section 11): life, 37 months served, ordinary good conduct
  static final String LIFE_INMATE = "3301000031";
  private static final long SECTION = 11;

  private static String base;
  private static WebClient officer;
  private static WebClient reviewer;
  private static WebClient execution;
  private static WebClient warden;
  private static WebClient prosecutor;
  private static WebClient judge;
  private static WebClient highJudge;
  private static WebClient bureau1;
  private static WebClient bureau2;
  private static long caseId;
  private static long cycleId;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    officer = login("officer1");
    reviewer = login("reviewer1");
    execution = login("execution1");
    warden = login("warden1");
    prosecutor = login("prosecutor1");
    judge = login("judge1");
    highJudge = login("highjudge1");
    bureau1 = login("bureau1");
    bureau2 = login("bureau2");
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
    assertTrue(r.body().contains("message_zh") && r.body().contains("message_en"), r.body());
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

  /**
   * A closed cycle with a commendation (表扬) for the life inmate, as the ledger's monthly close and
   * its grading leave one: written here as the database owner, since the demo holds none.
   */
  private static long commendation() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO month_close (section_id, month, split, computed_by, computed_at)"
              + " VALUES ("
              + SECTION
              + ", '2025-12', '35/35/30', 'it', NOW(3))",
          Statement.RETURN_GENERATED_KEYS);
      long close;
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        close = k.getLong(1);
      }
      s.executeUpdate(
          "INSERT INTO assessment_cycle (inmate_id, number, closed_month, close_id, first_month)"
              + " SELECT id, 1, '2025-12', "
              + close
              + ", '2025-07' FROM inmate WHERE prisoner_number = '"
              + LIFE_INMATE
              + "'",
          Statement.RETURN_GENERATED_KEYS);
      long cycle;
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        cycle = k.getLong(1);
      }
      s.executeUpdate(
          "INSERT INTO cycle_decision (cycle_id, result, reason, decided_by, decided_at) VALUES ("
              + cycle
              + ", 'PRAISE', '考核满600分，集体评议给予表扬', 'reviewer1', NOW(3))");
      return cycle;
    }
  }

  @Test
  @Order(1)
  void aLifeCaseIsProposedForTheHighCourt() throws Exception {
    HttpResponse<String> run =
        officer.postJson("/api/v1/eligibility/runs", "{\"section\":" + SECTION + "}");
    assertEquals(201, run.statusCode(), run.body());
    Map<String, Object> row =
        list(officer.get("/api/v1/eligibility/runs/latest?all=true&section=" + SECTION)).stream()
            .filter(r -> LIFE_INMATE.equals(r.get("prisonerNumber")))
            .filter(r -> "REDUCTION".equals(r.get("kind")))
            .findFirst()
            .orElseThrow();
    assertEquals("ELIGIBLE", row.get("outcome"), String.valueOf(row));
    long result = (Long) row.get("id");
    cycleId = commendation();
    // 悔改 alone: a life term is commuted to 22 years (法释〔2016〕23号第八条), no other term
    refused(
        officer.postJson(
            "/api/v1/cases",
            "{\"eligibility\":" + result + ",\"months\":240,\"rationale\":\"认罪悔罪，遵守监规\"}"),
        400,
        "case.error.commuteRange");
    HttpResponse<String> proposed =
        officer.postJson(
            "/api/v1/cases",
            "{\"eligibility\":"
                + result
                + ",\"months\":264,\"rationale\":\"认罪悔罪，遵守监规，积极劳动\",\"cycles\":["
                + cycleId
                + "]}");
    assertEquals(201, proposed.statusCode(), proposed.body());
    caseId = (Long) object(proposed).get("id");
    // issue 16: the case keeps its limit with the article of the rule that computed it — the
    // commuted term by performance for life (第八条), which the ruling names if it is exceeded
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM case_limit_basis WHERE case_id = "
                + caseId
                + " AND limit_months = 264 AND article = '法释〔2016〕23号第八条'"));
    Map<String, Object> s = summary(execution);
    assertEquals("LIFE", s.get("track"));
    assertEquals("HIGH_JUDGE", s.get("courtRole"));
    assertEquals(Boolean.TRUE, s.get("courtMayExtend"));
  }

  @Test
  @Order(2)
  void thePrisonRechecksAnObjectionFromThePostingBeforeTheDirectorsMeeting() {
    signed(reviewer, "WARD_MEETING", null);
    signed(execution, "EXECUTION_REVIEW", null);
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      members.append(i > 1 ? "," : "").append("\"committee").append(i).append('"');
    }
    HttpResponse<String> meeting =
        execution.postJson(
            "/api/v1/committee/meetings",
            "{\"title\":\"无期徒刑减刑评审会\",\"members\":[" + members + "],\"cases\":[" + caseId + "]}");
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
    // an inmate of the section objects from the noticeboard (inmate7 is in section 11)
    HttpResponse<String> objection =
        login("inmate7")
            .postJson("/api/v1/cases/" + caseId + "/posting-objections", "{\"text\":\"请核实其劳动表现\"}");
    assertEquals(201, objection.statusCode(), objection.body());
    assertEquals("RECHECK", summary(execution).get("nextStep"));
    assertEquals(Boolean.TRUE, summary(execution).get("hearingRequired"));
    refused(step(execution, "RECHECK", null), 409, "case.error.postingOpen");
    advance(12);
    refused(step(warden, "DIRECTOR_MEETING", null), 409, "case.error.order");
    refused(step(warden, "RECHECK", null), 403, "case.error.stepRole");
    assertEquals(
        "UPHELD",
        signed(execution, "RECHECK", null).get("choice"),
        "the committee's result, told to the objector");
    signed(warden, "DIRECTOR_MEETING", null);
    signed(execution, "SUBMISSION", null);
    assertEquals("BUREAU_REVIEW", summary(execution).get("nextStep"));
    assertEquals("BUREAU", summary(execution).get("nextOwner"));
    assertNotNull(summary(execution).get("deadline"), "the bureau's own deadline");
  }

  @Test
  @Order(3)
  void theBureauReviewsAndAnotherOfItsPeopleApproves() throws Exception {
    // neither court reaches the case before the bureau approves
    assertEquals(404, judge.get("/api/v1/cases/" + caseId).statusCode());
    assertEquals(404, highJudge.get("/api/v1/cases/" + caseId).statusCode());
    assertEquals(404, step(highJudge, "COURT_RECEIPT", null).statusCode());
    assertTrue(
        list(bureau1.get("/api/v1/cases")).stream().anyMatch(c -> caseId == (Long) c.get("id")),
        "the bureau's list holds the submitted life case");
    refused(step(execution, "BUREAU_REVIEW", null), 403, "case.error.stepRole");
    refused(
        bureau1.postJson(
            "/api/v1/cases/" + caseId + "/steps", "{\"step\":\"BUREAU_REVIEW\",\"note\":\"\"}"),
        400,
        "case.error.bureauOpinion");
    signed(bureau1, "BUREAU_REVIEW", null);
    refused(
        step(bureau1, "BUREAU_DECISION", "\"choice\":\"APPROVED\""),
        403,
        "case.error.bureauSameSigner");
    refused(
        step(bureau2, "BUREAU_DECISION", "\"choice\":\"MAYBE\""), 400, "case.error.bureauChoice");
    assertEquals(
        "APPROVED", signed(bureau2, "BUREAU_DECISION", "\"choice\":\"APPROVED\"").get("choice"));
    assertEquals(
        2,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM case_event WHERE case_id = "
                + caseId
                + " AND step IN ('BUREAU_REVIEW','BUREAU_DECISION')"
                + " AND signed_by IN ('bureau1','bureau2') AND signed_role = 'BUREAU'"));
  }

  @Test
  @Order(4)
  void theHighCourtPostsExtendsHearsAndRules() throws Exception {
    // the intermediate court has no part in a life case (法释〔2014〕5号第一条第（二）项)
    assertEquals(404, judge.get("/api/v1/cases/" + caseId).statusCode());
    assertEquals(404, step(judge, "COURT_RECEIPT", null).statusCode());
    signed(highJudge, "COURT_RECEIPT", null);
    refused(
        highJudge.postJson(
            "/api/v1/cases/" + caseId + "/court-posting-objections", "{\"text\":\"异议\"}"),
        409,
        "case.error.courtPostingClosed");
    signed(highJudge, "COURT_POSTING", null);
    HttpResponse<String> courtObjection =
        highJudge.postJson(
            "/api/v1/cases/" + caseId + "/court-posting-objections",
            "{\"text\":\"被害人近亲属对减刑提出不同意见\"}");
    assertEquals(201, courtObjection.statusCode(), courtObjection.body());
    assertEquals("COURT_POSTING_OBJECTION", object(courtObjection).get("type"));
    String due = (String) summary(highJudge).get("rulingDue");
    refused(
        highJudge.postJson("/api/v1/cases/" + caseId + "/court-extension", "{\"reason\":\" \"}"),
        400,
        "case.error.reason");
    assertEquals(
        201,
        highJudge
            .postJson("/api/v1/cases/" + caseId + "/court-extension", "{\"reason\":\"案情复杂\"}")
            .statusCode());
    assertEquals(
        java.time.LocalDate.parse(due).minusMonths(1).plusMonths(2).toString(),
        summary(highJudge).get("rulingDue"),
        "one more month");
    assertEquals(Boolean.TRUE, summary(highJudge).get("courtExtended"));
    refused(
        highJudge.postJson("/api/v1/cases/" + caseId + "/court-extension", "{\"reason\":\"再延\"}"),
        409,
        "case.error.courtExtendedAlready");
    // the hearing is mandatory: the ruling waits for it
    assertEquals("HEARING", summary(highJudge).get("nextStep"));
    refused(
        step(highJudge, "RULING", "\"choice\":\"GRANTED\",\"months\":264"),
        409,
        "case.error.order");
    advance(6);
    signed(highJudge, "HEARING", "\"onDate\":\"" + today() + "\"");
    HttpResponse<String> agree =
        prosecutor.postJson(
            "/api/v1/cases/" + caseId + "/opinions", "{\"choice\":\"AGREE\",\"reasons\":\"无异议\"}");
    assertEquals(201, agree.statusCode(), agree.body());
    // a commuted term outside the law's range is refused, naming the article (第八条 for life)
    HttpResponse<String> outside =
        step(highJudge, "RULING", "\"choice\":\"GRANTED\",\"months\":200");
    refused(outside, 400, "case.error.commuteRange");
    // an ordinary life term: 第八条 (a strict category's would be 第九条, LimitArticleTest)
    assertTrue(outside.body().contains("法释〔2016〕23号第八条"), "names the article: " + outside.body());
    Map<String, Object> ruling =
        signed(highJudge, "RULING", "\"choice\":\"GRANTED\",\"months\":264");
    assertEquals("GRANTED", ruling.get("choice"));
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sc.kind, sc.to_months FROM sentence_change sc JOIN inmate i ON"
                    + " i.id = sc.inmate_id WHERE i.prisoner_number = '"
                    + LIFE_INMATE
                    + "' AND sc.case_id = "
                    + caseId)) {
      assertTrue(rs.next(), "the ruling wrote the commutation");
      assertEquals("COMMUTATION_TO_FIXED", rs.getString(1));
      assertEquals(264, rs.getInt(2));
    }
    signed(execution, "SERVICE", null);
    assertEquals("GRANTED", summary(highJudge).get("status"));
    // deliverable 7: the commendation the granted case cited is marked used, with the case's number
    String number = (String) summary(highJudge).get("number");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cited =
        (List<Map<String, Object>>) object(highJudge.get("/api/v1/cases/" + caseId)).get("cycles");
    assertEquals(number, cited.get(0).get("usedBy"));
    assertTrue(
        list(highJudge.get("/api/v1/ledger/inmates/" + LIFE_INMATE + "/cycles")).stream()
            .anyMatch(c -> cycleId == (Long) c.get("id") && number.equals(c.get("usedBy"))),
        "the ledger shows it used");
    assertEquals(
        "HIGH_JUDGE",
        RunningPlatform.count(
                    "SELECT COUNT(*) FROM case_event WHERE case_id = "
                        + caseId
                        + " AND step = 'RULING' AND signed_by = 'highjudge1'"
                        + " AND signed_role = 'HIGH_JUDGE'")
                == 1
            ? "HIGH_JUDGE"
            : "someone else",
        "the high court's judge signed the ruling");
  }
}
