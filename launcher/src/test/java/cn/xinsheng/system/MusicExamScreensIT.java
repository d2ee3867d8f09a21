package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19's screens in Chromium, each opened by every role that has it and every action clicked
 * once: the board opens a session, registers, places, uploads a performance, seats an examiner and
 * publishes; an examiner marks; an officer records a pass in the ledger; readers check a
 * certificate and read results and statistics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class MusicExamScreensIT {

  private static final String PASSWORD = "demo123!";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("music-exam-screens");
  private static String base;
  private static WebDriver driver;
  private static WebClient board;
  private static String pA;
  private static String pB;
  private static long session;
  private static long candA;
  private static long candB;
  private static long candDone;
  private static long candOther;
  private static String code;
  private static Path wavFile;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    board = login("eduadmin1");
    WebClient ex1 = login("examiner1");
    WebClient ex2 = login("examiner2");
    // inmates of section 12 (officer1's) that the other exam test does not use
    pA = first("SELECT prisoner_number FROM inmate WHERE section_id = 12 ORDER BY id DESC LIMIT 1");
    pB =
        first(
            "SELECT prisoner_number FROM inmate WHERE section_id = 12 ORDER BY id DESC LIMIT 1 OFFSET 1");
    String pDone =
        first(
            "SELECT prisoner_number FROM inmate WHERE section_id = 12 ORDER BY id DESC LIMIT 1 OFFSET 2");
    byte[] wav =
        WavWriter.pcm16(
            TakeSynthesizer.play(
                    Jianpu.parse("key: 1=G\ntempo: 80\n5 3 2 1 | 2 - - - |"),
                    Tuning.STANDARD,
                    TakeSynthesizer.Playing.clean(22050, Tone.BOWED))
                .audio());
    wavFile = WORK.resolve("performance.wav");
    Files.write(wavFile, wav);
    HttpResponse<String> s =
        board.postJson(
            "/api/v1/music/exams/sessions",
            "{\"date\":\"2026-11-27\",\"room\":\"文化活动中心\",\"instrument\":\"GUZHENG\",\"level\":1}");
    assertEquals(201, s.statusCode(), s.body());
    session = id(s);
    candA = register(pA);
    candB = register(pB);
    candDone = register(pDone);
    // a candidate whose panel examiner1 is not on
    candOther =
        register(
            first(
                "SELECT prisoner_number FROM inmate WHERE section_id = 12 ORDER BY id DESC LIMIT 1 OFFSET 3"));
    seat(candOther, "examiner2");
    for (long c : new long[] {candA, candDone}) {
      seat(c, "examiner1");
      seat(c, "examiner2");
      HttpResponse<String> up =
          board.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/api/v1/music/exams/candidates/" + c + "/performance"))
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(wav)));
      assertEquals(201, up.statusCode(), up.body());
    }
    String marks =
        "{\"marks\":{\"INTONATION\":17,\"RHYTHM\":18,\"TECHNIQUE\":16,\"EXPRESSION\":17,\"COMPLETENESS\":19}}";
    assertEquals(201, ex1.postJson("/api/v1/music/exams/marks/" + candDone, marks).statusCode());
    assertEquals(201, ex2.postJson("/api/v1/music/exams/marks/" + candDone, marks).statusCode());
    HttpResponse<String> pub = board.postJson("/api/v1/music/exams/publications/" + candDone, "{}");
    assertEquals(201, pub.statusCode(), pub.body());
    code = (String) object(pub).get("certificateCode");
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static long register(String number) {
    HttpResponse<String> r =
        board.postJson(
            "/api/v1/music/exams/registrations",
            "{\"session\":" + session + ",\"prisonerNumber\":\"" + number + "\"}");
    assertEquals(201, r.statusCode(), r.body());
    return id(r);
  }

  private static void seat(long candidate, String examiner) {
    HttpResponse<String> r =
        board.postJson(
            "/api/v1/music/exams/panel/" + candidate, "{\"examiner\":\"" + examiner + "\"}");
    assertEquals(201, r.statusCode(), r.body());
  }

  private static long id(HttpResponse<String> r) {
    return ((Number) object(r).get("id")).longValue();
  }

  private static String first(String sql) throws Exception {
    try (var c = RunningPlatform.ownerConnection();
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parseLenient(r.body());
  }

  private static void open(String user, String page, String waitFor) {
    HeadlessChrome.login(driver, base, user);
    driver.get(base + page);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id(waitFor)));
  }

  private static void type(String id, String value) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  /** Clicks and waits until the form's messages say something containing {@code expected}. */
  private static void clickAndExpect(String button, String messages, String expected) {
    driver.findElement(By.id(button)).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(messages), expected));
  }

  @Test
  @Order(1)
  void theBoardOpensASessionRegistersAndPlaces() throws Exception {
    open("eduadmin1", "/music/exams.xhtml", "examsForm:candidates");
    assertTrue(driver.findElement(By.id("examsForm:candidates")).getText().contains(pA));
    type("examsForm:date", "2026-12-30");
    type("examsForm:room", "教学楼二楼");
    clickAndExpect("examsForm:createSession", "examsForm:messages", "考场已开设");
    type("examsForm:number", "0000000000");
    clickAndExpect("examsForm:register", "examsForm:messages", "没有这个服刑人员");
    type("examsForm:placeNumber", pB);
    type("examsForm:reason", "试奏达到该级水平");
    clickAndExpect("examsForm:place", "examsForm:messages", "定级决定已记录");
    HeadlessChrome.shot(driver, "music-exams-board");
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM music_placement p JOIN inmate i ON i.id = p.inmate_id WHERE i.prisoner_number = '"
                + pB
                + "'"));
  }

  @Test
  @Order(2)
  void theBoardRecordsAPerformanceSeatsAndTriesToPublish() throws Exception {
    open("eduadmin1", "/music/candidate.xhtml?id=" + candB, "candidateForm:messages");
    // evidence first: the upload
    WebElement file = driver.findElement(By.cssSelector("input[type='file']"));
    file.sendKeys(wavFile.toAbsolutePath().toString());
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("candidateForm:messages"), "演奏录音已记录为证据"));
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM music_performance WHERE candidate_id = " + candB));
    clickAndExpect("candidateForm:assign", "candidateForm:messages", "已安排为第 1 位评委");
    clickAndExpect("candidateForm:publish", "candidateForm:messages", "不能公布");
    HeadlessChrome.shot(driver, "music-candidate-board");
  }

  @Test
  @Order(3)
  void anExaminerMarksOnTheScreenAndSeesOnlyHisCandidates() throws Exception {
    open("examiner1", "/music/exams.xhtml", "examsForm:candidates");
    String list = driver.findElement(By.id("examsForm:candidates")).getText();
    assertTrue(list.contains(pA), list);
    driver.get(base + "/music/candidate.xhtml?id=" + candA);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("candidateForm:mark")));
    // the performance's pitch and tempo charts on the marking screen (item 3), and its take's page
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(90))
        .until(ExpectedConditions.attributeToBe(By.id("xs-music-analysis"), "data-drawn", "true"));
    for (String chart : List.of("xs-music-pitch", "xs-music-cents", "xs-music-tempo")) {
      assertTrue(driver.findElement(By.cssSelector("#" + chart + " svg")).isDisplayed(), chart);
    }
    // a performance has no syllabus item: the summary says why there is no marked tempo instead of
    // a row of dashes, and the tempo chart plots the onset intervals
    String summary = driver.findElement(By.id("xs-music-summary")).getText();
    assertTrue(summary.contains("没有关联曲目"), summary);
    assertFalse(summary.contains("—"), summary);
    assertFalse(
        driver.findElements(By.cssSelector("#xs-music-tempo circle.xs-dot")).isEmpty(),
        "the onset intervals are drawn");
    assertTrue(
        driver
            .findElement(By.id("performanceTake"))
            .getAttribute("href")
            .contains("/music/take.xhtml?id="));
    List<WebElement> inputs =
        driver.findElements(By.cssSelector("input[type='number'][id*='candidateForm']"));
    assertEquals(5, inputs.size());
    // a mark over the item's maximum is refused with the reason and nothing is saved (it was cut to
    // another number and saved before)
    for (int i = 0; i < 5; i++) {
      inputs.get(i).click();
      inputs.get(i).clear();
      inputs.get(i).sendKeys(i == 0 ? "25" : "15");
    }
    clickAndExpect("candidateForm:mark", "candidateForm:messages", "0 至上限");
    assertEquals(
        0,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM music_exam_mark WHERE candidate_id = "
                + candA
                + " AND examiner = 'examiner1'"));
    inputs = driver.findElements(By.cssSelector("input[type='number'][id*='candidateForm']"));
    int[] v = {15, 16, 17, 18, 19};
    for (int i = 0; i < 5; i++) {
      inputs.get(i).click();
      inputs.get(i).clear();
      inputs.get(i).sendKeys(String.valueOf(v[i]));
    }
    clickAndExpect("candidateForm:mark", "candidateForm:messages", "评分已提交");
    assertEquals(
        5,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM music_exam_mark WHERE candidate_id = "
                + candA
                + " AND examiner = 'examiner1'"));
    // the other examiner's marks are not in, so he sees only his own row
    assertTrue(driver.findElement(By.id("candidateForm:marks")).getText().contains("examiner1"));
    assertTrue(!driver.findElement(By.id("candidateForm:marks")).getText().contains("examiner2"));
    // a candidate he does not sit for is refused
    driver.get(base + "/music/candidate.xhtml?id=" + candOther);
    // the refusal is said before the view's language is settled, so either language may show;
    // said while the page is first drawn, it is in the page's messages at the top, once
    HeadlessChrome.waiting(driver)
        .until(
            d -> {
              String said = d.findElement(By.tagName("main")).getText();
              return said.contains("您不是其评委") || said.contains("not on his panel");
            });
    String main = driver.findElement(By.tagName("main")).getText();
    String refusal = main.contains("您不是其评委") ? "您不是其评委" : "not on his panel";
    assertEquals(1, main.split(refusal, -1).length - 1, "said once: " + main);
    assertTrue(driver.findElements(By.id("candidateForm:mark")).isEmpty());
    assertTrue(driver.findElements(By.id("xs-music-analysis")).isEmpty(), "nor his charts");
  }

  @Test
  @Order(4)
  void anOfficerRecordsThePassInTheLedger() throws Exception {
    open("officer1", "/music/points.xhtml", "pointsForm:passes");
    WebElement row =
        driver.findElement(
            By.xpath("//*[@id='pointsForm:passes']//tr[contains(., '" + code + "')]"));
    row.findElement(By.cssSelector("input[id$='amount']")).sendKeys("2");
    row.findElement(By.cssSelector("button[id$='confirm']")).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("pointsForm:messages"), "等待审核"));
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM music_exam_credit WHERE candidate_id = " + candDone));
  }

  @Test
  @Order(5)
  void readersCheckACertificateAndReadResults() throws Exception {
    for (String user : List.of("prosecutor1", "officer1", "examiner2")) {
      open(user, "/music/verify.xhtml", "verifyForm:code");
      type("verifyForm:code", code);
      driver.findElement(By.id("verifyForm:check")).click();
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "真实有效"));
    }
    type("verifyForm:code", "AAAA-BBBB-CCCC");
    driver.findElement(By.id("verifyForm:check")).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "查无此证书"));
    open("eduadmin1", "/music/results.xhtml", "results");
    assertTrue(driver.findElement(By.id("results")).getText().contains(code));
    open("eduadmin1", "/music/statistics.xhtml", "stats");
    assertTrue(driver.findElement(By.id("chart")).findElements(By.tagName("rect")).size() >= 2);
    assertTrue(
        driver
            .findElement(By.id("xlsx"))
            .getAttribute("href")
            .endsWith("/api/v1/music/exams/statistics.xlsx"));
    for (String user : List.of("teacher1", "lawyer1", "judge1", "inmate1")) {
      open(user, "/music/results.xhtml", "results");
    }
    // the examiner's home counts his queue
    open("examiner2", "/examiner/home.xhtml", "queue-toMark");
    assertTrue(Integer.parseInt(driver.findElement(By.id("queue-toMark")).getText().strip()) >= 1);
    open("eduadmin1", "/eduadmin/home.xhtml", "queue-toPublish");
  }
}
