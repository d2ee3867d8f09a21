package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eligibility calculator (issue 16) on a running platform and offline: the same facts give the
 * same answer from {@code POST /api/v1/eligibility/evaluate} and from {@code bin/xinsheng
 * eligibility evaluate FILE.json}; missing or contradictory facts are refused naming the field;
 * only the department, reviewers, prosecutors, judges and lawyers may call it; nothing is written.
 */
class EligibilityCalculatorSystemIT {

  private static final String PASSWORD = "demo123!";
  private static String base;

  @TempDir Path dir;

  /** A 死缓 commuted to life and then to 25 years, twice reduced: a chain of the long prison. */
  static final String DR_CHAIN =
      """
      {"asOf": "2023-06-01",
       "sentence": {"kind": "DEATH_REPRIEVE", "start": "2012-05-10"},
       "offences": ["OTHER"], "recidivist": false, "propertyPenalty": "PAID",
       "performance": "REPENTANCE_AND_MAJOR_MERIT",
       "changes": [{"kind": "COMMUTATION_TO_LIFE", "on": "2014-05-10"},
                   {"kind": "COMMUTATION_TO_FIXED", "on": "2017-06-01", "toMonths": 300},
                   {"kind": "REDUCTION", "on": "2019-06-01", "months": 9},
                   {"kind": "REDUCTION", "on": "2021-06-01", "months": 12}]}
      """;

