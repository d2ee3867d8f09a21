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
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17, item 1 ("tracking that cannot be lost"), the fallback after a lost SCO token: the SCO's
 * attempt token runs out (a school day, {@code ScormAttempts.LIFETIME}; here the platform's pinned
 * clock moves past it) while the lesson is open. The SCO's commit by the token is answered 404; the
 * frame tells the lesson page, which sends the same commit with the inmate's session, and the score
 * and status are stored.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class ScormTokenFallbackIT {

  private static final String INMATE = "3301000003";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("courseware-fallback");
  private static final NoteKey PUBLISHER = NoteKey.generate("publisher.fallback-probe");

  private static String base;
  private static long lesson;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    Files.writeString(WORK.resolve("p.key"), PUBLISHER.privateKeyText());
    HttpResponse<String> trust =
        login("sysadmin1")
            .postJson(
                "/api/v1/lms/publishers",
                "{\"verifierKey\":\""
                    + PUBLISHER.verifierKey()
                    + "\",\"description\":\"令牌回退探针发布者\"}");
    assertTrue(trust.statusCode() == 201 || trust.statusCode() == 409, trust.body());
    Path out = WORK.resolve("fallback.zip");
    LauncherProcess.Result r =
        LauncherProcess.run(
            "content",
            "pack",
            ScormSamples.isolationProbe(WORK).toString(),
            "--key",
            WORK.resolve("p.key").toString(),
            "--id",
            "cn.it.token.fallback",
            "--title",
            "令牌回退探针",
            "--publisher",
            "探针发布者",
            "--programme",
            "IT-FALLBACK",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.output());
    WebClient office = login("eduadmin1");
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
                "{\"name\":\"令牌回退探针班\",\"programme\":\"IT-FALLBACK\",\"teacher\":\"teacher1\","
                    + "\"inmates\":[\""
                    + INMATE
                    + "\"]}")
            .statusCode());
    lesson =
        RunningPlatform.count(
            "SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id"
                + " WHERE c.code = 'cn.it.token.fallback'");
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

  private static long rows(String where) {
    try {
      return RunningPlatform.count(
          "SELECT COUNT(*) FROM scorm_track t JOIN inmate i ON i.id = t.inmate_id"
              + " WHERE i.prisoner_number = '"
              + INMATE
              + "' AND t.lesson_id = "
              + lesson
              + " AND "
              + where);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  @Test
  void aCommitAfterTheTokenRanOutIsSentWithTheSessionAndStored() throws Exception {
    HeadlessChrome.login(driver, base, "inmate" + Integer.parseInt(INMATE.substring(4)));
    driver.get(base + "/learn/lesson.xhtml?id=" + lesson);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("xs-sco")));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.id("state")).getText().startsWith("probed:"));
    assertEquals(0, rows("t.score_raw = 77"));

    Instant original = RunningPlatform.time().instant();
    try {
      // the school day is over: the attempt's token no longer works
      RunningPlatform.pin(original.plus(Duration.ofHours(13)));
      driver.findElement(By.id("score")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> d.findElement(By.id("state")).getText().startsWith("scored:"));
      driver.switchTo().defaultContent();
      long deadline = System.currentTimeMillis() + 30_000;
      while (rows("t.score_raw = 77 AND t.lesson_status = 'passed'") != 1
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(300);
      }
      String log = String.valueOf(js("return (window.xsScormLog || []).join('\\n')"));
      assertEquals(
          1,
          rows("t.score_raw = 77 AND t.lesson_status = 'passed'"),
          "the commit was stored through the session: " + log);
      assertTrue(log.contains("404"), "the token's commit was refused first: " + log);
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("xs-scorm-unsaved")));
      assertEquals(
          null,
          js("return window.localStorage.getItem('xs-scorm-pending:" + lesson + ":item_1')"),
          "nothing is left unsaved");
    } finally {
      RunningPlatform.pin(original);
    }
  }
}
