package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 20: a prison adds and updates release-readiness simulations without a new build. A scenario
 * package packed and signed with {@code bin/xinsheng content scenarios-pack} by a publisher the
 * administrator trusts is imported by the education office through the API; a tampered one, a lower
 * or equal version, and one whose scenario carries a shipped id are refused with the reason in
 * Chinese and English and write nothing; an inmate or a teacher may not import (403). inmate1 then
 * finds the imported scenario among his simulations and plays it through the API; the attempt is
 * scored by the version in force and names it. On the screen, the office uploads a newer version
 * once and reads it in the list with its time to the minute.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioPackageImportSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final String PACKAGE = "cn.it.scenarios";
  private static final String SCENARIO = "it-bus-card";
  private static final String TITLE = "公交卡测试场景包";
  private static final String STANDARD = "cn.xinsheng.scenarios.standard";
  private static final String REASON = "退卡按钮的扣分写错了，停用此版";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("scenario-packages");
  private static final NoteKey KEY = NoteKey.generate("publisher.scenario-it");
  private static String base;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    HttpResponse<String> trust =
        login("sysadmin1")
            .postJson(
                "/api/v1/lms/publishers",
                "{\"verifierKey\":\"" + KEY.verifierKey() + "\",\"description\":\"出监模拟场景包测试发布者\"}");
    assertEquals(201, trust.statusCode(), trust.body());
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  private static long count(String sql) throws Exception {
    return RunningPlatform.count(sql);
  }

  private static long packageRows() throws Exception {
    return count("SELECT COUNT(*) FROM scenario_package WHERE package_id LIKE 'cn.it.%'");
  }

  private static long scenarioRows() throws Exception {
    return count(
        "SELECT COUNT(*) FROM scenario_package_scenario s JOIN scenario_package p"
            + " ON p.id = s.package_row WHERE p.package_id LIKE 'cn.it.%'");
  }

  private static long importAudits() throws Exception {
    return count(
        "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE '%readiness.scenarios.imported%'");
  }

  /**
   * A bus-card top-up machine: refusing to touch the refund button, typing 50 and taking the card
   * is right; {@code servicePoints} is what touching "refund" costs (versions differ in it).
   */
  static String scenario(String id, int servicePoints) {
    return """
        {
          "format": "xinsheng-scenario/1",
          "id": "%s",
          "version": 1,
          "kind": "TICKET_MACHINE",
          "title": {"zh": "公交卡自助充值", "en": "Topping up a bus card"},
          "description": {"zh": "任务：在自助机上给公交卡充值 50 元，充好后取回卡。", "en": "Task: top up a bus card with 50 yuan at the machine and take the card back."},
          "timeLimitSeconds": 300,
          "passScore": 60,
          "hintCost": 5,
          "start": "home",
          "mistakes": [
            {"code": "WRONG_SERVICE", "points": %d, "text": {"zh": "点了“退卡”：充值要点“充值”。", "en": "Touched \\"Return card\\": to top up, touch \\"Top up\\"."}},
            {"code": "WRONG_AMOUNT", "points": 20, "text": {"zh": "金额输错了：应充 50 元。", "en": "Wrong amount: 50 yuan."}},
            {"code": "CARD_LEFT", "points": 30, "text": {"zh": "没有取回公交卡。", "en": "Left the bus card in the machine."}}
          ],
          "screens": [
            {"id": "home", "title": {"zh": "请放入公交卡", "en": "Insert your bus card"},
             "hint": {"zh": "点“充值”。", "en": "Touch \\"Top up\\"."},
             "elements": [
               {"id": "top-up", "type": "touch", "label": {"zh": "充值", "en": "Top up"}, "next": "amount"},
               {"id": "refund", "type": "touch", "label": {"zh": "退卡", "en": "Return card"}, "next": "home", "mistake": "WRONG_SERVICE"}
             ]},
            {"id": "amount", "title": {"zh": "充值金额", "en": "Amount"},
             "elements": [
               {"id": "yuan", "type": "input", "label": {"zh": "金额（元）", "en": "Amount (yuan)"}, "accepted": ["50"], "wrongAnswer": "WRONG_AMOUNT", "next": "card"}
             ]},
            {"id": "card", "title": {"zh": "充值成功", "en": "Topped up"},
             "elements": [
               {"id": "take-card", "type": "touch", "label": {"zh": "取回公交卡", "en": "Take the card"}, "next": "done"},
               {"id": "walk-away", "type": "touch", "label": {"zh": "直接离开", "en": "Walk away"}, "next": "done", "mistake": "CARD_LEFT"}
             ]},
            {"id": "done", "title": {"zh": "完成", "en": "Done"}, "end": true}
          ]
        }
        """
        .formatted(id, servicePoints);
  }

  /** Packs one scenario as {@code bin/xinsheng content scenarios-pack} does, signed by KEY. */
  static Path pack(String packageId, long version, String scenarioId, int servicePoints)
      throws Exception {
    Path folder = WORK.resolve(packageId + "-" + version + "-" + scenarioId);
    Files.createDirectories(folder.resolve("scenarios"));
    Files.writeString(folder.resolve("scenarios/index.txt"), "# 测试场景\n" + scenarioId + ".json\n");
    Files.writeString(
        folder.resolve("scenarios/" + scenarioId + ".json"),
        scenario(scenarioId, servicePoints),
        StandardCharsets.UTF_8);
    Path keyFile = WORK.resolve("publisher.key");
    Files.writeString(keyFile, KEY.privateKeyText());
    Path out = WORK.resolve(folder.getFileName() + ".zip");
    Files.deleteIfExists(out);
    LauncherProcess.Result r =
        LauncherProcess.run(
            "content",
            "scenarios-pack",
            folder.toString(),
            "--key",
            keyFile.toString(),
            "--id",
            packageId,
            "--version",
            Long.toString(version),
            "--title",
            TITLE,
            "--publisher",
            "场景测试发布者",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.output());
    return out;
  }

  /** The same package with one byte of a scenario changed after signing. */
  static Path tampered(Path zip) throws Exception {
    Path out = WORK.resolve("tampered-" + zip.getFileName());
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
        OutputStream file = Files.newOutputStream(out);
        ZipOutputStream z = new ZipOutputStream(file)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        in.transferTo(body);
        byte[] bytes = body.toByteArray();
        if (e.getName().endsWith(".json") && e.getName().startsWith("scenarios/")) {
          bytes =
              new String(bytes, StandardCharsets.UTF_8)
                  .replace("\"passScore\": 60", "\"passScore\": 10")
                  .getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(bytes);
        z.closeEntry();
      }
    }
    return out;
  }

  private static HttpResponse<String> upload(WebClient who, Path zip) throws Exception {
    try (InputStream in = Files.newInputStream(zip)) {
      return who.send(
          HttpRequest.newBuilder(URI.create(base + "/api/v1/readiness/scenario-packages"))
              .header("Content-Type", "application/zip")
              .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes())));
    }
  }

  @Test
  @Order(1)
  void anInmateOrATeacherMayNotImport() throws Exception {
    Path zip = pack(PACKAGE, 1, SCENARIO, 10);
    long before = packageRows();
    assertEquals(403, upload(login("inmate1"), zip).statusCode());
    assertEquals(403, upload(login("teacher1"), zip).statusCode());
    assertEquals(403, login("inmate1").get("/api/v1/readiness/scenario-packages").statusCode());
    assertEquals(before, packageRows());
  }

  @Test
  @Order(2)
  void aTamperedPackageIsRefusedNamingTheReasonAndNothingIsWritten() throws Exception {
    Path zip = tampered(pack(PACKAGE, 1, SCENARIO, 10));
    long audits = importAudits();
    HttpResponse<String> r = upload(login("eduadmin1"), zip);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("message_zh") && r.body().contains("message_en"), r.body());
    assertTrue(r.body().contains("场景包被拒收"), r.body());
    assertTrue(r.body().contains(SCENARIO + ".json"), "names the file: " + r.body());
    assertEquals(0, packageRows());
    assertEquals(0, scenarioRows());
    assertEquals(audits, importAudits());
  }

  @Test
  @Order(3)
  void theOfficeImportsAPackageAndANewerVersionEachAnAuditedRow() throws Exception {
    WebClient office = login("eduadmin1");
    long audits = importAudits();
    HttpResponse<String> first = upload(office, pack(PACKAGE, 1, SCENARIO, 10));
    assertEquals(201, first.statusCode(), first.body());
    assertTrue(first.body().contains(SCENARIO), first.body());
    // version 2 costs more for the wrong service: scoring differs between versions
    HttpResponse<String> second = upload(office, pack(PACKAGE, 2, SCENARIO, 15));
    assertEquals(201, second.statusCode(), second.body());
    assertEquals(2, packageRows());
    assertEquals(2, scenarioRows());
    assertEquals(audits + 2, importAudits());
    assertEquals(
        2,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE '%scenario-package/"
                + PACKAGE
                + "/%'"));
    String list = office.get("/api/v1/readiness/scenario-packages").body();
    assertTrue(list.contains(PACKAGE) && list.contains("场景测试发布者"), list);
  }

  @Test
  @Order(0)
  void theTenStandardScenariosCameAsTheSignedStandardPackageThroughTheSameImport()
      throws Exception {
    // start-dev packed and signed them and imported them as the office would: one recorded,
    // audited version of the standard package carrying all ten
    assertEquals(
        1, count("SELECT COUNT(*) FROM scenario_package WHERE package_id = '" + STANDARD + "'"));
    assertEquals(
        10,
        count(
            "SELECT COUNT(*) FROM scenario_package_scenario s JOIN scenario_package p"
                + " ON p.id = s.package_row WHERE p.package_id = '"
                + STANDARD
                + "'"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE '%readiness.scenarios.imported%'"
                + " AND leaf_data LIKE '%scenario-package/"
                + STANDARD
                + "/1%'"));
    String cards = login("inmate1").get("/api/v1/readiness/scenarios").body();
    assertTrue(cards.contains("atm-card-activation") && cards.contains("ride-hailing"), cards);
  }

  @Test
  @Order(4)
  void aLowerOrEqualVersionOrACollidingIdIsRefusedAndNothingIsWritten() throws Exception {
    WebClient office = login("eduadmin1");
    long audits = importAudits();
    for (long v : new long[] {1, 2}) {
      HttpResponse<String> r = upload(office, pack(PACKAGE, v, SCENARIO, 10));
      assertEquals(409, r.statusCode(), r.body());
      assertTrue(r.body().contains("不比已导入的版本"), r.body());
      assertTrue(r.body().contains("is not newer than"), r.body());
    }
    // the ten standard scenarios came as the standard package, through this same import
    HttpResponse<String> shipped = upload(office, pack("cn.it.shipped", 1, "metro-ticket", 10));
    assertEquals(409, shipped.statusCode(), shipped.body());
    assertTrue(shipped.body().contains(STANDARD), shipped.body());
    HttpResponse<String> taken = upload(office, pack("cn.it.other", 1, SCENARIO, 10));
    assertEquals(409, taken.statusCode(), taken.body());
    assertTrue(taken.body().contains(PACKAGE), taken.body());
    assertEquals(2, packageRows());
    assertEquals(2, scenarioRows());
    assertEquals(audits, importAudits());
  }

  @Test
  @Order(5)
  void inmate1PlaysTheImportedScenarioScoredByTheVersionInForce() throws Exception {
    WebClient inmate = login("inmate1");
    String cards = inmate.get("/api/v1/readiness/scenarios").body();
    assertTrue(cards.contains(SCENARIO) && cards.contains("公交卡自助充值"), cards);
    assertTrue(cards.contains("metro-ticket"), "the shipped ones stay: " + cards);
    String steps =
        "{\"steps\":["
            + "{\"kind\":\"TOUCH\",\"element\":\"refund\",\"elapsedMillis\":1000},"
            + "{\"kind\":\"TOUCH\",\"element\":\"top-up\",\"elapsedMillis\":2000},"
            + "{\"kind\":\"INPUT\",\"element\":\"yuan\",\"value\":\"５０\",\"elapsedMillis\":4000},"
            + "{\"kind\":\"TOUCH\",\"element\":\"take-card\",\"elapsedMillis\":5000}]}";
    String state =
        inmate.postJson("/api/v1/readiness/scenarios/" + SCENARIO + "/play", steps).body();
    assertTrue(state.contains("\"end\":true"), state);
    HttpResponse<String> done =
        inmate.postJson("/api/v1/readiness/scenarios/" + SCENARIO + "/attempts", steps);
    assertEquals(201, done.statusCode(), done.body());
    // version 2: the wrong service costs 15
    assertTrue(done.body().contains("\"score\":85"), done.body());
    assertTrue(done.body().contains("\"passed\":true"), done.body());
    String where =
        " FROM scenario_attempt a JOIN inmate i ON i.id = a.inmate_id"
            + " WHERE i.prisoner_number = '3301000001' AND a.scenario_id = '"
            + SCENARIO
            + "'";
    assertEquals(1, count("SELECT COUNT(*)" + where));
    assertEquals(2, count("SELECT a.package_version" + where));
    assertEquals(1, count("SELECT COUNT(*)" + where + " AND a.package_id = '" + PACKAGE + "'"));
    String mine = inmate.get("/api/v1/readiness/attempts/mine").body();
    assertTrue(mine.contains(SCENARIO) && mine.contains("退卡"), mine);
  }

  @Test
  @Order(6)
  void theOfficeUploadsANewerVersionOnTheScreenReadsItInWordsAndWithdrawsIt() throws Exception {
    Path zip = pack(PACKAGE, 3, SCENARIO, 12);
    driver = HeadlessChrome.open();
    HeadlessChrome.login(driver, base, "eduadmin1");
    driver.get(base + "/eduadmin/scenarios.xhtml");
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='scenarioPackagesForm:package'] input[type=file]")))
        .sendKeys(zip.toString());
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .withMessage("the package uploaded on the screen was not imported")
        .until(
            d -> {
              try {
                return packageRows() == 3;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String said =
        HeadlessChrome.waiting(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.id("scenarioPackagesForm:messages")))
            .getText();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("scenarioPackagesForm:packages"), "3"));
    String table = driver.findElement(By.id("scenarioPackagesForm:packages")).getText();
    HeadlessChrome.shot(driver, "readiness-scenario-packages");
    assertTrue(said.contains("已导入场景包") && said.contains(TITLE), said);
    // people's words: title, version, scenarios by title, publisher, time, status
    assertTrue(table.contains(TITLE) && table.contains("场景测试发布者"), table);
    assertTrue(table.contains("公交卡自助充值") && table.contains("已导入"), table);
    assertTrue(table.contains("出监模拟训练标准场景") && table.contains("地铁自动售票机购票"), table);
    for (String internal :
        new String[] {PACKAGE, SCENARIO, STANDARD, KEY.label(), "metro-ticket"}) {
      assertFalse(table.contains(internal), "no internal id " + internal + ": " + table);
    }
    assertTrue(table.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"), "time: " + table);
    assertFalse(table.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT.*"), "no ISO timestamps: " + table);

    // withdraw version 3 (the newest row): a reason, then the dialog's confirmation
    long audits = withdrawalAudits();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.id("scenarioPackagesForm:packages:0:withdraw")))
        .click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("withdrawForm:reason")))
        .sendKeys(REASON);
    String dialog = driver.findElement(By.id("withdrawForm")).getText();
    assertTrue(dialog.contains(TITLE) && dialog.contains("3"), dialog);
    driver.findElement(By.id("withdrawForm:confirmWithdraw")).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("scenarioPackagesForm:packages"), "已撤回"));
    String after = driver.findElement(By.id("scenarioPackagesForm:packages")).getText();
    HeadlessChrome.shot(driver, "readiness-scenario-package-withdrawn");
    assertTrue(after.contains(REASON), after);
    assertEquals(1, withdrawals());
    assertEquals(audits + 1, withdrawalAudits());
    // a refusal on the screen says why and keeps nothing
    driver.get(base + "/eduadmin/scenarios.xhtml");
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='scenarioPackagesForm:package'] input[type=file]")))
        .sendKeys(zip.toString());
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("scenarioPackagesForm:messages"), "不比已导入的版本"));
    assertEquals(3, packageRows());
  }

  @Test
  @Order(7)
  void aWithdrawnVersionCannotBeStartedButItsAttemptsStayReadable() throws Exception {
    WebClient inmate = login("inmate1");
    String cards = inmate.get("/api/v1/readiness/scenarios").body();
    assertFalse(cards.contains(SCENARIO), cards);
    assertTrue(cards.contains("metro-ticket"), "other packages stay: " + cards);
    String steps =
        "{\"steps\":[{\"kind\":\"TOUCH\",\"element\":\"top-up\",\"elapsedMillis\":1000}]}";
    HttpResponse<String> play =
        inmate.postJson("/api/v1/readiness/scenarios/" + SCENARIO + "/play", steps);
    assertEquals(409, play.statusCode(), play.body());
    assertTrue(play.body().contains("撤回") && play.body().contains("withdrawn"), play.body());
    HttpResponse<String> finish =
        inmate.postJson("/api/v1/readiness/scenarios/" + SCENARIO + "/attempts", steps);
    assertEquals(409, finish.statusCode(), finish.body());
    // the attempt played from version 2 is still there, with its mistakes' words
    String mine = inmate.get("/api/v1/readiness/attempts/mine").body();
    assertTrue(mine.contains(SCENARIO) && mine.contains("退卡"), mine);
    String results = login("eduadmin1").get("/api/v1/readiness/results").body();
    assertTrue(results.contains(SCENARIO), results);

    String path = "/api/v1/readiness/scenario-packages/" + PACKAGE + "/";
    String body = "{\"reason\":\"" + REASON + "\"}";
    long rows = withdrawals();
    long audits = withdrawalAudits();
    assertEquals(403, inmate.postJson(path + "2/withdrawal", body).statusCode());
    assertEquals(403, login("teacher1").postJson(path + "2/withdrawal", body).statusCode());
    WebClient office = login("eduadmin1");
    HttpResponse<String> again = office.postJson(path + "3/withdrawal", body);
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> noReason = office.postJson(path + "2/withdrawal", "{\"reason\":\" \"}");
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertTrue(
        noReason.body().contains("撤回") && noReason.body().contains("reason"), noReason.body());
    assertEquals(404, office.postJson(path + "9/withdrawal", body).statusCode());
    assertEquals(rows, withdrawals());
    assertEquals(audits, withdrawalAudits());
    // the imports are untouched: a withdrawal only added its own row
    assertEquals(3, packageRows());

    // a newer version plays again
    HttpResponse<String> v4 = upload(office, pack(PACKAGE, 4, SCENARIO, 10));
    assertEquals(201, v4.statusCode(), v4.body());
    assertTrue(inmate.get("/api/v1/readiness/scenarios").body().contains(SCENARIO));
  }

  private static long withdrawals() throws Exception {
    return count(
        "SELECT COUNT(*) FROM scenario_package_withdrawal w JOIN scenario_package p"
            + " ON p.id = w.package_row WHERE p.package_id LIKE 'cn.it.%'");
  }

  private static long withdrawalAudits() throws Exception {
    return count(
        "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE '%readiness.scenarios.withdrawn%'");
  }
}
