package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.NoteKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The SCORM conformance suite (issue 17): packages shaped like the public sample set ({@link
 * ScormSamples}: single-SCO basic calls, minimum calls, advanced calls, a 19-SCO package with
 * prerequisites, SCORM 2004 4th edition with sequencing) are packed with {@code bin/xinsheng
 * content pack}, imported, and played in headless Chromium by an enrolled inmate. For each: import,
 * launch, navigation, the commit at finish with no commit before it (sent by the run-time as a
 * text/plain beacon during unload), resume with entry=resume and the stored location, and the
 * stored score and status.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScormConformanceSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final String INMATE = "3301000001";
  private static String base;
  private static WebClient office;
  private static WebClient inmate;
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("scorm-conformance");
  private static final NoteKey PUBLISHER = NoteKey.generate("publisher.rustici-lookalike");
  private static final Map<String, Long> LESSONS = new java.util.HashMap<>();
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    office = login("eduadmin1");
    inmate = login("inmate1");
    Files.createDirectories(WORK);
    Files.writeString(WORK.resolve("p.key"), PUBLISHER.privateKeyText());
    HttpResponse<String> trust =
        login("sysadmin1")
            .postJson(
                "/api/v1/lms/publishers",
                "{\"verifierKey\":\""
                    + PUBLISHER.verifierKey()
                    + "\",\"description\":\"课件样例发布者\"}");
    assertTrue(trust.statusCode() == 201 || trust.statusCode() == 409, trust.body());
    importPackage(
        "basic", ScormSamples.golfBasicCalls(WORK), "com.scorm.golfsamples.runtime.basic.12");
    importPackage(
        "minimum", ScormSamples.minimumCalls(WORK), "com.scorm.golfsamples.runtime.minimum.12");
    importPackage(
        "advanced", ScormSamples.advancedCalls(WORK), "com.scorm.golfsamples.runtime.advanced.12");
    importPackage("multi", ScormSamples.multiSco(WORK), "com.scorm.golfsamples.multisco.12");
    importPackage(
        "2004", ScormSamples.scorm2004(WORK), "com.scorm.golfsamples.runtime.basic.20044th");
    importPackage(
        "2004nav",
        ScormSamples.scorm2004Navigation(WORK),
        "com.scorm.golfsamples.sequencing.nav.20044");
    assertEquals(
        201,
        office
            .postJson(
                "/api/v1/lms/cohorts",
                "{\"name\":\"课件样例班\",\"programme\":\"IT-CONF\",\"teacher\":\"teacher1\",\"inmates\":[\""
                    + INMATE
                    + "\"]}")
            .statusCode());
    driver = HeadlessChrome.open();
    HeadlessChrome.login(driver, base, "inmate1");
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

  private static void importPackage(String name, Path folder, String id) throws Exception {
    Path out = WORK.resolve(name + ".zip");
    LauncherProcess.Result r =
        LauncherProcess.run(
            "content",
            "pack",
            folder.toString(),
            "--key",
            WORK.resolve("p.key").toString(),
            "--id",
            id,
            "--title",
            "Golf Explained " + name,
            "--publisher",
            "样例发布者",
            "--programme",
            "IT-CONF",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.output());
    HttpResponse<String> imported =
        office.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/lms/packages"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(out))));
    assertEquals(201, imported.statusCode(), imported.body());
    LESSONS.put(
        name,
        RunningPlatform.count(
            "SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.code = '"
                + id
                + "'"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return (Map<String, Object>) CanonicalJson.parseLenient(r.body());
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static String scormLog() {
    try {
      driver.switchTo().defaultContent();
      return String.valueOf(js("return (window.xsScormLog || []).join('\\n')"));
    } catch (RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Opens a lesson (a SCO of it) and switches into the SCO's frame once it started. */
  private static void launch(String lesson, String sco) {
    driver.switchTo().defaultContent();
    driver.get(
        base
            + "/learn/lesson.xhtml?id="
            + LESSONS.get(lesson)
            + (sco == null ? "" : "&sco=" + sco));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .withMessage(
            () ->
                "the SCO was not loaded: "
                    + scormLog()
                    + "\n"
                    + driver.getCurrentUrl()
                    + "\n"
                    + String.valueOf(js("return document.body.innerText.substring(0, 1500)")))
        .until(
            d ->
                js(
                        "var f = document.getElementById('xs-sco'); return f && f.getAttribute('src') ? true : null;")
                    != null);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("xs-sco")));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .withMessage(() -> "the SCO did not start")
        .until(d -> !d.findElement(By.id("state")).getText().equals("loading"));
  }

  private static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** The learner leaves the lesson page: the SCO finishes in its unload handler. */
  private static void leave() {
    driver.switchTo().defaultContent();
    driver.get(base + "/learn/courses.xhtml");
  }

  private static void until(String what, Supplier<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!condition.get()) {
      if (System.currentTimeMillis() >= deadline) {
        String log = scormLog();
        String rows = String.valueOf(RunningPlatform.count("SELECT COUNT(*) FROM scorm_track"));
        assertTrue(false, what + " (tracking rows: " + rows + ")\n" + trackDump() + "\n" + log);
      }
      Thread.sleep(300);
    }
  }

  /** The newest tracking rows, every column: what was stored when a wait ran out. */
  private static String trackDump() {
    StringBuilder out = new StringBuilder();
    try (java.sql.Connection c = RunningPlatform.ownerConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT * FROM scorm_track LIMIT 6")) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        for (int k = 1; k <= md.getColumnCount(); k++) {
          out.append(md.getColumnLabel(k)).append('=').append(rs.getString(k)).append(' ');
        }
        out.append('\n');
      }
    } catch (java.sql.SQLException e) {
      out.append(e);
    }
    return out.toString();
  }

  private static long rows(String lesson, String where) {
    try {
      return RunningPlatform.count(
          "SELECT COUNT(*) FROM scorm_track t JOIN inmate i ON i.id = t.inmate_id WHERE i.prisoner_number = '"
              + INMATE
              + "' AND t.lesson_id = "
              + LESSONS.get(lesson)
              + " AND "
              + where);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void basicCallsFinishWithoutCommitInTheUnloadHandlerAndResumeWhereTheLearnerLeft()
      throws Exception {
    launch("basic", null);
    assertEquals("ab-initio", text("entry"));
    driver.findElement(By.id("next")).click();
    driver.findElement(By.id("next")).click();
    driver.findElement(By.id("next")).click();
    assertEquals("3", text("location"));
    Thread.sleep(1100); // a second of study, so the session time shows
    leave();
    until(
        "the commit sent at LMSFinish during unload was stored",
        () -> rows("basic", "t.lesson_location = '3' AND t.exit_mode = 'suspend'") == 1);
    assertEquals(1, rows("basic", "t.lesson_status = 'incomplete' AND t.suspend_data = '0,1,2,3'"));
    assertEquals(1, rows("basic", "t.total_seconds >= 1"));

    launch("basic", null);
    assertEquals("resume", text("entry"), "cmi.core.entry after a suspend");
    assertEquals("3", text("location"), "the stored lesson_location");
    assertFalse(text("total").startsWith("0000:00:00"), "total_time passed: " + text("total"));
    driver.findElement(By.id("next")).click();
    driver.findElement(By.id("quiz")).click();
    until(
        "the quiz's score and status stored",
        () -> rows("basic", "t.lesson_status = 'passed' AND t.score_raw = 87") == 1);
    assertEquals(1, rows("basic", "t.exit_mode = '' AND t.lesson_location = '4'"));
    Map<String, Object> data =
        object(inmate.get("/api/v1/lms/lessons/" + LESSONS.get("basic") + "/scorm"));
    assertEquals("", data.get("entry"), "left normally: no resume");
    assertEquals(
        1L,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM lesson_progress p JOIN inmate i ON i.id = p.inmate_id WHERE i.prisoner_number = '"
                + INMATE
                + "' AND p.lesson_id = "
                + LESSONS.get("basic")
                + " AND p.completed_at IS NOT NULL"));
    // the score and status wherever a grade is shown: the learner's course page, the teacher's
    // gradebook
    long course =
        RunningPlatform.count("SELECT course_id FROM lesson WHERE id = " + LESSONS.get("basic"));
    HttpResponse<String> page = inmate.get("/api/v1/lms/courses/" + course);
    assertTrue(page.body().contains("passed · 87%"), page.body());
    HttpResponse<String> book = login("teacher1").get("/api/v1/lms/gradebook/courses/" + course);
    assertEquals(200, book.statusCode(), book.body());
    assertTrue(book.body().contains("passed · 87%"), book.body());
    assertTrue(
        book.body().contains("\"grade\":87"),
        "the SCO's score is the course grade: " + book.body());
    // the export: numbers as numbers (a cell without a string type)
    Path xlsx = WORK.resolve("gradebook.xlsx");
    assertEquals(
        200,
        login("teacher1")
            .download("/api/v1/lms/gradebook/courses/" + course + "/export.xlsx", xlsx));
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(xlsx.toFile())) {
      String sheet =
          new String(
              z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Matcher grade =
          java.util.regex.Pattern.compile("<c r=\"D2\"([^>]*)>(.*?)</c>").matcher(sheet);
      assertTrue(grade.find(), sheet);
      assertFalse(
          grade.group(1).matches(".*t=\"(s|str|inlineStr)\".*"),
          "the grade is a number: " + grade.group());
      assertTrue(grade.group(2).contains("87"), grade.group());
      java.util.regex.Matcher credits =
          java.util.regex.Pattern.compile("<c r=\"G2\"([^>]*)>").matcher(sheet);
      assertTrue(
          credits.find() && !credits.group(1).matches(".*t=\"(s|str|inlineStr)\".*"),
          "credits as a number");
    }
    HeadlessChrome.shot(driver, "scorm-basic");
  }

  @Test
  @Order(2)
  void theCommitIsTakenAsTheBeaconSendsItOnceHoweverOftenItArrives() throws Exception {
    long lesson = LESSONS.get("minimum");
    String path = "/api/v1/lms/lessons/" + lesson + "/scorm";
    String commit =
        "{\"values\":{\"cmi.core.lesson_location\":\"b1\",\"cmi.core.session_time\":\"00:00:40\"},"
            + "\"sco\":\"\",\"session\":\"beacon-test\",\"seq\":1}";
    HttpResponse<String> beacon = inmate.postText(path, commit);
    assertEquals(
        200, beacon.statusCode(), "text/plain, as navigator.sendBeacon sends: " + beacon.body());
    int total = ((Number) object(inmate.get(path)).get("totalSeconds")).intValue();
    // the page's confirmation of the same commit, as JSON: kept once
    assertEquals(200, inmate.postJson(path, commit).statusCode());
    assertEquals(total, ((Number) object(inmate.get(path)).get("totalSeconds")).intValue());
    // the next commit of the session replaces the session's time instead of adding to it
    assertEquals(
        200,
        inmate
            .postJson(
                path, commit.replace("00:00:40", "00:01:00").replace("\"seq\":1", "\"seq\":2"))
            .statusCode());
    assertEquals(total + 20, ((Number) object(inmate.get(path)).get("totalSeconds")).intValue());
    HttpResponse<String> bad =
        inmate.postText(path, "{\"values\":{\"cmi.core.student_id\":\"x\"}}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("message_zh") && bad.body().contains("message_en"));
    assertEquals(400, inmate.postText(path, "not json").statusCode());
  }

  @Test
  @Order(3)
  void minimumCallsAreCompletedByTheLmsWithTheTimeMeasured() throws Exception {
    launch("minimum", null);
    Thread.sleep(1100);
    leave();
    until(
        "a SCO that only initialises and finishes is completed",
        () -> rows("minimum", "t.lesson_status = 'completed' AND t.sco = 'item_1'") == 1);
  }

  @Test
  @Order(4)
  void advancedCallsKeepObjectivesInteractionsPreferencesAndTheScoreOnItsRange() throws Exception {
    launch("advanced", null);
    assertEquals("ab-initio", text("entry"));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "committed"));
    assertEquals("committed:true:0", text("state"), ScormConformanceSystemIT::scormLog);
    until(
        "the commit half-way kept the objectives and interactions",
        () ->
            rows(
                    "advanced",
                    "t.kept_elements LIKE '%cmi.interactions.0.student_response%'"
                        + " AND t.kept_elements LIKE '%obj_etiquette%' AND t.kept_elements LIKE '%zh-CN%'")
                == 1);
    driver.findElement(By.id("done")).click();
    until(
        "passed with 9 of 10",
        () ->
            rows("advanced", "t.lesson_status = 'passed' AND t.score_raw = 9 AND t.score_max = 10")
                == 1);
    Map<String, Object> data =
        object(inmate.get("/api/v1/lms/lessons/" + LESSONS.get("advanced") + "/scorm"));
    assertTrue(String.valueOf(data.get("scorePercent")).startsWith("90"), data.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> restore = (Map<String, Object>) data.get("restore");
    assertEquals("80", restore.get("cmi.student_data.mastery_score"), "adlcp:masteryscore");
    assertEquals("mode=advanced", restore.get("cmi.launch_data"), "adlcp:datafromlms");
    assertEquals("obj_etiquette", restore.get("cmi.objectives.0.id"));
    leave();
  }

  @Test
  @Order(5)
  void multiScoShowsTheOrganisationHonoursPrerequisitesAndNavigatesBetweenScos() throws Exception {
    launch("multi", null);
    driver.switchTo().defaultContent();
    List<?> links = driver.findElements(By.cssSelector("#lessonForm\\:xs-toc a, .xs-sco-toc a"));
    assertEquals(18, links.size(), "18 SCOs open, the assessment locked");
    assertTrue(driver.findElement(By.cssSelector(".xs-sco-toc")).getText().contains("Etiquette"));
    assertTrue(driver.findElement(By.cssSelector(".xs-toc-locked")).getText().contains("测验"));
    until(
        "item_01 completed",
        () -> rows("multi", "t.sco = 'item_01' AND t.lesson_status = 'completed'") == 1);
    // the assessment is not launched before its prerequisites are met
    driver.get(base + "/learn/lesson.xhtml?id=" + LESSONS.get("multi") + "&sco=item_19");
    assertTrue(driver.findElements(By.id("xs-sco")).isEmpty(), "no frame for a locked SCO");
    assertFalse(driver.findElements(By.cssSelector(".xs-sco-locked")).isEmpty());
    // next SCO from the first
    launch("multi", "item_01");
    driver.switchTo().defaultContent();
    driver.findElement(By.id("lessonForm:nextSco")).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("xs-sco")));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "finished"));
    until(
        "item_02 completed",
        () -> rows("multi", "t.sco = 'item_02' AND t.lesson_status = 'completed'") == 1);
    launch("multi", "item_19");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "finished"));
    until(
        "the assessment passed",
        () ->
            rows("multi", "t.sco = 'item_19' AND t.lesson_status = 'passed' AND t.score_raw = 75")
                == 1);
    assertEquals(3, rows("multi", "TRUE"), "one row per SCO played");
    HeadlessChrome.shot(driver, "scorm-multi");
    leave();
  }

  @Test
  @Order(6)
  void scorm2004ThroughTheSameRuntimeTerminatesWithoutCommitAndResumes() throws Exception {
    launch("2004", null);
    assertEquals("ab-initio", text("entry"));
    driver.findElement(By.id("next")).click();
    leave();
    until(
        "the 2004 SCO's suspend stored",
        () ->
            rows(
                    "2004",
                    "t.lesson_location = 'p2' AND t.exit_mode = 'suspend' AND t.standard = '2004'")
                == 1);
    launch("2004", null);
    assertEquals("resume", text("entry"), "cmi.entry after a suspend");
    assertEquals("p2", text("location"));
    assertTrue(text("total").startsWith("PT"), text("total"));
    driver.findElement(By.id("quiz")).click();
    until(
        "completed and passed with the scaled score kept",
        () ->
            rows(
                    "2004",
                    "t.lesson_status = 'completed' AND t.success_status = 'passed' AND t.score_raw = 90"
                        + " AND t.kept_elements LIKE '%cmi.score.scaled%'")
                == 1);
    leave();
  }

  @Test
  @Order(7)
  void scorm2004NavigationRequestsMoveBetweenScos() throws Exception {
    launch("2004nav", "item_1");
    assertTrue(text("state").contains("sco1"));
    driver.findElement(By.id("continue")).click();
    driver.switchTo().defaultContent();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("sco=item_2"));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("xs-sco")));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "sco2"));
    driver.findElement(By.id("choose")).click();
    driver.switchTo().defaultContent();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("sco=item_1"));
    until(
        "both SCOs completed, each committed at Terminate",
        () -> rows("2004nav", "t.lesson_status = 'completed'") == 2);
    leave();
  }

  /** Opens a lesson, once its SCO's frame has its address (the page sets it after a moment). */
  private static void openFrame(String lesson) {
    driver.switchTo().defaultContent();
    driver.get(base + "/learn/lesson.xhtml?id=" + LESSONS.get(lesson));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                js(
                        "var f = document.getElementById('xs-sco'); return f && f.getAttribute('src') ? true : null;")
                    != null);
  }

  /**
   * Goes from the page down through the frames named until the condition holds in the last one,
   * entering them afresh each time (a frame may still be loading, or be navigated by the SCO); if
   * it never holds, says what each frame on the way holds.
   */
  private static void inFrames(
      String what, java.util.function.Predicate<WebDriver> condition, By... frames)
      throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    RuntimeException last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        driver.switchTo().defaultContent();
        for (By f : frames) {
          driver.switchTo().frame(driver.findElement(f));
        }
        if (condition.test(driver)) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(300);
    }
    // what each frame on the way holds, to tell a frame that did not load from one not followed
    StringBuilder seen = new StringBuilder();
    try {
      driver.switchTo().defaultContent();
      for (By f : frames) {
        driver.switchTo().frame(driver.findElement(f));
        seen.append("\n")
            .append(f)
            .append(": ")
            .append(
                js(
                    "return location.href + ' ' + document.readyState + ' '"
                        + " + document.documentElement.outerHTML.substring(0, 400)"));
      }
    } catch (RuntimeException e) {
      seen.append("\n(").append(e.getClass().getSimpleName()).append(")");
    }
    assertTrue(false, what + ": " + last + seen + "\n" + scormLog());
  }

  private static final By SCO = By.id("xs-sco");

  /** The content frame of the frameset SCO, once its page shows {@code state}. */
  private static void intoContentFrame(String state) throws Exception {
    inFrames(
        "the content frame reached " + state,
        d -> d.findElement(By.id("state")).getText().startsWith(state),
        SCO,
        By.name("content"));
  }

  @Test
  @Order(8)
  void aScoInAFramesetFindsTheApiWithTheAdlAlgorithmAndResumes() throws Exception {
    importPackage("frames12", ScormSamples.framesetSco12(WORK), "com.example.frameset.12");
    openFrame("frames12");
    // a page of the frameset, not the launch file, is served with the run-time as well
    String launchUrl = String.valueOf(js("return document.getElementById('xs-sco').src"));
    HttpResponse<String> inner =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(launchUrl.replace("index.html", "content.html")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, inner.statusCode(), inner.headers().map() + " " + inner.body());
    assertTrue(
        inner.body().contains("/run/runtime.js") && inner.body().contains("/run/state.js"),
        inner.body());
    intoContentFrame("ready:page1");
    assertEquals("ab-initio", text("entry"));
    // item 9: a frame of the SCO shows its Chinese in the shipped font (no CJK system font here),
    // under the family the publisher named, and its SVG's Chinese comes as outlines
    inFrames(
        "the shipped font in the SCO's navigation frame",
        d ->
            Boolean.TRUE.equals(
                js(
                    "return Array.from(document.fonts).some(function (f) {"
                        + " return f.family.replace(/\"/g, '') === 'Microsoft YaHei'"
                        + " && f.unicodeRange.indexOf('4E00') >= 0 && f.status === 'loaded'; })"
                        + " && document.getElementById('title').naturalWidth > 0")),
        SCO,
        By.name("nav"));
    String svgUrl = String.valueOf(js("return document.getElementById('title').src"));
    HttpResponse<String> svg =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(svgUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, svg.statusCode(), svgUrl);
    assertFalse(svg.body().contains("<text"), "the SVG's words drawn as outlines: " + svg.body());
    assertTrue(svg.body().contains("<path"), svg.body());
    // the navigation frame moves its sibling through parent.frames['content']
    driver.findElement(By.id("next")).click();
    intoContentFrame("ready:page2");
    Thread.sleep(1100); // a second of study, so the session time shows
    leave();
    until(
        "the content frame's LMSFinish at unload stored",
        () ->
            rows(
                    "frames12",
                    "t.lesson_location = 'page2' AND t.exit_mode = 'suspend'"
                        + " AND t.suspend_data = 'seen:2' AND t.lesson_status = 'incomplete'"
                        + " AND t.total_seconds >= 1")
                == 1);
    openFrame("frames12");
    intoContentFrame("ready:page1");
    assertEquals("resume", text("entry"), "cmi.core.entry after a suspend");
    assertEquals("page2", text("location"), "the stored lesson_location");
    driver.findElement(By.id("score")).click();
    assertEquals("finished:true", text("state"));
    until(
        "the score and status set in the content frame stored",
        () -> rows("frames12", "t.lesson_status = 'passed' AND t.score_raw = 91") == 1);
    leave();
  }

  @Test
  @Order(9)
  void aScoOpenedInAPopupIsKeptInThePageAndItsTerminateWithoutCommitIsStored() throws Exception {
    importPackage("popup2004", ScormSamples.popupSco2004(WORK), "com.example.popup.20044");
    java.util.Set<String> windows = driver.getWindowHandles();
    openFrame("popup2004");
    By popup = By.cssSelector("iframe[data-xs-popup]");
    inFrames("the launch page", d -> text("state").equals("launcher"), SCO);
    driver.findElement(By.id("open")).click();
    assertEquals("opened", text("state"), "window.open gave the launch page a window");
    assertEquals(windows, driver.getWindowHandles(), "no new tab or window in the kiosk");
    inFrames("the popup's SCO ready", d -> text("state").equals("ready"), SCO, popup);
    assertEquals("ab-initio", text("entry"));
    driver.findElement(By.id("suspend")).click();
    // the popup asked to be closed: the page that opened it takes it away
    inFrames("the popup closed", d -> d.findElements(popup).isEmpty(), SCO);
    until(
        "the popup's Terminate (no Commit) stored",
        () ->
            rows(
                    "popup2004",
                    "t.lesson_location = 'q2' AND t.exit_mode = 'suspend' AND t.standard = '2004'"
                        + " AND t.suspend_data = 'answered:1' AND t.lesson_status = 'incomplete'")
                == 1);
    leave();

    openFrame("popup2004");
    inFrames("the launch page", d -> text("state").equals("launcher"), SCO);
    driver.findElement(By.id("open")).click();
    inFrames("the popup's SCO ready again", d -> text("state").equals("ready"), SCO, popup);
    assertEquals("resume", text("entry"), "cmi.entry after a suspend");
    assertEquals("q2", text("location"));
    driver.findElement(By.id("finish")).click();
    until(
        "completed and passed, with the score and the session time reported",
        () ->
            rows(
                    "popup2004",
                    "t.lesson_status = 'completed' AND t.success_status = 'passed' AND t.score_raw = 80"
                        + " AND t.total_seconds >= 65")
                == 1);
    assertEquals(windows, driver.getWindowHandles(), "still one window");
    leave();
  }

  @Test
  @Order(10)
  void aGolfSequencingSampleWithOneCommonLaunchPageKeepsEachScosStatusScoreLocationAndTime()
      throws Exception {
    importPackage(
        "seq2004",
        ScormSamples.golfSequencing2004(WORK),
        "com.scorm.golfsamples.sequencing.forcedsequential.20044th");
    launch("seq2004", "playing_item");
    assertEquals("started:playing", text("state"));
    assertEquals("ab-initio", text("entry"));
    driver.findElement(By.id("next")).click();
    assertEquals("1", text("location"));
    Thread.sleep(1100); // a second of study, so the session time shows
    leave();
    until(
        "the first SCO's Terminate at unload (no Commit) stored",
        () ->
            rows(
                    "seq2004",
                    "t.sco = 'playing_item' AND t.lesson_location = '1' AND t.exit_mode = 'suspend'"
                        + " AND t.lesson_status = 'incomplete' AND t.standard = '2004' AND t.total_seconds >= 1")
                == 1);
    launch("seq2004", "playing_item");
    assertEquals("resume", text("entry"), "cmi.entry after a suspend");
    assertEquals("1", text("location"), "the stored cmi.location");
    assertTrue(text("total").startsWith("PT"), text("total"));
    driver.findElement(By.id("next")).click();
    assertEquals("2", text("location"));
    leave();
    until(
        "the first SCO completed at its last page",
        () ->
            rows(
                    "seq2004",
                    "t.sco = 'playing_item' AND t.lesson_status = 'completed' AND t.lesson_location = '2'")
                == 1);
    launch("seq2004", "assessment_item");
    assertEquals("started:assessment", text("state"));
    // the organisation's three SCOs, each the one common launch page with its module; the
    // first one done (the manifest's sequencing rules are not enforced: docs/courseware.md)
    driver.switchTo().defaultContent();
    assertEquals(3, driver.findElements(By.cssSelector(".xs-sco-toc a.xs-toc-item")).size());
    assertEquals(1, driver.findElements(By.cssSelector(".xs-sco-toc .xs-toc-done")).size());
    driver.switchTo().frame(driver.findElement(By.id("xs-sco")));
    inFrames(
        "the quiz page in the content frame",
        d -> !d.findElements(By.id("submit")).isEmpty(),
        SCO,
        By.id("contentFrame"));
    driver.findElement(By.id("submit")).click();
    driver.switchTo().parentFrame();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "recorded:80"));
    leave();
    until(
        "the test's score from parent.RecordTest stored at Terminate",
        () ->
            rows(
                    "seq2004",
                    "t.sco = 'assessment_item' AND t.success_status = 'passed' AND t.lesson_status = 'completed'"
                        + " AND t.score_raw = 80 AND t.kept_elements LIKE '%cmi.score.scaled%'")
                == 1);
    assertEquals(0, rows("seq2004", "t.sco = 'etiquette_item'"), "a SCO not opened has no row");
  }

  @Test
  @Order(11)
  void aNewVersionIsANewUrlSeenAtOnceAndEachUrlIsCachedLong() throws Exception {
    long lesson = LESSONS.get("minimum");
    String v1 = "/api/v1/lms/lessons/" + lesson + "/v1/file/scorm/shared/launchpage.html";
    HttpResponse<String> first = inmate.get(v1);
    assertEquals(200, first.statusCode(), v1 + " " + first.body());
    assertTrue(
        first.headers().firstValue("Cache-Control").orElse("").contains("immutable"),
        first.headers().map().toString());
    HttpResponse<String> plain =
        inmate.get("/api/v1/lms/lessons/" + lesson + "/file/scorm/shared/launchpage.html");
    assertEquals("private, no-cache", plain.headers().firstValue("Cache-Control").orElse(""));
    // version 2 of the same package
    Path v2 = ScormSamples.minimumCalls(WORK);
    Files.writeString(
        v2.resolve("shared/launchpage.html"),
        Files.readString(v2.resolve("shared/launchpage.html")).replace("Minimum Calls", "第二版"));
    Path out = WORK.resolve("minimum-v2.zip");
    LauncherProcess.Result r =
        LauncherProcess.run(
            "content",
            "pack",
            v2.toString(),
            "--key",
            WORK.resolve("p.key").toString(),
            "--id",
            "com.scorm.golfsamples.runtime.minimum.12",
            "--version",
            "2",
            "--title",
            "Golf Explained minimum",
            "--publisher",
            "样例发布者",
            "--programme",
            "IT-CONF",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.output());
    HttpResponse<String> imported =
        office.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/lms/packages"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(out))));
    assertEquals(201, imported.statusCode(), imported.body());
    assertEquals(404, inmate.get(v1).statusCode(), "the old version's URL is gone");
    HttpResponse<String> second =
        inmate.get("/api/v1/lms/lessons/" + lesson + "/v2/file/scorm/shared/launchpage.html");
    assertEquals(200, second.statusCode());
    assertTrue(second.body().contains("第二版"), "the new version at once");
    launch("minimum", null);
    assertTrue(
        driver.findElement(By.tagName("h1")).getText().contains("第二版"),
        "the lesson page launches version 2");
    driver.switchTo().defaultContent();
    // issue 14, finding 11: the frame loads the SCO under a new attempt's token, a new URL each
    // time the page is opened
    assertTrue(
        String.valueOf(js("return document.getElementById('xs-sco').getAttribute('src')"))
            .contains("/api/v1/courseware/"),
        "the SCO runs from the courseware path");
    leave();
  }

  @Test
  @Order(12)
  void linkTargetsOfAFramesetStayInTheScosFrameAndNoTabOpens() throws Exception {
    importPackage("targets12", ScormSamples.linkTargets12(WORK), "com.example.targets.12");
    java.util.Set<String> windows = driver.getWindowHandles();
    openFrame("targets12");
    String lesson = driver.getCurrentUrl();
    By inner = By.name("inner");
    By nav = By.name("nav");
    By popup = By.cssSelector("iframe[data-xs-popup]");
    intoContentFrame("ready:page1");
    // "_parent" from the inner frame: the content frame goes to its next page
    inFrames("the inner frame", d -> text("state").equals("inner"), SCO, By.name("content"), inner);
    driver.findElement(By.id("next")).click();
    intoContentFrame("ready:page2");
    // "_blank" from the navigation frame: a popup kept in the page, no tab of the kiosk browser
    inFrames("the navigation frame", d -> text("state").equals("nav"), SCO, nav);
    driver.findElement(By.id("help")).click();
    inFrames("the help page in the page", d -> text("state").equals("help"), SCO, nav, popup);
    assertEquals(windows, driver.getWindowHandles(), "no new tab or window in the kiosk");
    driver.findElement(By.id("close")).click();
    inFrames("the help page closed", d -> d.findElements(popup).isEmpty(), SCO, nav);
    // "_parent" from the navigation frame: the frameset, the SCO's own window, shows the end
    driver.findElement(By.id("end")).click();
    inFrames("the end page through _parent", d -> text("state").equals("end:parent"), SCO);
    until(
        "the content frame's LMSFinish as the frameset left",
        () -> rows("targets12", "t.lesson_location = 'page2' AND t.exit_mode = 'suspend'") == 1);
    // "_top" from the SCO's own window is that window, not the lesson page around it
    driver.findElement(By.id("again")).click();
    intoContentFrame("ready:page1");
    // "_top" from two frames down reaches the SCO's window too
    inFrames(
        "the inner frame again",
        d -> text("state").equals("inner"),
        SCO,
        By.name("content"),
        inner);
    driver.findElement(By.id("leave")).click();
    inFrames("the end page through _top", d -> text("state").equals("end:top"), SCO);
    driver.switchTo().defaultContent();
    assertEquals(lesson, driver.getCurrentUrl(), "the lesson page stayed");
    assertEquals(windows, driver.getWindowHandles(), "still one window");
    leave();
  }

  @Test
  @Order(13)
  void aScorm2004ScoThatSetsNoStatusStaysIncompleteWhenSuspendedAndCompletesWhenLeft()
      throws Exception {
    importPackage(
        "statusless2004", ScormSamples.statuslessSco2004(WORK), "com.example.statusless.20044");
    openFrame("statusless2004");
    inFrames("the SCO ready", d -> text("state").equals("ready"), SCO);
    driver.findElement(By.id("suspend")).click();
    assertEquals("terminated:true", text("state"));
    leave();
    until(
        "the suspended attempt stored without a completion (SN UP.4)",
        () ->
            rows(
                    "statusless2004",
                    "t.lesson_location = 'p3' AND t.exit_mode = 'suspend' AND t.standard = '2004'"
                        + " AND t.lesson_status <> 'completed'")
                == 1);
    openFrame("statusless2004");
    inFrames("the SCO ready again", d -> text("state").equals("ready"), SCO);
    assertEquals("resume", text("entry"), "cmi.entry after a suspend");
    assertEquals("p3", text("location"));
    driver.findElement(By.id("leave")).click();
    assertEquals("terminated:true", text("state"));
    leave();
    until(
        "left normally without a status: completed by the LMS (SN UP.4)",
        () -> rows("statusless2004", "t.lesson_status = 'completed'") == 1);
  }

  @Test
  @Order(14)
  void aCourseAddedLaterReachesTheCohortAndARevokedKeySignsNothingMore() throws Exception {
    importPackage("late", ScormSamples.minimumCalls(WORK), "com.scorm.golfsamples.added.later");
    assertEquals(
        1L,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM enrolment e JOIN inmate i ON i.id = e.inmate_id JOIN course c ON c.id = e.course_id"
                + " WHERE i.prisoner_number = '"
                + INMATE
                + "' AND c.code = 'com.scorm.golfsamples.added.later'"),
        "the cohort's member is enrolled in a course its programme got later");
    WebClient admin = login("sysadmin1");
    long key =
        RunningPlatform.count(
            "SELECT id FROM publisher_key WHERE verifier_key = '" + PUBLISHER.verifierKey() + "'");
    assertEquals(
        400,
        admin
            .postJson("/api/v1/lms/publishers/" + key + "/revocation", "{\"reason\":\"  \"}")
            .statusCode());
    HttpResponse<String> revoked =
        admin.postJson(
            "/api/v1/lms/publishers/" + key + "/revocation", "{\"reason\":\"密钥遗失 / key lost\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertTrue(revoked.body().contains("revokedAt"), revoked.body());
    Path out = WORK.resolve("after-revocation.zip");
    LauncherProcess.Result r =
        LauncherProcess.run(
            "content",
            "pack",
            ScormSamples.minimumCalls(WORK).toString(),
            "--key",
            WORK.resolve("p.key").toString(),
            "--id",
            "com.scorm.golfsamples.after.revocation",
            "--title",
            "x",
            "--publisher",
            "x",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.output());
    HttpResponse<String> refused =
        office.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/lms/packages"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(out))));
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("content.error.untrusted"), refused.body());
    assertEquals(
        0L,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM course WHERE code = 'com.scorm.golfsamples.after.revocation'"));
  }
}
