package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The monthly eligibility run under rule table 2016-23/v2 (issue 16) over the demo's long-sentence
 * prison: life, 死缓 (limited, 终身监禁), strict, recidivist and violent inmates with earlier reductions
 * each get the law's answer with its articles in both languages.
 */
class EligibilityWorkflowSystemIT {

  @SuppressWarnings("unchecked")
  @Test
  void theRunGivesEveryKindOfInmateTheLawsAnswerWithItsArticles() {
    String base = RunningPlatform.ensureStarted();
    WebClient execution = new WebClient(base);
    assertEquals(200, execution.login("execution1", "demo123!").statusCode());
    HttpResponse<String> run = execution.postJson("/api/v1/eligibility/runs", "{}");
    assertEquals(201, run.statusCode(), run.body());
    assertEquals(
        "2016-23/v2", ((Map<String, Object>) CanonicalJson.parse(run.body())).get("ruleVersion"));
    HttpResponse<String> latest = execution.get("/api/v1/eligibility/runs/latest?all=true");
    assertEquals(200, latest.statusCode(), latest.body());
    List<Map<String, Object>> rows = (List<Map<String, Object>>) CanonicalJson.parse(latest.body());
    Map<String, Map<String, Object>> by =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> r.get("prisonerNumber") + "/" + r.get("kind"), r -> r, (a, b) -> a));

    // 终身监禁: never reduced, never paroled
    Map<String, Object> lifeWithout = by.get("3301000040/REDUCTION");
    assertEquals("BLOCKED", lifeWithout.get("outcome"));
    assertTrue(args(lifeWithout).get(0).contains("法释〔2016〕23号第十五条"), args(lifeWithout).toString());
    assertEquals("BLOCKED", by.get("3301000040/PAROLE").get("outcome"));
    // robbery, 12 years: at most a year (第七条第二款), never paroled (刑法第八十一条第二款)
    Map<String, Object> robbery = by.get("3301000039/REDUCTION");
    assertEquals("ELIGIBLE", robbery.get("outcome"), args(robbery).toString());
    assertTrue((Long) robbery.get("maxMonths") <= 12);
    assertTrue(args(robbery).get(0).contains("第七条第二款"));
    Map<String, Object> robberyParole = by.get("3301000039/PAROLE");
    assertEquals("BLOCKED", robberyParole.get("outcome"));
    assertNull(robberyParole.get("eligibleOn"));
    assertTrue(args(robberyParole).get(0).contains("刑法第八十一条第二款"));
    assertTrue(args(robberyParole).get(1).contains("never paroled"));
    // recidivist: parole barred
    assertTrue(args(by.get("3301000037/PAROLE")).get(0).contains("累犯不得假释"));
    // 死缓 limited: 5 years as life (第十三条)
    assertTrue(args(by.get("3301000045/REDUCTION")).get(0).contains("第十三条"));
    // an earlier reduction of 24 months: the interval is at least 24 months (第六条第三款)
    Map<String, Object> previous = by.get("3301000046/REDUCTION");
    assertEquals("NOT_YET", previous.get("outcome"), args(previous).toString());
    assertTrue(args(previous).get(1).contains("previous reduction of 24 months"));
    // unpaid though able: strict, and no parole (第二十七条)
    assertTrue(args(by.get("3301000043/PAROLE")).get(0).contains("第二十七条"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> args(Map<String, Object> row) {
    return (List<String>) row.get("reasonArgs");
  }
}
