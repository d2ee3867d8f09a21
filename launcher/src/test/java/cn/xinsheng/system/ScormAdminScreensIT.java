package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17, item 8, on the screens in Chromium: the administrator trusts a publisher's key and
 * revokes it (its packages are refused from then on); the education office chooses the programme a
 * package goes into at import, and the cohorts of that programme are enrolled in the course added
 * later.
 */
class ScormAdminScreensIT {

  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("courseware-admin-screens");
  private static String base;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  /** Packs a look-alike package signed with {@code key}, into {@code programme} if not null. */
  private static Path pack(NoteKey key, String id, String programme) throws Exception {
    Path keyFile = WORK.resolve(id + ".key");
    Files.writeString(keyFile, key.privateKeyText());
    Path out = WORK.resolve(id + ".zip");
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "content",
                "pack",
                ScormSamples.minimumCalls(WORK).toString(),
                "--key",
                keyFile.toString(),
                "--id",
                id,
                "--title",
                "屏幕测试 " + id,
                "--publisher",
                "屏幕测试发布者",
                "--out",
                out.toString()));
    if (programme != null) {
      args.add("--programme");
      args.add(programme);
    }
    LauncherProcess.Result r = LauncherProcess.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.output());
    return out;
  }

  private static HttpResponse<String> importByApi(Path zip) throws Exception {
    return login("eduadmin1")
        .send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/lms/packages"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(zip))));
  }

  private static long count(String sql) {
    try {
      return RunningPlatform.count(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theAdministratorTrustsAndRevokesAPublisherKeyOnTheScreen() throws Exception {
    NoteKey key = NoteKey.generate("publisher.screen-test");
    HeadlessChrome.login(driver, base, "sysadmin1");
    driver.get(base + "/admin/publishers.xhtml");
    WebDriverWait wait = HeadlessChrome.waiting(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publishersForm:key")));
    driver.findElement(By.id("publishersForm:key")).sendKeys(key.verifierKey());
    driver.findElement(By.id("publishersForm:description")).sendKeys("屏幕上信任的发布者");
    driver.findElement(By.id("publishersForm:trust")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("publishersForm:publishers"), "屏幕上信任的发布者"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM publisher_key WHERE verifier_key = '" + key.verifierKey() + "'"));
    // a package signed by the key is taken now
    assertEquals(201, importByApi(pack(key, "cn.it.screen.trusted", null)).statusCode());

    WebElement row =
        driver.findElement(
            By.xpath(
                "//tbody[@id='publishersForm:publishers_data']/tr[.//code[contains(., '"
                    + key.verifierKey().substring(0, 30)
                    + "')]]"));
    row.findElement(By.cssSelector("input[id$=':reason']")).sendKeys("密钥外泄");
    row.findElement(By.cssSelector("button[id$=':revoke']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                count(
                        "SELECT COUNT(*) FROM publisher_key_revocation r JOIN publisher_key k ON k.id = r.key_id"
                            + " WHERE r.reason = '密钥外泄' AND k.verifier_key = '"
                            + key.verifierKey()
                            + "'")
                    == 1);
    WebElement after =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//tbody[@id='publishersForm:publishers_data']/tr[.//code[contains(., '"
                        + key.verifierKey().substring(0, 30)
                        + "')]]")));
    assertTrue(
        after.findElements(By.cssSelector("button[id$=':revoke']")).isEmpty(),
        "a revoked key offers no revocation");
    assertTrue(
        after.findElements(By.cssSelector("[id$=':revokedAt']")).size() == 1,
        "the revocation's time is shown");
    // its packages are refused from now on; the course already imported stays
    HttpResponse<String> refused = importByApi(pack(key, "cn.it.screen.revoked", null));
    assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.body());
    assertEquals(1, count("SELECT COUNT(*) FROM course WHERE code = 'cn.it.screen.trusted'"));
    assertEquals(0, count("SELECT COUNT(*) FROM course WHERE code = 'cn.it.screen.revoked'"));
  }

  @Test
  void theOfficeChoosesTheProgrammeAtImportAndItsCohortIsEnrolledInTheNewCourse() throws Exception {
    NoteKey key = NoteKey.generate("publisher.screen-programme");
    HttpResponse<String> trust =
        login("sysadmin1")
            .postJson(
                "/api/v1/lms/publishers",
                "{\"verifierKey\":\"" + key.verifierKey() + "\",\"description\":\"项目选择测试\"}");
    assertEquals(201, trust.statusCode(), trust.body());
    // a programme with a cohort, before the course that will join it exists
    assertEquals(201, importByApi(pack(key, "cn.it.screen.first", "IT-SCREEN")).statusCode());
    assertEquals(
        201,
        login("eduadmin1")
            .postJson(
                "/api/v1/lms/cohorts",
                "{\"name\":\"屏幕项目班\",\"programme\":\"IT-SCREEN\",\"teacher\":\"teacher1\",\"inmates\":[\"3301000002\"]}")
            .statusCode());
    // packed without a programme: on its own it would be a programme of its own
    Path later = pack(key, "cn.it.screen.later", null);

    HeadlessChrome.login(driver, base, "eduadmin1");
    driver.get(base + "/eduadmin/content.xhtml");
    WebDriverWait wait = HeadlessChrome.waiting(driver);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contentForm:importProgramme")));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "var w = PrimeFaces.getWidgetById('contentForm:importProgramme');"
                + " w.selectValue('IT-SCREEN'); w.triggerChange();");
    // the choice travels to the server with the menu's Ajax change before the upload
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .withMessage(
            () ->
                "programme not chosen; options: "
                    + ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                            "return Array.from(document.querySelectorAll('select option')).map(function (o) { return o.value + '=' + o.text; }).join(' | ')"))
        .until(
            d ->
                d.findElement(By.id("contentForm:importProgramme_label"))
                    .getText()
                    .contains("IT-SCREEN"));
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty();")));
    Thread.sleep(500);
    driver
        .findElement(By.cssSelector("[id='contentForm:package'] input[type=file]"))
        .sendKeys(later.toString());
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .withMessage("the package uploaded on the screen was not imported")
        .until(d -> count("SELECT COUNT(*) FROM course WHERE code = 'cn.it.screen.later'") == 1);
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM course c JOIN programme p ON p.id = c.programme_id"
                + " WHERE c.code = 'cn.it.screen.later' AND p.code = 'IT-SCREEN'"),
        "the course joined the programme chosen on the screen");
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM programme WHERE code = 'cn.it.screen.later'"),
        "no programme of its own");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM enrolment e JOIN inmate i ON i.id = e.inmate_id JOIN course c ON c.id = e.course_id"
                + " WHERE i.prisoner_number = '3301000002' AND c.code = 'cn.it.screen.later'"),
        "the programme's cohort is enrolled in the course added later");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("contentForm:packages"), "cn.it.screen.later"));
  }
}
