package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a proposal before the general first wait, where the law makes an exception. Demo inmate
 * 82 (section 22) is under 18 while serving (第十九条): 60 months, 13 served, so the general first wait
 * of 18 months (法释〔2016〕23号第六条第一款) is not met, but the wait shortened by a third (第十九条) is. The
 * section proposes early, the article is named on the case, and the hearing becomes mandatory
 * (法释〔2014〕5号第六条第（二）项); a larger amount on top is refused (either, not both). Demo inmate 88
 * (elderly, 6 of 36 months) does not meet even the shortened wait (第二十条): refused, naming the
 * article. Parole is never proposed early.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class NonStandardWaitSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final long SECTION = 22;
  private static WebClient officer;
  private static WebClient execution;

  private static java.time.Instant movedClock;

  @org.junit.jupiter.api.AfterAll
  static void clockBack() {
    RunningPlatform.pin(movedClock);
  }

  @BeforeAll
  static void start() {
    // the waits are counted from the demo's sentence dates at the suite's pinned start; a class
    // before this one may have moved the clock on (ClockSystemIT): run at the start, then give it
    // back
    movedClock = RunningPlatform.time().instant();
    RunningPlatform.pin(java.time.OffsetDateTime.parse(RunningPlatform.TEST_CLOCK).toInstant());
    String base = RunningPlatform.ensureStarted();
    officer = new WebClient(base);
    assertEquals(200, officer.login("officer3", PASSWORD).statusCode());
    execution = new WebClient(base);
    assertEquals(200, execution.login("execution1", PASSWORD).statusCode());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parse(r.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(String prisonerNumber, String kind) {
    HttpResponse<String> r =
        officer.get("/api/v1/eligibility/runs/latest?all=true&section=" + SECTION);
    assertEquals(200, r.statusCode(), r.body());
    return ((List<Map<String, Object>>) CanonicalJson.parse(r.body()))
        .stream()
            .filter(x -> prisonerNumber.equals(x.get("prisonerNumber")))
            .filter(x -> kind.equals(x.get("kind")))
            .findFirst()
            .orElseThrow();
  }

  private static HttpResponse<String> propose(Map<String, Object> row, Integer months) {
    return officer.postJson(
        "/api/v1/cases",
        "{\"eligibility\":"
            + row.get("id")
            + (months == null ? "" : ",\"months\":" + months)
            + ",\"rationale\":\"犯罪时未成年，认罪悔罪，遵守监规，积极学习\",\"cycles\":["
            + RunningPlatform.commendation((String) row.get("prisonerNumber"))
            + "]}");
  }

  private static void refused(HttpResponse<String> r, int status, String key, String article) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"error\":\"" + key + "\""), r.body());
    assertTrue(r.body().contains(article), "names the article: " + r.body());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aJuvenileIsProposedEarlyOnTheArticleAndMustBeHeard() throws Exception {
    HttpResponse<String> run =
        officer.postJson("/api/v1/eligibility/runs", "{\"section\":" + SECTION + "}");
    assertEquals(201, run.statusCode(), run.body());
    Map<String, Object> juvenile = result("3301000082", "REDUCTION");
    assertTrue(
        List.of("NOT_YET", "NEAR_MISS").contains(juvenile.get("outcome")),
        "not yet by the general wait: " + juvenile);
    assertTrue(String.valueOf(juvenile.get("reasonArgs")).contains("第十九条"), juvenile.toString());
    // either a larger amount or a shorter wait, never both (第十九条)
    refused(propose(juvenile, 12), 400, "case.error.aboveLawful", "第六条第二款");
    HttpResponse<String> proposed = propose(juvenile, 9);
    assertEquals(201, proposed.statusCode(), proposed.body());
    long id = (Long) object(proposed).get("id");
    Map<String, Object> file = object(execution.get("/api/v1/cases/" + id));
    Map<String, Object> summary = (Map<String, Object>) file.get("summary");
    assertEquals(Boolean.TRUE, summary.get("hearingRequired"), "法释〔2014〕5号第六条第（二）项");
    assertEquals(List.of("WAIT", "法释〔2016〕23号第十九条"), file.get("nonStandard"));
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM case_non_standard WHERE case_id = "
                + id
                + " AND ground = 'WAIT'"));

    // parole is not proposed before its time
    Map<String, Object> parole = result("3301000082", "PAROLE");
    if (!"ELIGIBLE".equals(parole.get("outcome"))) {
      HttpResponse<String> r = propose(parole, null);
      assertEquals(409, r.statusCode(), r.body());
      assertTrue(r.body().contains("case.error.notEligible"), r.body());
    }
  }

  @Test
  void anElderlyInmateBeforeEvenTheShortenedWaitIsRefusedNamingTheArticle() {
    HttpResponse<String> run =
        officer.postJson("/api/v1/eligibility/runs", "{\"section\":" + SECTION + "}");
    assertEquals(201, run.statusCode(), run.body());
    Map<String, Object> elderly = result("3301000088", "REDUCTION");
    assertEquals("NOT_YET", elderly.get("outcome"), elderly.toString());
    refused(propose(elderly, 6), 409, "case.error.notLawful", "第六条");
  }
}