  /** Robbery, 12 years: strict for reduction, never paroled. */
  static final String ROBBERY =
      """
      {"asOf": "2022-03-15",
       "sentence": {"kind": "FIXED", "months": 144, "start": "2020-03-15", "detentionDays": 120},
       "offences": ["ROBBERY"], "performance": "REPENTANCE_AND_MAJOR_MERIT"}
      """;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String json) {
    return (Map<String, Object>) CanonicalJson.parseLenient(json);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private Map<String, Object> offline(String facts, int exit) throws Exception {
    Path file = dir.resolve("facts-" + facts.hashCode() + ".json");
    Files.writeString(file, facts);
    LauncherProcess.Result r = LauncherProcess.run("eligibility", "evaluate", file.toString());
    assertEquals(exit, r.code(), r.output());
    return map(r.output().strip());
  }

  @Test
  void theApiAndTheOfflineCommandGiveTheSameLawfulAnswer() throws Exception {
    long runs = RunningPlatform.count("SELECT COUNT(*) FROM eligibility_run");
    long changes = RunningPlatform.count("SELECT COUNT(*) FROM sentence_change");
    long cases = RunningPlatform.count("SELECT COUNT(*) FROM reduction_case");
    WebClient judge = login("judge1");

    HttpResponse<String> r = judge.postJson("/api/v1/eligibility/evaluate", DR_CHAIN);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> online = map(r.body());
    assertEquals(online, offline(DR_CHAIN, 0), "the API and the command answer alike");
    assertEquals("2016-23/v2", online.get("rules"));
    Map<String, Object> red = part(online, "reduction");
    // 法释〔2016〕23号第十条第二款: 2 years after the last; 第六条第二款: 悔改 and 重大立功, 2 years
    assertEquals(true, red.get("eligible"));
    assertEquals("2023-06-01", red.get("eligibleFrom"));
    assertEquals(24L, red.get("maxMonths"));
    Map<String, Object> parole = part(online, "parole");
    // 第二十三条: 15 years after the reprieve ended; null values are written, not left out
    assertEquals("2029-05-10", parole.get("eligibleFrom"));
    assertEquals(false, parole.get("barred"));
    assertTrue(red.containsKey("commuteToMinMonths") && red.get("commuteToMinMonths") == null);

    HttpResponse<String> robbery = judge.postJson("/api/v1/eligibility/evaluate", ROBBERY);
    assertEquals(200, robbery.statusCode(), robbery.body());
    Map<String, Object> rob = map(robbery.body());
    assertEquals(rob, offline(ROBBERY, 0));
    assertEquals(12L, part(rob, "reduction").get("maxMonths"), "第七条第二款: at most a year");
    assertEquals(true, part(rob, "parole").get("barred"));
    assertNull(part(rob, "parole").get("eligibleFrom"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reasons =
        (List<Map<String, Object>>) part(rob, "parole").get("reasons");
    assertTrue(
        reasons.stream()
            .anyMatch(
                x ->
                    "PAROLE_BAN_VIOLENT".equals(x.get("key"))
                        && String.valueOf(x.get("article")).contains("刑法第八十一条第二款")
                        && String.valueOf(x.get("zh")).contains("抢劫")
                        && String.valueOf(x.get("en")).contains("robbery")),
        reasons.toString());

    // a 死缓 whose reprieve just ended, with major merit: the commutation 刑法第五十条 orders
    String reprieve =
        "{\"asOf\":\"2014-05-10\",\"sentence\":{\"kind\":\"DEATH_REPRIEVE\","
            + "\"start\":\"2012-05-10\"},\"offences\":[\"OTHER\"],\"performance\":\"MAJOR_MERIT\"}";
    HttpResponse<String> dr = judge.postJson("/api/v1/eligibility/evaluate", reprieve);
    assertEquals(200, dr.statusCode(), dr.body());
    Map<String, Object> ended = map(dr.body());
    assertEquals(ended, offline(reprieve, 0), "the API and the command answer alike");
    assertEquals("REPRIEVE_END", part(ended, "reduction").get("commutation"));
    assertEquals(true, part(ended, "reduction").get("eligible"));
    assertEquals("2014-05-10", part(ended, "reduction").get("eligibleFrom"));
    assertEquals(300L, part(ended, "reduction").get("commuteToMaxMonths"), "25 years");
    assertTrue(dr.body().contains("刑法第五十条第一款"), dr.body());

    // 数罪并罚 life is strict (第九条): 3 years, not 2, before the first commutation; and a minor
    // while serving (第十九条) is offered the leniency, a minor at the crime only parole's
    String combined =
        "{\"asOf\":\"2017-07-01\",\"sentence\":{\"kind\":\"LIFE\",\"start\":\"2015-07-01\","
            + "\"combinedSentence\":true},\"offences\":[\"OTHER\"],\"performance\":\"REPENTANCE\"}";
    HttpResponse<String> life = judge.postJson("/api/v1/eligibility/evaluate", combined);
    assertEquals(200, life.statusCode(), life.body());
    Map<String, Object> strict = map(life.body());
    assertEquals(strict, offline(combined, 0), "the API and the command answer alike");
    assertEquals(false, part(strict, "reduction").get("eligible"));
    assertEquals("2018-07-01", part(strict, "reduction").get("eligibleFrom"));
    assertTrue(life.body().contains("COMBINED_LIFE_STRICT"), life.body());
    String minor =
        "{\"asOf\":\"2021-09-15\",\"sentence\":{\"kind\":\"FIXED\",\"months\":96,"
            + "\"start\":\"2020-03-15\"},\"offences\":[\"OTHER\"],\"performance\":\"REPENTANCE\","
            + "\"minorWhileServing\":true}";
    HttpResponse<String> young = judge.postJson("/api/v1/eligibility/evaluate", minor);
    assertEquals(200, young.statusCode(), young.body());
    assertEquals(map(young.body()), offline(minor, 0));
    assertEquals(12L, part(map(young.body()), "reduction").get("lenientMaxMonths"), "9 + a third");
    HttpResponse<String> atCrime =
        judge.postJson(
            "/api/v1/eligibility/evaluate", minor.replace("minorWhileServing", "juvenile"));
    assertEquals(200, atCrime.statusCode(), atCrime.body());
    assertNull(part(map(atCrime.body()), "reduction").get("lenientMaxMonths"), atCrime.body());
    // a robbery given 3 years inside a combined 12-year term: no parole ban (刑法第八十一条第二款
    // asks for the robbery's own ten years)
    String ownTerm =
        "{\"asOf\":\"2026-03-15\",\"sentence\":{\"kind\":\"FIXED\",\"months\":144,"
            + "\"start\":\"2020-03-15\",\"violentTermMonths\":36},"
            + "\"offences\":[\"ROBBERY\",\"OTHER\"],\"performance\":\"REPENTANCE\"}";
    HttpResponse<String> own = judge.postJson("/api/v1/eligibility/evaluate", ownTerm);
    assertEquals(200, own.statusCode(), own.body());
    assertEquals(map(own.body()), offline(ownTerm, 0));
    assertEquals(false, part(map(own.body()), "parole").get("barred"), own.body());
    assertEquals("2026-03-15", part(map(own.body()), "parole").get("eligibleFrom"));
    assertTrue(own.body().contains("VIOLENT_OWN_TERM_BELOW"), own.body());
    // 第七条第二款: two crimes of ten years or more each, any offences: capped at one year
    String twoCrimes =
        "{\"asOf\":\"2022-03-15\",\"sentence\":{\"kind\":\"FIXED\",\"months\":180,"
            + "\"start\":\"2020-03-15\",\"twoCrimesOfTenYears\":true},"
            + "\"offences\":[\"OTHER\"],\"performance\":\"REPENTANCE_AND_MAJOR_MERIT\"}";
    HttpResponse<String> two = judge.postJson("/api/v1/eligibility/evaluate", twoCrimes);
    assertEquals(200, two.statusCode(), two.body());
    assertEquals(map(two.body()), offline(twoCrimes, 0));
    assertEquals(12L, part(map(two.body()), "reduction").get("maxMonths"), two.body());
    assertTrue(two.body().contains("STRICT_TWO_CRIMES"), two.body());
    assertEquals(false, part(map(two.body()), "parole").get("barred"), two.body());

    assertEquals(runs, RunningPlatform.count("SELECT COUNT(*) FROM eligibility_run"));
    assertEquals(changes, RunningPlatform.count("SELECT COUNT(*) FROM sentence_change"));
    assertEquals(cases, RunningPlatform.count("SELECT COUNT(*) FROM reduction_case"));
  }

  @Test
  void missingOrContradictoryFactsAreRefusedNamingTheField() throws Exception {
    WebClient lawyer = login("lawyer1");
    for (String[] bad :
        new String[][] {
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"start\":\"2020-01-01\",\"months\":12},"
                + "\"offences\":[\"OTHER\"],\"performance\":\"MERIT\"}",
            "sentence.kind"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"LIFE\",\"months\":120,"
                + "\"start\":\"2020-01-01\"},\"offences\":[\"OTHER\"],\"performance\":\"MERIT\"}",
            "sentence.months"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\"},\"offences\":[\"THEFT\"],\"performance\":\"MERIT\"}",
            "offences[0]"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"LIFE\",\"start\":\"2020-01-01\"},"
                + "\"offences\":[\"OTHER\"],\"performance\":\"MERIT\","
                + "\"changes\":[{\"kind\":\"REDUCTION\",\"on\":\"2022-01-01\",\"months\":9}]}",
            "changes[0].kind"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\",\"limitedReduction\":true},\"offences\":[\"OTHER\"],"
                + "\"performance\":\"MERIT\"}",
            "sentence.limitedReduction"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":96,"
                + "\"start\":\"2020-01-01\",\"twoCrimesOfTenYears\":true},"
                + "\"offences\":[\"OTHER\"],\"performance\":\"MERIT\"}",
            "sentence.twoCrimesOfTenYears"
          },
          {
            "{\"sentence\":{\"kind\":\"FIXED\",\"months\":120,\"start\":\"2020-01-01\"},"
                + "\"offences\":[\"OTHER\"],\"performance\":\"MERIT\"}",
            "asOf"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\"},\"offences\":[\"OTHER\"]}",
            "performance"
          },
          // contradictory: a change after the day evaluated; 终身监禁 for a crime other than
          // corruption (刑法第三百八十三条第四款); the day evaluated before the sentence began
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\"},\"offences\":[\"OTHER\"],\"performance\":\"MERIT\","
                + "\"changes\":[{\"kind\":\"REDUCTION\",\"on\":\"2024-01-01\",\"months\":9}]}",
            "changes[0].on"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"DEATH_REPRIEVE\","
                + "\"start\":\"2020-01-01\",\"noReductionOrParole\":true},"
                + "\"offences\":[\"ROBBERY\"],\"performance\":\"MERIT\"}",
            "sentence.noReductionOrParole"
          },
          {
            "{\"asOf\":\"2019-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\"},\"offences\":[\"OTHER\"],\"performance\":\"MERIT\"}",
            "asOf"
          },
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\"},\"offences\":[\"OTHER\"],\"performance\":\"MERIT\","
                + "\"changes\":[{\"kind\":\"REDUCTION\",\"on\":\"2022-01-01\"}]}",
            "changes[0].months"
          },
          // 数罪并罚 is a fact of life and 死缓 only (第九条, 第十一条)
          {
            "{\"asOf\":\"2023-01-01\",\"sentence\":{\"kind\":\"FIXED\",\"months\":120,"
                + "\"start\":\"2020-01-01\",\"combinedSentence\":true},\"offences\":[\"OTHER\"],"
                + "\"performance\":\"MERIT\"}",
            "sentence.combinedSentence"
          }
        }) {
      HttpResponse<String> r = lawyer.postJson("/api/v1/eligibility/evaluate", bad[0]);
      assertEquals(400, r.statusCode(), r.body());
      Map<String, Object> online = map(r.body());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> fields = (List<Map<String, Object>>) online.get("fields");
      assertEquals(bad[1], fields.get(0).get("field"), r.body());
      assertTrue(String.valueOf(online.get("message_zh")).contains(bad[1]), r.body());
      assertTrue(String.valueOf(online.get("message_en")).contains(bad[1]), r.body());
      assertEquals(online, offline(bad[0], 1), "the command refuses alike");
    }
  }

  @Test
  void onlyTheLawsReadersMayAsk() {
    for (String user : List.of("execution1", "reviewer1", "prosecutor1")) {
      assertEquals(
          200, login(user).postJson("/api/v1/eligibility/evaluate", ROBBERY).statusCode(), user);
    }
    for (String user : List.of("officer1", "inmate1", "supervisor1", "sysadmin1")) {
      assertEquals(
          403, login(user).postJson("/api/v1/eligibility/evaluate", ROBBERY).statusCode(), user);
    }
    assertEquals(
        401,
        new WebClient(base).postJson("/api/v1/eligibility/evaluate", ROBBERY).statusCode(),
        "anonymous");
  }
}
