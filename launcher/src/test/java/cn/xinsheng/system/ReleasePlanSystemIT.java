package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.export.ExportVerifier;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 20, release plans and the handover to community corrections, on a running {@code
 * start-dev}: a plan opened by its first update and updated append-only (each update a row and an
 * audit entry), refusals in both languages, a sentence change entered from the court's papers
 * moving the countdown, a handover issued and verified offline with {@code bin/xinsheng verify}, a
 * changed copy failing with the changed file named, the office reading only its own handovers with
 * every read logged, a first report recorded and seen by the prison, and other roles refused. Works
 * in the demo's release ward (section 41, {@code officer6}) so no other test's inmates change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class ReleasePlanSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final String RELEASED = "3301000901";
  private static final String NEAR = "3301000903";
  private static final String FRESH = "3301000904";
  private static final String LATE = "3301000905";

  private static String base;
  private static WebClient officer;
  private static WebClient community;
  private static long issued;

  private static java.time.Instant movedClock;

  @org.junit.jupiter.api.AfterAll
  static void clockBack() {
    RunningPlatform.pin(movedClock);
  }

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    // as in ReleasePlanScreensIT: run at the suite's pinned start, give the clock back afterwards
    movedClock = RunningPlatform.time().instant();
    RunningPlatform.pin(java.time.OffsetDateTime.parse(RunningPlatform.TEST_CLOCK).toInstant());
    officer = login("officer6");
    community = login("community1");
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
  }

  private static HttpResponse<String> update(
      WebClient c, String number, String item, String status, String note, Long evidence) {
    return c.postJson(
        "/api/v1/readiness/plans/" + number + "/items/" + item + "/updates",
        "{\"status\":\""
            + status
            + "\",\"note\":\""
            + note
            + "\""
            + (evidence == null ? "" : ",\"evidence\":" + evidence)
            + "}");
  }

  private static long count(String sql) throws Exception {
    return RunningPlatform.count(sql);
  }

  private static LocalDate today() {
    return LocalDate.parse(
        String.valueOf(object(new WebClient(base).get("/api/v1/clock")).get("today")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> item(Map<String, Object> plan, String code) {
    return ((List<Map<String, Object>>) plan.get("items"))
        .stream().filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
  }

  @Test
  @Order(1)
  void aPlanOpensAtItsFirstUpdateAndUpdatesAreAppendedAndAudited() throws Exception {
    long inmateId = count("SELECT id FROM inmate WHERE prisoner_number = '" + FRESH + "'");
    assertEquals(0, count("SELECT COUNT(*) FROM release_plan WHERE inmate_id = " + inmateId));
    Map<String, Object> plan = object(officer.get("/api/v1/readiness/plans/" + FRESH));
    assertEquals(7L, plan.get("total"), "seven pathways for a person not on parole");
    assertEquals(0L, plan.get("settled"));

    HttpResponse<String> first = update(officer, FRESH, "HOUSING", "IN_PROGRESS", "联系家属", null);
    assertEquals(201, first.statusCode(), first.body());
    // the plan starts from admission
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM release_plan p JOIN inmate i ON i.id = p.inmate_id"
                + " WHERE p.inmate_id = "
                + inmateId
                + " AND p.opened_on = i.admission_date"));

    // done needs evidence: refused in both languages, nothing written
    refused(update(officer, FRESH, "HOUSING", "DONE", "已落实", null), 400, "readiness.refused");
    refused(update(officer, FRESH, "SPACESHIP", "OPEN", "", null), 400, "readiness.refused");
    refused(update(officer, FRESH, "HOUSING", "FINISHED", "", null), 400, "plan.error.status");
    // a parole item on a plan without parole is not one of its items
    refused(
        update(officer, FRESH, "REPORT_TO_COMMUNITY_CORRECTIONS", "OPEN", "", null),
        400,
        "readiness.refused");

    // evidence through the evidence context, then done
    String q =
        "?section=41&name=housing.txt&source="
            + URLEncoder.encode("出监计划", StandardCharsets.UTF_8)
            + "&description="
            + URLEncoder.encode("住所证明", StandardCharsets.UTF_8);
    HttpResponse<String> uploaded =
        officer.send(
            HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/evidence" + q))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("住所证明：家属同意接收（测试）\n")));
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    long evidence = ((Number) object(uploaded).get("id")).longValue();
    HttpResponse<String> done = update(officer, FRESH, "HOUSING", "DONE", "已落实", evidence);
    assertEquals(201, done.statusCode(), done.body());
    Map<String, Object> housing = item(object(done), "HOUSING");
    assertEquals("DONE", housing.get("status"));
    assertEquals(2, ((List<?>) housing.get("history")).size(), "the history stays");

    long planId = count("SELECT id FROM release_plan WHERE inmate_id = " + inmateId);
    assertEquals(
        2,
        count(
            "SELECT COUNT(*) FROM plan_item_update WHERE plan_id = "
                + planId
                + " AND item_code = 'HOUSING'"));
    assertEquals(
        2, count("SELECT COUNT(*) FROM audit_entry WHERE subject = 'release-plan/" + FRESH + "'"));
    // append-only: the application's own database account cannot change an update
    try (var c =
        java.sql.DriverManager.getConnection(
            "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/xinsheng",
            "xinsheng_app",
            RunningPlatform.applicationDbPassword())) {
      assertThrows(
          java.sql.SQLException.class,
          () ->
              c.createStatement()
                  .executeUpdate(
                      "UPDATE plan_item_update SET status = 'OPEN' WHERE plan_id = " + planId));
    }

    // another section's officer sees no such person; the inmate sees his own, not the list
    refused(login("officer1").get("/api/v1/readiness/plans/" + FRESH), 404, "error.unknownInmate");
    WebClient inmate = login("inmate904");
    Map<String, Object> mine = object(inmate.get("/api/v1/readiness/plans/mine"));
    assertEquals(FRESH, mine.get("prisonerNumber"));
    assertEquals("DONE", item(mine, "HOUSING").get("status"));
    assertEquals(403, inmate.get("/api/v1/readiness/plans").statusCode());
  }

  @Test
  @Order(2)
  void lateItemsAreAlertedAndTheListFilters() {
    List<Map<String, Object>> late = list(officer.get("/api/v1/readiness/plans?late=true"));
    assertTrue(late.stream().anyMatch(l -> LATE.equals(l.get("prisonerNumber"))), late.toString());
    assertTrue(late.stream().allMatch(l -> ((Number) l.get("late")).longValue() > 0));
    Map<String, Object> plan = object(officer.get("/api/v1/readiness/plans/" + LATE));
    // 40 days to release: the identity card was due 60 days before it
    assertEquals(true, item(plan, "ID_CARD").get("late"));
    assertTrue(((List<?>) plan.get("alerts")).size() >= 1);
    assertEquals(true, plan.get("inReleaseEducation"));
    List<Map<String, Object>> one =
        list(officer.get("/api/v1/readiness/plans?q=" + LATE.substring(6)));
    assertEquals(1, one.size(), one.toString());
  }

  @Test
  @Order(3)
  void aSentenceChangeFromTheCourtsPapersMovesTheCountdown() throws Exception {
    WebClient execution = login("execution1");
    Map<String, Object> before = object(officer.get("/api/v1/readiness/plans/" + NEAR));
    LocalDate release = LocalDate.parse(String.valueOf(before.get("release")));
    LocalDate start = release.plusDays(1).minusMonths(36);
    HttpResponse<String> record =
        execution.postJson(
            "/api/v1/sentences/" + NEAR,
            "{\"kind\":\"FIXED\",\"months\":36,\"start\":\""
                + start
                + "\",\"detentionDays\":0,\"offences\":[\"OTHER\"],\"propertyPenalty\":\"NONE\","
                + "\"note\":\"判决书（测试）\"}");
    assertEquals(200, record.statusCode() / 100 * 100, record.body());
    Map<String, Object> recorded = object(officer.get("/api/v1/readiness/plans/" + NEAR));
    long daysBefore = ((Number) recorded.get("daysToRelease")).longValue();
    String housingBefore = String.valueOf(item(recorded, "HOUSING").get("deadline"));

    HttpResponse<String> change =
        execution.postJson(
            "/api/v1/sentences/" + NEAR + "/changes",
            "{\"kind\":\"REDUCTION\",\"on\":\""
                + today()
                + "\",\"months\":1,\"note\":\"减刑裁定书（测试）\"}");
    assertEquals(200, change.statusCode() / 100 * 100, change.body());
    Map<String, Object> after = object(officer.get("/api/v1/readiness/plans/" + NEAR));
    long daysAfter = ((Number) after.get("daysToRelease")).longValue();
    assertTrue(
        daysBefore - daysAfter >= 28 && daysBefore - daysAfter <= 31,
        daysBefore + " → " + daysAfter);
    assertFalse(housingBefore.equals(item(after, "HOUSING").get("deadline")), "deadlines move too");
    List<?> rulings = (List<?>) after.get("rulings");
    assertEquals(1, rulings.size(), after.toString());
  }

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p));
    }
    reader.close();
    return text.toString().replace("\n", "");
  }

  @Test
  @Order(4)
  void aHandoverIsIssuedVerifiesOfflineAndAChangedCopyIsNamed() throws Exception {
    HttpResponse<String> r =
        officer.postJson(
            "/api/v1/readiness/handovers", "{\"inmate\":\"" + NEAR + "\",\"office\":1}");
    assertEquals(201, r.statusCode(), r.body());
    issued = ((Number) object(r).get("id")).longValue();
    refused(
        officer.postJson(
            "/api/v1/readiness/handovers", "{\"inmate\":\"" + NEAR + "\",\"office\":99}"),
        400,
        "handover.error.office");

    Map<String, Object> doc = object(community.get("/api/v1/readiness/handovers/" + issued));
    assertEquals("xinsheng-handover/1", doc.get("format"));
    @SuppressWarnings("unchecked")
    Map<String, Object> risk = (Map<String, Object>) doc.get("risk");
    assertEquals(false, risk.get("assessed"), "no risk assessment stored: said, not invented");
    @SuppressWarnings("unchecked")
    Map<String, Object> sentence = (Map<String, Object>) doc.get("sentence");
    assertEquals(1, ((List<?>) sentence.get("rulings")).size());
    assertTrue(
        doc.containsKey("plan") && doc.containsKey("education") && doc.containsKey("ledger"));
    HttpResponse<String> pdf = community.get("/api/v1/readiness/handovers/" + issued + "/pdf");
    assertEquals(200, pdf.statusCode());
    assertTrue(pdf.body().startsWith("%PDF"));
    // the walk: the PDF people read gives the prison's time to the minute and the issuer's name,
    // while the signed JSON keeps the instant and the login
    Path pdfFile = RunningPlatform.DATA_DIR.resolve("handover-" + issued + ".pdf");
    assertEquals(
        200, community.download("/api/v1/readiness/handovers/" + issued + "/pdf", pdfFile));
    String pdfText = pdfText(Files.readAllBytes(pdfFile));
    String issuedAt =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Shanghai"))
            .format(java.time.Instant.parse(String.valueOf(doc.get("issuedAt"))));
    assertTrue(pdfText.contains("交接时间 Issued: " + issuedAt), pdfText);
    assertFalse(pdfText.contains("UTC") || pdfText.contains(String.valueOf(doc.get("issuedAt"))));
    assertTrue(
        java.util.regex.Pattern.compile("交接人 Issued by: [^\\s（]+（officer6）")
            .matcher(pdfText)
            .find(),
        pdfText);

    Path zip = RunningPlatform.DATA_DIR.resolve("handover-" + issued + ".zip");
    assertEquals(
        200, community.download("/api/v1/readiness/handovers/" + issued + "/package", zip));
    String keyText = login("sysadmin1").get("/api/v1/audit/key").body();
    NoteKey key = NoteKey.parseVerifierKey(keyText);
    Path keyFile = RunningPlatform.DATA_DIR.resolve("handover-prison-key.txt");
    Files.writeString(keyFile, keyText);
    ExportVerifier.Report ok = ExportVerifier.verify(zip, Optional.of(key));
    assertTrue(ok.verified(), ok.failures().toString());
    LauncherProcess.Result v =
        LauncherProcess.run("verify", zip.toString(), "--key", keyFile.toString());
    assertEquals(0, v.code(), v.output());

    String jsonName = "case/handover-" + NEAR + "-" + issued + ".json";
    Path bad = RunningPlatform.DATA_DIR.resolve("handover-" + issued + "-changed.zip");
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
      assertTrue(in.getEntry(jsonName) != null, "the JSON is inside");
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (e.getName().equals(jsonName)) {
          bytes =
              new String(bytes, StandardCharsets.UTF_8)
                  .replace("\"assessed\":false", "\"assessed\":true")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    ExportVerifier.Report changed = ExportVerifier.verify(bad, Optional.of(key));
    assertFalse(changed.verified());
    assertTrue(
        String.join("\n", changed.failures()).contains(jsonName), changed.failures().toString());
    LauncherProcess.Result failed =
        LauncherProcess.run("verify", bad.toString(), "--key", keyFile.toString());
    assertEquals(1, failed.code(), failed.output());
    assertTrue(failed.output().contains(jsonName), failed.output());
  }

  @Test
  @Order(5)
  void theOfficeReadsOnlyItsOwnHandoversAndEveryReadIsLogged() throws Exception {
    List<Map<String, Object>> mine = list(community.get("/api/v1/readiness/handovers"));
    assertTrue(mine.stream().anyMatch(h -> ((Number) h.get("id")).longValue() == issued));
    assertTrue(mine.stream().anyMatch(h -> RELEASED.equals(h.get("prisonerNumber"))));
    WebClient other = login("community2");
    assertTrue(
        list(other.get("/api/v1/readiness/handovers")).stream()
            .noneMatch(
                h ->
                    ((Number) h.get("id")).longValue() == issued
                        || RELEASED.equals(h.get("prisonerNumber"))),
        "another office sees none of community1's handovers");
    refused(other.get("/api/v1/readiness/handovers/" + issued), 404, "handover.error.unknown");
    refused(
        other.get("/api/v1/readiness/handovers/" + issued + "/package"),
        404,
        "handover.error.unknown");
    // every read by the office: in the read log and in the audit log under the handover
    assertTrue(
        count(
                "SELECT COUNT(*) FROM read_event WHERE username = 'community1'"
                    + " AND path LIKE '/api/v1/readiness/handovers/"
                    + issued
                    + "%'")
            >= 3);
    assertTrue(
        count("SELECT COUNT(*) FROM audit_entry WHERE subject = 'handover/" + issued + "'") >= 4,
        "issued, then read as JSON, PDF and package");
    // read-only: the office issues nothing and changes no plan
    assertEquals(
        403,
        community
            .postJson("/api/v1/readiness/handovers", "{\"inmate\":\"" + NEAR + "\",\"office\":1}")
            .statusCode());
    assertEquals(403, update(community, NEAR, "HOUSING", "OPEN", "", null).statusCode());
    // other roles are refused the handovers
    for (String user : List.of("lawyer1", "judge1", "teacher1", "inmate1")) {
      assertEquals(
          403, login(user).get("/api/v1/readiness/handovers/" + issued).statusCode(), user);
    }
  }

  @Test
  @Order(6)
  void theFirstReportIsRecordedAndThePrisonSeesIt() throws Exception {
    long released =
        list(community.get("/api/v1/readiness/handovers")).stream()
            .filter(h -> RELEASED.equals(h.get("prisonerNumber")))
            .map(h -> ((Number) h.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    long before = count("SELECT COUNT(*) FROM first_report WHERE handover_id = " + released);
    assertTrue(before >= 1, "the demo recorded one");
    // not yet released: refused with the reason
    refused(
        community.postJson(
            "/api/v1/readiness/handovers/" + issued + "/first-report",
            "{\"reportedOn\":\"" + today() + "\",\"note\":\"\"}"),
        400,
        "readiness.refused");
    refused(
        community.postJson(
            "/api/v1/readiness/handovers/" + released + "/first-report",
            "{\"reportedOn\":\"昨天\",\"note\":\"\"}"),
        400,
        "report.error.date");
    HttpResponse<String> r =
        community.postJson(
            "/api/v1/readiness/handovers/" + released + "/first-report",
            "{\"reportedOn\":\"" + today() + "\",\"note\":\"补充登记：本人再次到所（测试）\"}");
    assertEquals(201, r.statusCode(), r.body());
    // an officer cannot record it
    assertEquals(
        403,
        officer
            .postJson(
                "/api/v1/readiness/handovers/" + released + "/first-report",
                "{\"reportedOn\":\"" + today() + "\"}")
            .statusCode());
    // the prison sees the feedback: the demo's report and this one, the latest standing
    Map<String, Object> seen =
        list(officer.get("/api/v1/readiness/handovers?inmate=" + RELEASED)).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) seen.get("firstReport");
    assertEquals(today().toString(), report.get("reportedOn"));
    assertEquals(false, report.get("late"), "six days after release is within the ten");
    assertEquals(before + 1, ((List<?>) seen.get("reports")).size(), "appended, none replaced");
    assertEquals(
        before + 1, count("SELECT COUNT(*) FROM first_report WHERE handover_id = " + released));
  }
}
