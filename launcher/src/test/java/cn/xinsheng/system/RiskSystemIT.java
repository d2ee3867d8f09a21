package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.readiness.domain.LabelledCase;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.SyntheticCohort;
import cn.xinsheng.readiness.domain.ValidationReport;
import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, deliverable 4: a risk assessment through the REST API on the real stack — the platform
 * supplies what it holds, the officer the rest; an override is refused without a reason, without a
 * second officer, or when the second officer is the first; it stands only once the named officer
 * countersigns, and both steps are in the audit log. Outcomes imported as CSV give the same AUC as
 * the report computed here from the same cases; a bad line is refused by its number. Roles outside
 * the matrix are refused.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class RiskSystemIT {

  private static final String API = "/api/v1/readiness/risk";

  private static WebClient login(String base, String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  /** An inmate of officer1's section 11 nobody has assessed yet. */
  private static String unassessedInmate() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i.prisoner_number FROM inmate i WHERE i.section_id = 11"
                    + " AND NOT EXISTS (SELECT 1 FROM risk_assessment a WHERE a.inmate_id = i.id)"
                    + " ORDER BY i.id DESC LIMIT 1")) {
      assertTrue(rs.next(), "an unassessed inmate in section 11");
      return rs.getString(1);
    }
  }

  private static long audited(String number, String action) throws Exception {
    return RunningPlatform.count(
        "SELECT COUNT(*) FROM audit_entry WHERE subject = 'inmate/"
            + number
            + "' AND CONVERT(leaf_data USING utf8mb4) LIKE '%"
            + action
            + "%'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parseLenient(r.body());
  }

  @SuppressWarnings("unchecked")
  @Test
  void anOfficerAssessesAndAnOverrideStandsOnlyWithAReasonAndAnotherOfficersSignature()
      throws Exception {
    String base = RunningPlatform.ensureStarted();
    String number = unassessedInmate();
    WebClient officer = login(base, "officer1");

    HttpResponse<String> form = officer.get(API + "/inmates/" + number + "/form");
    assertEquals(200, form.statusCode(), form.body());
    List<Map<String, Object>> factors = (List<Map<String, Object>>) object(form).get("factors");
    assertEquals(26, factors.size());
    Map<String, String> officerValues = new LinkedHashMap<>();
    String platformFactor = null;
    for (Map<String, Object> f : factors) {
      if (f.get("platformValue") == null) {
        List<Map<String, Object>> options = (List<Map<String, Object>>) f.get("options");
        // the last value of each factor: never the reference, so every entered factor counts
        officerValues.put(
            (String) f.get("code"), (String) options.get(options.size() - 1).get("code"));
      } else {
        platformFactor = (String) f.get("code");
      }
    }
    // the platform supplies at least offence, sentence, study and simulations
    assertNotNull(platformFactor);
    assertTrue(officerValues.size() <= 26 - 4, officerValues.toString());
    assertFalse(officerValues.containsKey("OFFENCE_TYPE"));
    assertFalse(officerValues.containsKey("RELEASE_SIMULATIONS"));

    // a factor left out is refused naming it, and nothing is stored
    Map<String, String> missing = new LinkedHashMap<>(officerValues);
    String left = missing.keySet().iterator().next();
    missing.remove(left);
    HttpResponse<String> refused =
        officer.postJson(API + "/inmates/" + number + "/assessments", values(missing));
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("缺少风险因素"), refused.body());
    assertFalse(
        refused.body().contains("\"" + left), "the factor named in words: " + refused.body());
    // a platform value typed by hand is refused: the officer overrides the level instead
    Map<String, String> typed = new LinkedHashMap<>(officerValues);
    typed.put("OFFENCE_TYPE", "OTHER");
    HttpResponse<String> handTyped =
        officer.postJson(API + "/inmates/" + number + "/assessments", values(typed));
    assertEquals(400, handTyped.statusCode(), handTyped.body());
    assertEquals(
        0,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM risk_assessment a JOIN inmate i ON i.id = a.inmate_id"
                + " WHERE i.prisoner_number = '"
                + number
                + "'"));

    HttpResponse<String> assessed =
        officer.postJson(API + "/inmates/" + number + "/assessments", values(officerValues));
    assertEquals(201, assessed.statusCode(), assessed.body());
    Map<String, Object> a = object(assessed);
    long id = ((Number) a.get("id")).longValue();
    List<Map<String, Object>> contributions = (List<Map<String, Object>>) a.get("contributions");
    assertEquals(26, contributions.size(), "every factor's contribution");
    assertEquals(false, a.get("calibrated"), "the default instrument says it is not calibrated");
    String scored = (String) ((Map<String, Object>) a.get("level")).get("code");
    assertEquals(scored, ((Map<String, Object>) a.get("effectiveLevel")).get("code"));
    assertEquals(1, audited(number, "readiness.risk.assessed"));
    String decided = scored.equals("LOW") ? "MEDIUM" : "LOW";

    String overrides = API + "/assessments/" + id + "/overrides";
    // no reason
    HttpResponse<String> noReason =
        officer.postJson(
            overrides,
            "{\"decided\":\"" + decided + "\",\"reason\":\"\",\"secondOfficer\":\"reviewer1\"}");
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertTrue(noReason.body().contains("理由"), noReason.body());
    assertTrue(noReason.body().contains("reason"), noReason.body());
    // no second officer
    String reason = "出狱后由其兄长接回同住，已落实就业岗位，家庭支持明显强于评分所示";
    HttpResponse<String> noSecond =
        officer.postJson(
            overrides, "{\"decided\":\"" + decided + "\",\"reason\":\"" + reason + "\"}");
    assertEquals(400, noSecond.statusCode(), noSecond.body());
    assertTrue(noSecond.body().contains("second officer"), noSecond.body());
    // the same officer named as second
    HttpResponse<String> self =
        officer.postJson(
            overrides,
            "{\"decided\":\""
                + decided
                + "\",\"reason\":\""
                + reason
                + "\",\"secondOfficer\":\"officer1\"}");
    assertEquals(400, self.statusCode(), self.body());
    assertTrue(self.body().contains("另一名民警"), self.body());
    // someone who is not an officer
    HttpResponse<String> teacher =
        officer.postJson(
            overrides,
            "{\"decided\":\""
                + decided
                + "\",\"reason\":\""
                + reason
                + "\",\"secondOfficer\":\"teacher1\"}");
    assertEquals(400, teacher.statusCode(), teacher.body());
    assertEquals(0, audited(number, "readiness.risk.overrideRequested"));

    HttpResponse<String> requested =
        officer.postJson(
            overrides,
            "{\"decided\":\""
                + decided
                + "\",\"reason\":\""
                + reason
                + "\",\"secondOfficer\":\"reviewer1\"}");
    assertEquals(201, requested.statusCode(), requested.body());
    long overrideId = ((Number) object(requested).get("id")).longValue();
    assertEquals(1, audited(number, "readiness.risk.overrideRequested"));
    // requested, not signed: the level is still the score's
    Map<String, Object> pending = object(officer.get(API + "/assessments/" + id));
    assertEquals(scored, ((Map<String, Object>) pending.get("effectiveLevel")).get("code"));
    assertEquals(false, pending.get("overridden"));

    // the officer who asked cannot sign; another officer who was not named cannot either
    HttpResponse<String> selfSign =
        officer.postJson(API + "/overrides/" + overrideId + "/signature", "{}");
    assertEquals(403, selfSign.statusCode(), selfSign.body());
    assertTrue(selfSign.body().contains("不能本人复核"), selfSign.body());
    WebClient reviewer2 = login(base, "reviewer2");
    HttpResponse<String> notNamed =
        reviewer2.postJson(API + "/overrides/" + overrideId + "/signature", "{}");
    assertTrue(
        notNamed.statusCode() == 403 || notNamed.statusCode() == 404,
        notNamed.statusCode() + " " + notNamed.body());

    WebClient reviewer = login(base, "reviewer1");
    HttpResponse<String> waiting = reviewer.get(API + "/overrides/awaiting");
    assertEquals(200, waiting.statusCode(), waiting.body());
    assertTrue(waiting.body().contains("\"id\":" + overrideId), waiting.body());
    HttpResponse<String> signed =
        reviewer.postJson(API + "/overrides/" + overrideId + "/signature", "{}");
    assertEquals(200, signed.statusCode(), signed.body());
    assertEquals("reviewer1", object(signed).get("signedBy"));
    assertEquals(1, audited(number, "readiness.risk.overrideSigned"));
    HttpResponse<String> twice =
        reviewer.postJson(API + "/overrides/" + overrideId + "/signature", "{}");
    assertEquals(409, twice.statusCode(), twice.body());

    Map<String, Object> after = object(reviewer.get(API + "/assessments/" + id));
    assertEquals(decided, ((Map<String, Object>) after.get("effectiveLevel")).get("code"));
    assertEquals(scored, ((Map<String, Object>) after.get("level")).get("code"), "the score stays");
    assertEquals(true, after.get("overridden"));

    // the warden reads, and may not assess; an inmate and a teacher reach nothing
    WebClient warden = login(base, "warden1");
    assertEquals(200, warden.get(API + "/inmates/" + number + "/assessments").statusCode());
    assertEquals(
        403,
        warden
            .postJson(API + "/inmates/" + number + "/assessments", values(officerValues))
            .statusCode());
    WebClient inmate = login(base, "inmate1");
    assertEquals(403, inmate.get(API + "/model").statusCode());
    assertEquals(403, inmate.get(API + "/assessments/" + id).statusCode());
    WebClient teacher1 = login(base, "teacher1");
    assertEquals(
        403, teacher1.postJson(API + "/overrides/" + overrideId + "/signature", "{}").statusCode());
    // officer2 serves in other sections: the inmate is as if he did not exist
    WebClient officer2 = login(base, "officer2");
    assertEquals(404, officer2.get(API + "/assessments/" + id).statusCode());
  }

  @Test
  void importedOutcomesGiveTheAucComputedFromTheSameCasesAndABadLineIsNamed() throws Exception {
    String base = RunningPlatform.ensureStarted();
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    List<LabelledCase> cases =
        SyntheticCohort.generate(instrument, new SyntheticCohort.Parameters(42L, 600, -3.9, 0.8));
    StringBuilder csv = new StringBuilder();
    for (RiskFactor f : instrument.factors()) {
      csv.append(f.code()).append(',');
    }
    csv.append("reoffended\n");
    for (LabelledCase c : cases) {
      for (RiskFactor f : instrument.factors()) {
        csv.append(c.values().of(f.code())).append(',');
      }
      csv.append(c.reoffended() ? "1" : "0").append('\n');
    }
    double expected = ValidationReport.of(instrument, cases).auc();

    WebClient reviewer = login(base, "reviewer1");
    String[] lines = csv.toString().split("\n");
    // line 3 of the file: an outcome that is neither 0 nor 1
    lines[2] = lines[2].substring(0, lines[2].lastIndexOf(',')) + ",2";
    String bad = String.join("\n", lines) + "\n";
    long before = RunningPlatform.count("SELECT COUNT(*) FROM risk_validation");
    HttpResponse<String> refused = reviewer.postText(API + "/validations?name=bad.csv", bad);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("line 3"), refused.body());
    assertEquals(before, RunningPlatform.count("SELECT COUNT(*) FROM risk_validation"));

    HttpResponse<String> imported =
        reviewer.postText(API + "/validations?name=releases-2020-2023.csv", csv.toString());
    assertEquals(201, imported.statusCode(), imported.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) CanonicalJson.parseLenient(imported.body());
    assertEquals(600L, ((Number) v.get("cases")).longValue());
    assertEquals(expected, ((Number) v.get("auc")).doubleValue(), 1e-12);
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'risk/validation' AND"
                + " CONVERT(leaf_data USING utf8mb4) LIKE '%"
                + v.get("sha256")
                + "%'"));

    // the demo's synthetic report: the same seed, the same figures, every time
    WebClient officer = login(base, "officer1");
    String first = officer.get(API + "/validations/synthetic").body();
    String second = officer.get(API + "/validations/synthetic").body();
    assertEquals(first, second);
    assertTrue(first.contains("\"seed\":20261202"), first);
    // an officer reads reports but does not import them
    assertEquals(403, officer.postText(API + "/validations", csv.toString()).statusCode());
  }

  private static String values(Map<String, String> values) {
    StringBuilder b = new StringBuilder("{\"values\":{");
    String sep = "";
    for (Map.Entry<String, String> e : values.entrySet()) {
      b.append(sep).append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
      sep = ",";
    }
    return b.append("}}").toString();
  }
}
