package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The one clock on the running platform (issue 12): pinned by {@code start-dev --test-clock}, moved
 * by the administrator on a test platform only, refused by {@code start}; entries booked in the
 * prison's month at the last and first second of a month in Shanghai and in UTC, on 29 February and
 * on New Year's Eve; a month published at its last second open to objections to the last second of
 * its window; a case proposed on New Year's Eve numbered in the prison's year; the audit log sound
 * after the clock ran backwards. Section 32 (officer5, reviewer2, inmate6), which no other test
 * uses; the clock is set back when done.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class ClockSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final long SECTION = 32;
  private static final String INMATE = "3301000006";

  private static String base;
  private static Instant original;
  private static WebClient officer;
  private static WebClient reviewer;
  private static WebClient inmate;
  private static WebClient admin;
  private static long photo;
  private static final List<Long> pins = new ArrayList<>();
  private static final Map<String, Long> entries = new java.util.LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    original = RunningPlatform.time().instant();
    officer = login("officer5");
    reviewer = login("reviewer2");
    inmate = login("inmate6");
    admin = login("sysadmin1");
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "jpg", jpeg);
    HttpResponse<String> up =
        officer.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/v1/evidence?section="
                            + SECTION
                            + "&name=night.jpg&source=cam&description="
                            + URLEncoder.encode("夜班巡查", StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg.toByteArray())));
    assertEquals(201, up.statusCode(), up.body());
    photo = (Long) object(up).get("id");
  }

  @AfterAll
  static void setTheClockBack() {
    if (original != null) {
      RunningPlatform.pin(original);
    }
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

  private static void refused(HttpResponse<String> r, int status, String key) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"error\":\"" + key + "\""), r.body());
  }

  private static RunningPlatform.PlatformTime pin(String instant) {
    Instant at = OffsetDateTime.parse(instant).toInstant();
    pins.add(at.getEpochSecond());
    return RunningPlatform.pin(at);
  }

  private static String text(String sql, Object... params) throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getString(1);
      }
    }
  }

  @Test
  @Order(1)
  void theClockIsPinnedAndOnlyATestPlatformsAdministratorMovesIt() {
    HttpResponse<String> clock = new WebClient(base).get("/api/v1/clock");
    assertEquals(200, clock.statusCode(), clock.body());
    Map<String, Object> c = object(clock);
    assertEquals(Boolean.TRUE, c.get("pinned"));
    assertEquals("Asia/Shanghai", c.get("zone"));
    RunningPlatform.PlatformTime t = RunningPlatform.time();
    // the pinned instant, plus the days a demonstration moved the calendar: never the wall clock
    assertEquals(
        OffsetDateTime.parse(RunningPlatform.TEST_CLOCK)
            .toInstant()
            .plus(Duration.ofDays(t.demoOffsetDays())),
        t.instant());
    assertEquals(t.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), t.today());

    assertEquals(
        403,
        officer.postJson("/api/v1/clock", "{\"instant\":\"2026-01-01T00:00:00Z\"}").statusCode());
    refused(admin.postJson("/api/v1/clock", "{}"), 400, "clock.error.instant");
    refused(
        admin.postJson("/api/v1/clock", "{\"instant\":\"2026-06-30T23:59:59\"}"),
        400,
        "clock.error.instant");
    assertEquals(t.instant(), RunningPlatform.time().instant(), "a refused move moves nothing");
  }

  @Test
  @Order(2)
  void startRefusesTheTestClockAndTheDemoClock() {
    Path dir = Path.of("target", "clock-start-refused").toAbsolutePath();
    for (String setting :
        List.of("XINSHENG_TEST_CLOCK", "XINSHENG_CASES_DEMO_CLOCK", "XINSHENG_DEMO_HISTORY")) {
      LauncherProcess.Result r =
          LauncherProcess.runWith(
              Map.of(
                  setting,
                  setting.equals("XINSHENG_TEST_CLOCK") ? "2026-06-30T23:59:59+08:00" : "true",
                  "XINSHENG_DB_URL",
                  "jdbc:mariadb://127.0.0.1:" + (RunningPlatform.DB_PORT + 2) + "/xinsheng",
                  "XINSHENG_DB_USER",
                  "nobody"),
              "start",
              "--http-port=" + (RunningPlatform.HTTP_PORT + 2),
              "--data-dir=" + dir);
      assertNotEquals(0, r.code(), r.output());
      assertTrue(r.output().contains(setting), r.output());
      assertTrue(r.output().contains("start-dev"), r.output());
    }
  }

  /** An entry typed as the prison's time now, at these instants, booked in these months. */
  @Test
  @Order(3)
  void entriesAreBookedInThePrisonsMonthAtTheLastAndFirstSecond() throws Exception {
    String[][] cases = {
      {"2026-06-30T23:59:59+08:00", "2026-06"},
      {"2026-07-01T00:00:01+08:00", "2026-07"},
      {"2026-06-30T23:59:59Z", "2026-07"},
      {"2028-02-29T23:59:59+08:00", "2028-02"},
      {"2028-02-29T23:59:59Z", "2028-03"},
      {"2026-12-31T23:59:59Z", "2027-01"},
      {"2027-01-01T00:00:01+08:00", "2027-01"},
      {"2026-12-31T23:59:59+08:00", "2026-12"},
    };
    for (String[] c : cases) {
      RunningPlatform.PlatformTime t = pin(c[0]);
      assertEquals(c[1], t.month().toString(), c[0]);
      HttpResponse<String> r =
          officer.postJson(
              "/api/v1/ledger/entries",
              "{\"prisonerNumber\":\""
                  + INMATE
                  + "\",\"clause\":\"JG-02\",\"amount\":\"1\",\"fact\":\"夜班内务检查\",\"occurredAt\":\""
                  + t.minute()
                  + "\",\"evidence\":["
                  + photo
                  + "]}");
      assertEquals(201, r.statusCode(), c[0] + " " + r.body());
      long id = (Long) object(r).get("id");
      entries.put(c[0], id);
      assertEquals(c[1], text("SELECT month FROM point_entry WHERE id = ?", id), c[0]);
      // the month after is one that has not begun in the prison
      refused(
          officer.postJson(
              "/api/v1/ledger/sections/"
                  + SECTION
                  + "/months/"
                  + t.month().plusMonths(1)
                  + "/close",
              "{}"),
          400,
          "ledger.error.futureMonth");
      // an entry a second into the future (beyond the terminals' five minutes) is refused
      refused(
          officer.postJson(
              "/api/v1/ledger/entries",
              "{\"prisonerNumber\":\""
                  + INMATE
                  + "\",\"clause\":\"JG-02\",\"amount\":\"1\",\"fact\":\"x\",\"occurredAt\":\""
                  + t.instant().plus(Duration.ofMinutes(6))
                  + "\",\"evidence\":["
                  + photo
                  + "]}"),
          400,
          "ledger.error.occurredAt");
      assertEquals(
          200,
          reviewer
              .postJson("/api/v1/ledger/reviews/" + id, "{\"decision\":\"APPROVED\"}")
              .statusCode());
    }
  }

  /**
   * December published at its last second: its window ends three working days on, is open to the
   * inmate's objection at 23:59:59 of that day and closed at 00:00:01 the day after, when the month
   * locks once the objection's loop is closed.
   */
  @Test
  @Order(4)
  void aMonthPublishedAtItsLastSecondIsOpenToObjectionsToTheLastSecondOfItsWindow()
      throws Exception {
    pin("2026-12-31T23:59:59+08:00");
    HttpResponse<String> computed =
        officer.postJson("/api/v1/ledger/sections/" + SECTION + "/months/2026-12/close", "{}");
    assertEquals(200, computed.statusCode(), computed.body());
    long close = (Long) object(computed).get("closeId");
    String steps = "/api/v1/ledger/closes/" + close + "/steps";
    assertEquals(200, reviewer.postJson(steps, "{\"step\":\"APPROVED\"}").statusCode());
    HttpResponse<String> published = officer.postJson(steps, "{\"step\":\"PUBLISHED\"}");
    assertEquals(200, published.statusCode(), published.body());
    LocalDate windowEnds =
        LocalDate.parse(String.valueOf(object(published).get("result")).replace("PUBLISHED ", ""));
    // three working days from Thursday 31 December: never counted from the UTC day
    assertTrue(windowEnds.isAfter(LocalDate.of(2027, 1, 4)), windowEnds.toString());
    long december = entries.get("2026-12-31T23:59:59+08:00");

    pin(windowEnds + "T23:59:59+08:00");
    HttpResponse<String> objection =
        inmate.postJson(
            "/api/v1/ledger/me/objections",
            "{\"entry\":" + december + ",\"text\":\"那天的内务检查我不在场。\"}");
    assertEquals(201, objection.statusCode(), objection.body());
    long objectionId = (Long) object(objection).get("id");
    refused(officer.postJson(steps, "{\"step\":\"LOCKED\"}"), 409, "ledger.error.windowOpen");

    pin(windowEnds.plusDays(1) + "T00:00:01+08:00");
    refused(
        inmate.postJson(
            "/api/v1/ledger/me/objections", "{\"entry\":" + december + ",\"text\":\"再次异议\"}"),
        409,
        "objection.error.window");
    refused(officer.postJson(steps, "{\"step\":\"LOCKED\"}"), 409, "ledger.error.objectionsOpen");
    String loop = "/api/v1/ledger/objections/" + objectionId + "/steps";
    assertEquals(
        200,
        reviewer
            .postJson(loop, "{\"step\":\"DISPATCH\",\"officer\":\"officer5\",\"note\":\"请核查\"}")
            .statusCode());
    assertEquals(
        200, officer.postJson(loop, "{\"step\":\"VERIFY\",\"note\":\"有照片\"}").statusCode());
    assertEquals(
        200,
        officer
            .postJson(loop, "{\"step\":\"HANDLE\",\"outcome\":\"REJECTED\",\"note\":\"记录无误\"}")
            .statusCode());
    assertEquals(200, reviewer.postJson(loop, "{\"step\":\"CLOSE\",\"note\":\"同意\"}").statusCode());
    HttpResponse<String> locked = officer.postJson(steps, "{\"step\":\"LOCKED\"}");
    assertEquals(200, locked.statusCode(), locked.body());
  }

  /** The case's number carries the prison's year: 31 December 23:59:59 UTC is 2027 there. */
  @Test
  @Order(5)
  void aCaseProposedOnNewYearsEveIsNumberedInThePrisonsYear() throws Exception {
    pin("2026-12-31T23:59:59+08:00");
    HttpResponse<String> run =
        officer.postJson("/api/v1/eligibility/runs", "{\"section\":" + SECTION + "}");
    assertEquals(201, run.statusCode(), run.body());
    assertEquals("2026-12-31", String.valueOf(object(run).get("asOf")), run.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results =
        (List<Map<String, Object>>)
            CanonicalJson.parse(
                officer.get("/api/v1/eligibility/runs/latest?section=" + SECTION).body());
    List<Map<String, Object>> eligible = new ArrayList<>();
    java.util.Set<Object> inmates = new java.util.HashSet<>();
    for (Map<String, Object> r : results) {
      // a life term's limit is the term it is commuted to, not 1 month (issue 16)
      if ("ELIGIBLE".equals(r.get("outcome"))
          && !(r.get("maxMonths") instanceof Long m && m > 24)
          && inmates.add(r.get("inmateId"))) {
        eligible.add(r);
      }
    }
    assertTrue(eligible.size() >= 2, results.toString());

    String first = propose(eligible.get(0));
    assertTrue(first.matches("J[XS]-2026-\\d{4}"), first);
    pin("2026-12-31T23:59:59Z");
    String second = propose(eligible.get(1));
    assertTrue(second.matches("J[XS]-2027-\\d{4}"), second);
    assertEquals(
        "2027-01-01",
        text(
            "SELECT e.on_date FROM case_event e JOIN reduction_case c ON c.id = e.case_id"
                + " WHERE c.number = ? AND e.step = 'PROPOSAL'",
            second));
  }

  private static String propose(Map<String, Object> result) {
    HttpResponse<String> r =
        officer.postJson(
            "/api/v1/cases",
            "{\"eligibility\":"
                + result.get("id")
                + ",\"months\":1,\"rationale\":\"遵守监规，积极改造，确有悔改表现。\",\"cycles\":["
                + RunningPlatform.commendation((String) result.get("prisonerNumber"))
                + "]}");
    assertEquals(201, r.statusCode(), r.body());
    return (String) object(r).get("number");
  }

  /** Waits until a checkpoint takes in every entry logged so far; answers its note. */
  private static String checkpointOfAllEntries() throws Exception {
    long entries = RunningPlatform.count("SELECT COUNT(*) FROM audit_entry");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (RunningPlatform.count("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint")
        < entries) {
      assertTrue(System.nanoTime() < deadline, "no checkpoint took in the new entries");
      Thread.sleep(200);
    }
    return text("SELECT note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
  }

  /**
   * When a checkpoint was made: the {@code sequenced} time of its last leaf (ADR 0012 moved the
   * time from a {@code Timestamp:} line of the note into the tree, where monitors can audit it).
   */
  private static Instant sequencedAt(String note) throws Exception {
    long size = Long.parseLong(note.split("\n")[1].strip());
    String leaf =
        text("SELECT CONVERT(tail USING utf8mb4) FROM audit_leaf WHERE leaf_index = ?", size - 1);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"sequenced\":(\\d+)").matcher(leaf);
    assertTrue(m.find(), leaf);
    return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
  }

  /**
   * The clock set to 2028, a checkpoint signed there; set back, a later checkpoint signed at an
   * earlier time: the log is still sound. It is ordered by leaf index, and nothing in it asks that
   * times grow. Checkpoints carry the platform's (pinned) time.
   */
  @Test
  @Order(6)
  void theAuditLogStaysSoundAfterTheClockRanBackwards() throws Exception {
    RunningPlatform.PlatformTime ahead = pin("2028-03-01T00:00:00+08:00");
    login("officer5"); // a login is an audit event
    String signedAhead = checkpointOfAllEntries();
    assertEquals(ahead.instant(), sequencedAt(signedAhead), signedAhead);

    RunningPlatform.PlatformTime back = RunningPlatform.pin(original);
    login("officer5");
    String signedBack = checkpointOfAllEntries();
    assertEquals(back.instant(), sequencedAt(signedBack), signedBack);
    assertTrue(
        back.instant().isBefore(ahead.instant()), "the later checkpoint has the earlier time");

    assertTrue(
        RunningPlatform.count(
                "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE '%platform.test-clock.moved%'")
            >= pins.size() + 1,
        "every move of the clock is in the log");
    HttpResponse<String> check = admin.postJson("/api/v1/audit/self-check", "{}");
    assertEquals(200, check.statusCode(), check.body());
    assertTrue(check.body().contains("\"sound\":true"), check.body());
    assertEquals(200, new WebClient(base).get("/health/ready").statusCode());
  }
}
