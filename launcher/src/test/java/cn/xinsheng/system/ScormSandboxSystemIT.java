package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, finding 11: platform pages run no inline script and no eval (PrimeFaces in CSP mode,
 * the page's nonce), and the browser reports no violation of that policy on the key pages; SCORM
 * courseware runs in a sandboxed frame without an origin, under its own policy, and cannot act with
 * the inmate's session; its attempt's token works for that attempt only. Issue 17: a commit that
 * fails is shown to the learner and stored when it is sent again; third-party courseware gets the
 * shipped CJK font.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScormSandboxSystemIT {

  private static final String INMATE = "3301000001";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("courseware-isolation");
  private static final NoteKey PUBLISHER = NoteKey.generate("publisher.isolation-probe");
  private static final Pattern NONCE =
      Pattern.compile("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'");
  private static final String VIOLATIONS =
      "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
          + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

  private static String base;
  private static long lesson;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    WebClient office = login("eduadmin1");
    Files.createDirectories(WORK);
    Files.writeString(WORK.resolve("p.key"), PUBLISHER.privateKeyText());
    HttpResponse<String> trust =
        login("sysadmin1")
            .postJson(
                "/api/v1/lms/publishers",
                "{\"verifierKey\":\""
                    + PUBLISHER.verifierKey()
                    + "\",\"description\":\"隔离探针发布者\"}");
    assertTrue(trust.statusCode() == 201 || trust.statusCode() == 409, trust.body());
    Path out = WORK.resolve("probe.zip");
    LauncherProcess.Result r =
        LauncherProcess.run(
            "content",
            "pack",
            ScormSamples.isolationProbe(WORK).toString(),
            "--key",
            WORK.resolve("p.key").toString(),
            "--id",
            "cn.it.isolation.probe",
            "--title",
            "隔离探针",
            "--publisher",
            "探针发布者",
            "--programme",
            "IT-ISO",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.output());
    HttpResponse<String> imported =
        office.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/lms/packages"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(out))));
    assertEquals(201, imported.statusCode(), imported.body());
    assertEquals(
        201,
        office
            .postJson(
                "/api/v1/lms/cohorts",
                "{\"name\":\"隔离探针班\",\"programme\":\"IT-ISO\",\"teacher\":\"teacher1\",\"inmates\":[\""
                    + INMATE
                    + "\"]}")
            .statusCode());
    lesson =
        RunningPlatform.count(
            "SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = 'cn.it.isolation.probe'");
    driver = HeadlessChrome.open();
    // every document (frames too) records what the content security policy blocked
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATIONS));
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

  /** The lesson page's key for the learner's unsaved commit of the probe SCO, as {@code key}. */
  private static final String PENDING =
      "var key = 'xs-scorm-pending:' + document.getElementById('xs-lesson').getAttribute('data-learner')"
          + " + ':' + document.getElementById('xs-lesson').getAttribute('data-lesson') + ':item_1';";

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static long rows(String where) {
    try {
      return RunningPlatform.count(
          "SELECT COUNT(*) FROM scorm_track t JOIN inmate i ON i.id = t.inmate_id WHERE i.prisoner_number = '"
              + INMATE
              + "' AND t.lesson_id = "
              + lesson
              + " AND "
              + where);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void until(String what, Supplier<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 25_000;
    while (!condition.get()) {
      if (System.currentTimeMillis() >= deadline) {
        driver.switchTo().defaultContent();
        assertTrue(false, what + "\n" + js("return (window.xsScormLog || []).join('\\n')"));
      }
      Thread.sleep(300);
    }
  }

  /** What the policy blocked in the current document since it loaded. */
  private static List<?> violations() {
    Object v = js("return window.__csp || ['(listener missing)'];");
    return (List<?>) v;
  }

  /** Opens the probe lesson and switches into the SCO's frame once it ran its probes. */
  private static void launchProbe() {
    driver.switchTo().defaultContent();
    HeadlessChrome.login(driver, base, "inmate1");
    driver.get(base + "/learn/lesson.xhtml?id=" + lesson);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("xs-sco")));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .withMessage(() -> "the probe did not finish: " + driver.getPageSource())
        .until(d -> d.findElement(By.id("state")).getText().startsWith("probed:"));
  }

  // the platform's policy ----------------------------------------------------------------------

  @Test
  @Order(1)
  void staffAndInmatePagesAllowNoInlineScriptAndNoEval() {
    Map<String, String> pages =
        Map.of(
            "officer1", "/officer/home.xhtml",
            "inmate1", "/inmate/home.xhtml",
            "sysadmin1", "/admin/accounts.xhtml");
    for (Map.Entry<String, String> p : pages.entrySet()) {
      HttpResponse<String> r = login(p.getKey()).get(p.getValue());
      assertEquals(200, r.statusCode(), p.getValue());
      List<String> csp = r.headers().allValues("Content-Security-Policy");
      assertEquals(1, csp.size(), p.getValue() + ": one policy " + csp);
      String policy = csp.get(0);
      Matcher scriptSrc = Pattern.compile("script-src[^;]*").matcher(policy);
      assertTrue(scriptSrc.find(), policy);
      assertFalse(scriptSrc.group().contains("unsafe-inline"), policy);
      assertFalse(policy.contains("unsafe-eval"), policy);
      assertTrue(NONCE.matcher(policy).find(), p.getValue() + ": the page's nonce " + policy);
      assertTrue(
          policy.contains("default-src 'self'") && policy.contains("object-src 'none'"), policy);
      // every script element of the page carries the nonce or loads a file of the server
      Matcher m =
          Pattern.compile("<script(?![^>]*\\ssrc=)(?![^>]*\\snonce=)[^>]*>").matcher(r.body());
      assertFalse(m.find(), p.getValue() + ": an inline script without the nonce");
      assertFalse(
          Pattern.compile("\\son(click|change|keyup|load|submit|complete)=\"")
              .matcher(r.body())
              .find(),
          p.getValue() + ": an inline event handler");
    }
  }

  @Test
  @Order(2)
  void keyPagesRunWithoutAPolicyViolation() {
    driver.get(base + "/login.xhtml");
    assertEquals(List.of(), violations(), "login page");
    HeadlessChrome.login(driver, base, "sysadmin1");
    assertEquals(List.of(), violations(), "administrator's home");
    driver.get(base + "/admin/accounts.xhtml");
    // a PrimeFaces dialog opened by an Ajax button's oncomplete: the handler runs under the nonce
    driver.findElement(By.id("accountsForm:newAccount")).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-dialog")));
    assertEquals(List.of(), violations(), "accounts page and its dialog");
    driver.get(base + "/admin/home.xhtml");
    // the language switch is a Faces command link: its handler carries the nonce as well
    // wait for the old page to go before looking at the new one (the header exists on both)
    org.openqa.selenium.WebElement en = driver.findElement(By.cssSelector("a[id$=':en']"));
    en.click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.stalenessOf(en));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("xs-user-name")));
    assertEquals(List.of(), violations(), "after switching the language");
    org.openqa.selenium.WebElement zh = driver.findElement(By.cssSelector("a[id$=':zh']"));
    zh.click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.stalenessOf(zh));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("xs-user-name")));

    HeadlessChrome.login(driver, base, "officer1");
    assertEquals(List.of(), violations(), "officer's home");
    HeadlessChrome.login(driver, base, "inmate1");
    assertEquals(List.of(), violations(), "inmate's home");
    driver.get(base + "/inmate/ledger.xhtml");
    assertEquals(List.of(), violations(), "inmate's ledger");
    driver.get(base + "/learn/courses.xhtml");
    assertEquals(List.of(), violations(), "inmate's courses");
    launchProbe();
    driver.switchTo().defaultContent();
    assertEquals(List.of(), violations(), "lesson page with a SCO");
  }

  // courseware in its sandbox ------------------------------------------------------------------

  @Test
  @Order(3)
  void aScoCannotActWithTheInmatesSession() throws Exception {
    launchProbe();
    String probe = driver.findElement(By.id("probe")).getText();
    assertTrue(
        probe.contains("api:refused"), "the platform API with the inmate's session: " + probe);
    assertTrue(probe.contains("session:refused"), "the session endpoint: " + probe);
    assertTrue(probe.contains("cookie:refused") || probe.contains("cookie:empty"), probe);
    assertTrue(probe.contains("page:refused"), "the lesson page around the frame: " + probe);
    assertFalse(probe.contains("open"), probe);
    // the SCO's own API still works: it committed what it found, with its attempt's token
    until(
        "the probe's commit stored",
        () -> rows("t.suspend_data LIKE '%api:refused%' AND t.lesson_status = 'incomplete'") == 1);
    // the publisher's Chinese text gets the shipped font; the SCO's own image loads
    until(
        "the shipped font for the publisher's Chinese, and the SCO's own image, in the sandbox",
        () ->
            Boolean.TRUE.equals(
                js(
                    "return Array.from(document.fonts).some(function (f) {"
                        + " return f.family.replace(/\"/g, '') === 'Arial' && f.unicodeRange.indexOf('4E00') >= 0"
                        + " && f.status === 'loaded'; })"
                        + " && document.getElementById('pic').complete && document.getElementById('pic').naturalWidth > 0")));
    assertEquals("", driver.findElement(By.id("violations")).getText(), "courseware policy");
    driver.switchTo().defaultContent();
    String frame =
        String.valueOf(js("return document.getElementById('xs-sco').getAttribute('sandbox')"));
    assertTrue(frame.contains("allow-scripts") && !frame.contains("allow-same-origin"), frame);
  }

  @Test
  @Order(4)
  void theAttemptsTokenWorksForItsOwnAttemptOnly() throws Exception {
    launchProbe();
    driver.switchTo().defaultContent();
    String src = String.valueOf(js("return document.getElementById('xs-sco').getAttribute('src')"));
    Matcher m = Pattern.compile("/api/v1/courseware/([A-Za-z0-9_-]{43})/file/").matcher(src);
    assertTrue(m.find(), src);
    String token = m.group(1);
    String run = "/api/v1/courseware/" + token + "/run/";
    HttpClient anonymous = HttpClient.newHttpClient(); // no session cookie at all

    HttpResponse<String> launch =
        anonymous.send(
            HttpRequest.newBuilder(URI.create(base + src)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, launch.statusCode());
    String policy = launch.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(
        policy.startsWith("sandbox allow-scripts") && !policy.contains("allow-same-origin"),
        policy);
    assertTrue(
        launch.body().contains(run + "runtime.js") && launch.body().contains(run + "fonts.css"));
    assertEquals(1, launch.headers().allValues("Content-Security-Policy").size());

    // a commit with the token is stored for the attempt's learner and SCO, whatever the body names
    HttpResponse<String> ok =
        anonymous.send(
            HttpRequest.newBuilder(URI.create(base + run + "commit"))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .header("Origin", "null")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"values\":{\"cmi.core.lesson_location\":\"token-1\"},\"sco\":\"someone-else\",\"session\":\"tok\",\"seq\":1}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(1, rows("t.sco = 'item_1' AND t.lesson_location = 'token-1'"));
    assertEquals(0, rows("t.sco = 'someone-else'"));

    // a token that was never given, or another attempt's files by path: nothing
    String forged = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    for (String path :
        List.of(
            "/api/v1/courseware/" + forged + "/run/state.js",
            "/api/v1/courseware/" + forged + "/file/shared/launchpage.html",
            run.replace("/run/", "/file/") + "imsmanifest.xml.missing",
            "/api/v1/courseware/" + token + "/file/../../lms/me/courses")) {
      HttpResponse<String> r =
          anonymous.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " " + r.statusCode());
    }
    HttpResponse<String> refused =
        anonymous.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/courseware/" + forged + "/run/commit"))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"values\":{\"cmi.core.lesson_location\":\"forged\"},\"session\":\"f\",\"seq\":1}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, refused.statusCode(), refused.body());
    assertEquals(0, rows("t.lesson_location = 'forged'"));
    // the token is no session: the platform's API refuses it
    HttpResponse<String> api =
        anonymous.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/lms/lessons/" + lesson + "/scorm"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, api.statusCode());
  }

  // issue 17: a commit that fails ----------------------------------------------------------------

  @Test
  @Order(5)
  void aFailingCommitIsShownToTheLearnerAndStoredWhenSentAgain() throws Exception {
    launchProbe();
    // the platform's database refuses the SCO's commits for a while (the table is away)
    try (java.sql.Connection c = RunningPlatform.ownerConnection();
        java.sql.Statement sql = c.createStatement()) {
      sql.execute("RENAME TABLE scorm_track TO scorm_track_away");
      try {
        driver.findElement(By.id("score")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(d -> d.findElement(By.id("state")).getText().startsWith("scored:"));
        assertEquals(
            "scored:false", driver.findElement(By.id("state")).getText(), "LMSCommit told the SCO");
        driver.switchTo().defaultContent();
        HeadlessChrome.waiting(driver)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("xs-scorm-unsaved")));
        assertTrue(driver.findElement(By.id("xs-scorm-unsaved")).getText().contains("尚未保存"));
        assertNotNull(
            js(PENDING + "return window.localStorage.getItem(key)"),
            "the page keeps the unsaved commit");
        assertEquals(
            0,
            RunningPlatform.count(
                "SELECT COUNT(*) FROM scorm_track_away WHERE lesson_id = "
                    + lesson
                    + " AND score_raw = 77"));
      } finally {
        sql.execute("RENAME TABLE scorm_track_away TO scorm_track");
      }
    }
    until(
        "the commit sent again was stored",
        () -> rows("t.score_raw = 77 AND t.lesson_status = 'passed'") == 1);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("xs-scorm-unsaved")));
    assertEquals(
        null, js(PENDING + "return window.localStorage.getItem(key)"), "nothing left unsaved");
  }

  @Test
  @Order(6)
  void theAttemptsTokenEndsWithTheInmatesLogout() throws Exception {
    launchProbe();
    driver.switchTo().defaultContent();
    String src = String.valueOf(js("return document.getElementById('xs-sco').getAttribute('src')"));
    Matcher m = Pattern.compile("/api/v1/courseware/([A-Za-z0-9_-]{43})/file/").matcher(src);
    assertTrue(m.find(), src);
    URI state = URI.create(base + "/api/v1/courseware/" + m.group(1) + "/run/state.js");
    HttpClient anonymous = HttpClient.newHttpClient();
    assertEquals(
        200,
        anonymous
            .send(HttpRequest.newBuilder(state).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode());
    // the inmate logs out from the page, as at the terminal: the next person there finds the
    // courseware URL dead
    driver.findElement(By.id("logoutForm:logout")).click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/login.xhtml"));
    assertEquals(
        404,
        anonymous
            .send(HttpRequest.newBuilder(state).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode());
  }

  @Test
  @Order(7)
  void aCommitRefusedAfterTheLogoutIsShownKeptOnTheTerminalAndStoredAfterTheNextLogin()
      throws Exception {
    launchProbe();
    driver.switchTo().defaultContent();
    assertNotNull(
        js("return document.getElementById('xs-lesson').getAttribute('data-learner')"),
        "the unsaved commit is kept per learner");
    String lessonTab = driver.getWindowHandle();
    // the inmate logs out in another tab of the terminal while the SCO is open: the SCO's token
    // ends (ScormAttempts.endFor) and so does his session
    driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    driver.get(base + "/inmate/home.xhtml");
    driver.findElement(By.id("logoutForm:logout")).click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/login.xhtml"));
    driver.close();
    driver.switchTo().window(lessonTab);
    driver.switchTo().frame(driver.findElement(By.id("xs-sco")));
    js(
        "ScormProcessSetValue('cmi.core.score.raw', '64');"
            + " ScormProcessSetValue('cmi.core.lesson_location', 'after-logout');"
            + " show('state', 'kept:' + ScormProcessCommit());");
    assertEquals(
        "kept:false",
        driver.findElement(By.id("state")).getText(),
        "LMSCommit tells the SCO that nothing was saved");
    driver.switchTo().defaultContent();
    // the learner is told, in words, that he is logged out and where his record is
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("xs-scorm-loggedout")));
    assertTrue(
        driver.findElement(By.id("xs-scorm-loggedout")).getText().contains("重新登录"),
        driver.findElement(By.id("xs-scorm-loggedout")).getText());
    assertTrue(driver.findElement(By.id("xs-scorm-unsaved")).isDisplayed());
    String log = String.valueOf(js("return (window.xsScormLog || []).join('\\n')"));
    assertTrue(log.contains("answered 404"), "the token's commit was refused: " + log);
    assertTrue(log.contains("answered 401"), "then the session's: " + log);
    String kept = String.valueOf(js(PENDING + "return window.localStorage.getItem(key)"));
    assertTrue(
        kept.contains("after-logout") && kept.contains("64"),
        "the page keeps the refused commit: " + kept);
    assertEquals(0, rows("t.lesson_location = 'after-logout'"));

    // he logs in again at this terminal and opens the lesson: what was kept is sent first
    HeadlessChrome.login(driver, base, "inmate1");
    driver.get(base + "/learn/lesson.xhtml?id=" + lesson);
    until(
        "the kept commit stored after the next login",
        () -> rows("t.lesson_location = 'after-logout' AND t.score_raw = 64") == 1);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("xs-sco")));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.id("state")).getText().startsWith("probed:"));
    driver.switchTo().defaultContent();
    assertEquals(
        null, js(PENDING + "return window.localStorage.getItem(key)"), "nothing left unsaved");
    assertFalse(driver.findElement(By.id("xs-scorm-loggedout")).isDisplayed());
  }
}
