package cn.xinsheng.launcher;

import cn.xinsheng.audit.CanonicalJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Issue 20's demo risk assessments, made the way officers make them: through the platform's own
 * API, so every one is scored by the service and in the audit log. officer1 assesses the four
 * inmates of his sections nearest to release, with different profiles of the factors he enters (the
 * platform supplies the rest); on the second he requests an override with a reason naming
 * reviewer1, who countersigns it. Run after every start-dev; it does nothing once they exist.
 */
final class RiskDemo {

  private static final String PASSWORD = DemoData.PASSWORD;
  private static final String API = "/api/v1/readiness/risk";
  static final int PEOPLE = 4;

  private RiskDemo() {}

  /** Assesses what is not assessed yet; returns a line for the console. */
  @SuppressWarnings("unchecked")
  static String ensure(String baseUrl) throws IOException, InterruptedException {
    DemoSession officer = DemoSession.login(baseUrl, "officer1");
    List<Map<String, Object>> inmates =
        new ArrayList<>(
            (List<Map<String, Object>>)
                CanonicalJson.parseLenient(officer.get("/api/v1/inmates").body()));
    inmates.removeIf(i -> i.get("currentSentenceEnd") == null);
    inmates.sort(
        Comparator.comparing((Map<String, Object> i) -> (String) i.get("currentSentenceEnd"))
            .thenComparing(i -> (String) i.get("prisonerNumber")));
    int made = 0;
    for (int n = 0; n < Math.min(PEOPLE, inmates.size()); n++) {
      String number = (String) inmates.get(n).get("prisonerNumber");
      HttpResponse<String> history = officer.get(API + "/inmates/" + number + "/assessments");
      if (history.statusCode() != 200) {
        throw new IOException(
            "demo risk assessments: " + history.statusCode() + " " + history.body());
      }
      if (!history.body().strip().equals("[]")) {
        continue;
      }
      Map<String, Object> form =
          (Map<String, Object>)
              CanonicalJson.parseLenient(officer.get(API + "/inmates/" + number + "/form").body());
      StringBuilder values = new StringBuilder("{\"values\":{");
      int f = 0;
      for (Map<String, Object> factor : (List<Map<String, Object>>) form.get("factors")) {
        if (factor.get("platformValue") != null) {
          continue;
        }
        values
            .append(f == 0 ? "" : ",")
            .append('"')
            .append(factor.get("code"))
            .append("\":\"")
            .append(pick((List<Map<String, Object>>) factor.get("options"), n, f))
            .append('"');
        f++;
      }
      values.append("}}");
      HttpResponse<String> assessed =
          officer.post(API + "/inmates/" + number + "/assessments", values.toString());
      if (assessed.statusCode() != 201) {
        throw new IOException("demo risk assessment " + number + ": " + assessed.body());
      }
      made++;
      if (n == 1) {
        override(
            baseUrl, officer, (Map<String, Object>) CanonicalJson.parseLenient(assessed.body()));
      }
    }
    return "演示风险评估 / demo risk assessments: "
        + made
        + " 人新评估 / newly assessed (officer1, one override countersigned by reviewer1)";
  }

  /**
   * The demo's profiles for the officer's factors: the first person is assessed on the values that
   * lower the risk most, the third on those that raise it most, the others on a mix.
   */
  static String pick(List<Map<String, Object>> options, int person, int factor) {
    Map<String, Object> low = options.get(0);
    Map<String, Object> high = options.get(0);
    for (Map<String, Object> o : options) {
      double w = ((Number) o.get("weight")).doubleValue();
      if (w < ((Number) low.get("weight")).doubleValue()) {
        low = o;
      }
      if (w > ((Number) high.get("weight")).doubleValue()) {
        high = o;
      }
    }
    boolean raise =
        switch (person) {
          case 0 -> false;
          case 2 -> true;
          case 1 -> factor % 2 == 0;
          default -> factor % 3 == 0;
        };
    return (String) (raise ? high : low).get("code");
  }

  @SuppressWarnings("unchecked")
  private static void override(String baseUrl, DemoSession officer, Map<String, Object> assessment)
      throws IOException, InterruptedException {
    String scored = (String) ((Map<String, Object>) assessment.get("level")).get("code");
    String decided =
        scored.equals("FAIRLY_HIGH") || scored.equals("HIGH") ? "MEDIUM" : "FAIRLY_HIGH";
    String reason =
        scored.equals("FAIRLY_HIGH") || scored.equals("HIGH")
            ? "家属已书面承诺接回同住并安排在自家店铺工作，社区矫正机构已走访核实，住所与就业均已落实（演示）"
            : "近期会见中多次表示出狱后将回到原交往圈子，且拒绝参加出监教育，评分未能反映（演示）";
    HttpResponse<String> requested =
        officer.post(
            API + "/assessments/" + assessment.get("id") + "/overrides",
            "{\"decided\":\""
                + decided
                + "\",\"reason\":\""
                + reason
                + "\",\"secondOfficer\":\"reviewer1\"}");
    if (requested.statusCode() != 201) {
      throw new IOException("demo risk override: " + requested.body());
    }
    Object id = ((Map<String, Object>) CanonicalJson.parseLenient(requested.body())).get("id");
    DemoSession reviewer = DemoSession.login(baseUrl, "reviewer1");
    HttpResponse<String> signed = reviewer.post(API + "/overrides/" + id + "/signature", "{}");
    if (signed.statusCode() != 200) {
      throw new IOException("demo risk countersignature: " + signed.body());
    }
  }
}
