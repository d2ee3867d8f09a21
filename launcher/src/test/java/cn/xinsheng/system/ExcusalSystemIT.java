package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, deliverable 7: an excusal from labour is entered by a section officer, reviewed by
 * another person (never the one who entered it), audited, and the monthly assessment then splits
 * the excused inmate's base 50/50 over discipline and education with no labour part (司规〔2021〕3号,
 * DOMAIN §2), while an inmate beside him keeps the prison's 35/35/30.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class ExcusalSystemIT {

  private static final long SECTION = 11;

  private static WebClient login(String base, String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  /**
   * A month two or more before the platform's, that the section has not closed: the demo clock
   * moves forward as the case tests walk their postings, and the screens' test publishes the month
   * it stands in, so "two months ago" alone may already be closed.
   */
  private static YearMonth openMonth() throws Exception {
    YearMonth now = RunningPlatform.time().month();
    for (int back = 2; back <= 12; back++) {
      YearMonth m = now.minusMonths(back);
      long closes =
          RunningPlatform.count(
              "SELECT COUNT(*) FROM month_close WHERE section_id = "
                  + SECTION
                  + " AND month = '"
                  + m
                  + "'");
      if (closes == 0 && quietInmates(m).size() == 2) {
        return m;
      }
    }
    throw new AssertionError("no open month with two quiet inmates in section " + SECTION);
  }

  /** Two inmates of the section admitted before the month, with no entries in it. */
  private static List<String[]> quietInmates(YearMonth month) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i.id, i.prisoner_number FROM inmate i WHERE i.section_id = "
                    + SECTION
                    + " AND i.admission_date < '"
                    + month.atDay(1)
                    + "' AND i.prisoner_number NOT IN ('3301000031', '3301000001')"
                    + " AND NOT EXISTS (SELECT 1 FROM point_entry e WHERE e.inmate_id = i.id"
                    + " AND e.month = '"
                    + month
                    + "') ORDER BY i.id DESC LIMIT 2")) {
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return out;
  }

  private static long[] parts(long closeId, String inmateId) throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT supervision_tenths, education_tenths, labour_tenths FROM month_result"
                    + " WHERE close_id = "
                    + closeId
                    + " AND inmate_id = "
                    + inmateId)) {
      assertTrue(rs.next(), "a result for inmate " + inmateId);
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void anApprovedExcusalSplitsTheMonthFiftyFifty() throws Exception {
    String base = RunningPlatform.ensureStarted();
    YearMonth month = openMonth();
    List<String[]> quiet = quietInmates(month);
    assertEquals(2, quiet.size(), "two quiet inmates in section 11 for " + month);
    String[] excused = quiet.get(0);
    String[] other = quiet.get(1);
    WebClient officer = login(base, "officer1");
    WebClient reviewer = login(base, "reviewer1");

    // bad input: refused in both languages, nothing written
    long before = RunningPlatform.count("SELECT COUNT(*) FROM labour_excusal");
    HttpResponse<String> backwards =
        officer.postJson(
            "/api/v1/ledger/excusals",
            "{\"prisonerNumber\":\""
                + excused[1]
                + "\",\"from\":\""
                + month
                + "\",\"to\":\""
                + month.minusMonths(1)
                + "\",\"reason\":\"病\"}");
    assertEquals(400, backwards.statusCode(), backwards.body());
    assertTrue(backwards.body().contains("ledger.error.excusalMonths"), backwards.body());
    assertTrue(backwards.body().contains("message_zh") && backwards.body().contains("message_en"));
    assertEquals(before, RunningPlatform.count("SELECT COUNT(*) FROM labour_excusal"));
    assertEquals(
        403,
        reviewer
            .postJson(
                "/api/v1/ledger/excusals",
                "{\"prisonerNumber\":\"" + excused[1] + "\",\"from\":\"" + month + "\"}")
            .statusCode(),
        "a reviewer does not enter one");

    HttpResponse<String> entered =
        officer.postJson(
            "/api/v1/ledger/excusals",
            "{\"prisonerNumber\":\""
                + excused[1]
                + "\",\"from\":\""
                + month
                + "\",\"reason\":\"经监狱医院诊断患严重心脏病，不宜参加劳动\"}");
    assertEquals(201, entered.statusCode(), entered.body());
    long id = (Long) ((Map<String, Object>) CanonicalJson.parse(entered.body())).get("id");
    assertEquals(
        403,
        officer
            .postJson(
                "/api/v1/ledger/excusals/" + id + "/review",
                "{\"decision\":\"APPROVED\",\"reason\":\"同意\"}")
            .statusCode(),
        "the officer who entered it does not review it");
    HttpResponse<String> approved =
        reviewer.postJson(
            "/api/v1/ledger/excusals/" + id + "/review",
            "{\"decision\":\"APPROVED\",\"reason\":\"诊断证明属实\"}");
    assertEquals(201, approved.statusCode(), approved.body());
    HttpResponse<String> again =
        reviewer.postJson(
            "/api/v1/ledger/excusals/" + id + "/review",
            "{\"decision\":\"REJECTED\",\"reason\":\"改判\"}");
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(
        2,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'labour-excusal/" + id + "'"));
    List<Map<String, Object>> listed =
        (List<Map<String, Object>>)
            CanonicalJson.parse(officer.get("/api/v1/ledger/excusals?section=" + SECTION).body());
    assertTrue(
        listed.stream()
            .anyMatch(
                e ->
                    id == (Long) e.get("id")
                        && "APPROVED".equals(e.get("decision"))
                        && excused[1].equals(e.get("prisonerNumber"))));

    // the month: the excused inmate 50/50 with no labour part, the other 35/35/30
    HttpResponse<String> close =
        officer.postJson(
            "/api/v1/ledger/sections/" + SECTION + "/months/" + month + "/close", "{}");
    assertEquals(200, close.statusCode(), close.body());
    long closeId = (Long) ((Map<String, Object>) CanonicalJson.parse(close.body())).get("closeId");
    assertEquals(
        List.of(500L, 500L, 0L),
        List.of(
            parts(closeId, excused[0])[0],
            parts(closeId, excused[0])[1],
            parts(closeId, excused[0])[2]),
        "excused: 50 / 50 / 0");
    long[] o = parts(closeId, other[0]);
    assertEquals(List.of(350L, 350L, 300L), List.of(o[0], o[1], o[2]), "the prison's 35 / 35 / 30");
  }
}
