package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * Issue 17: a teacher grades on {@code /teaching/grading.xhtml} in Chromium: a rubric grade with
 * feedback and an essay mark (both threw ClassCastException, String to Integer and to BigDecimal,
 * before), opens and downloads the file handed in, and the gradebook shows the grades.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeacherGradingScreensIT {

  private static final String PASSWORD = "demo123!";
  private static final String INMATE = "3301000004";
  private static String base;
  private static WebClient learner;
  private static WebClient teacher;
  private static WebDriver driver;
  private static long submission;
  private static long attempt;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    learner = login("inmate4");
    teacher = login("teacher1");
    long assignment =
        RunningPlatform.count("SELECT id FROM assignment WHERE assignment_key = 'kj-a1'");
    String file =
        Base64.getEncoder()
            .encodeToString("借：原材料 5000\n贷：银行存款 5000\n".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> sub =
        learner.postJson(
            "/api/v1/lms/assignments/" + assignment + "/submissions",
            "{\"text\":\"见附件 / see the file\",\"fileName\":\"分录.txt\",\"fileBase64\":\""
                + file
                + "\"}");
    assertEquals(201, sub.statusCode(), sub.body());
    submission = (Long) object(sub).get("id");
    long quiz = RunningPlatform.count("SELECT id FROM quiz WHERE quiz_key = 'kj-q1'");
    HttpResponse<String> started =
        learner.postJson("/api/v1/lms/quizzes/" + quiz + "/attempts", "{}");
    assertEquals(201, started.statusCode(), started.body());
    attempt = (Long) object(started).get("attemptId");
    assertEquals(
        200,
        learner
            .postJson(
                "/api/v1/lms/attempts/" + attempt + "/answers",
                "{\"answers\":{\"q1\":1,\"q7\":\"有借必有贷，借贷必相等。\"}}")
            .statusCode());
    driver = HeadlessChrome.open();
    HeadlessChrome.login(driver, base, "teacher1");
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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parseLenient(r.body());
  }

  private static WebElement row(String table) {
    return driver.findElement(
        By.xpath("//*[@id='gradingForm:" + table + "']//tr[contains(., '" + INMATE + "')]"));
  }

  private static void type(WebElement input, String value) {
    input.click();
    input.clear();
    input.sendKeys(value);
  }

  @Test
  @Order(1)
  void theTeacherOpensAndDownloadsTheFileHandedIn() throws Exception {
    driver.get(base + "/teaching/grading.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:toGrade")));
    WebElement view = row("toGrade").findElement(By.cssSelector("a[id$='viewFile']"));
    assertTrue(
        view.getAttribute("href").endsWith("/api/v1/lms/submissions/" + submission + "/file"));
    HttpResponse<String> shown = teacher.get("/api/v1/lms/submissions/" + submission + "/file");
    assertEquals(200, shown.statusCode());
    assertTrue(shown.body().contains("银行存款"), shown.body());
    assertTrue(shown.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));
    HttpResponse<String> down =
        teacher.get("/api/v1/lms/submissions/" + submission + "/file?download=true");
    assertEquals(200, down.statusCode());
    assertTrue(
        down.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    // the learner is not the teacher
    assertEquals(403, learner.get("/api/v1/lms/submissions/" + submission + "/file").statusCode());
  }

  @Test
  @Order(2)
  void aRubricGradeWithFeedbackIsSavedOnTheScreen() throws Exception {
    driver.get(base + "/teaching/grading.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:toGrade")));
    List<WebElement> points = row("toGrade").findElements(By.cssSelector("input[id$='points']"));
    assertEquals(3, points.size(), "three criteria");
    // a mark over a criterion's maximum is refused with the reason, not cut to another number
    type(points.get(0), "99");
    type(points.get(1), "20");
    type(points.get(2), "10");
    row("toGrade").findElement(By.cssSelector("button[id$='grade']")).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("gradingForm:messages"), "之间"));
    assertEquals(
        0L,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM submission_grade WHERE submission_id = " + submission),
        "nothing saved");
    points = row("toGrade").findElements(By.cssSelector("input[id$='points']"));
    type(points.get(0), "40");
    type(points.get(1), "20");
    type(points.get(2), "10");
    type(row("toGrade").findElement(By.cssSelector("textarea[id$='feedback']")), "分录正确，格式需改进。");
    row("toGrade").findElement(By.cssSelector("button[id$='grade']")).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("gradingForm:messages"), "70"));
    HeadlessChrome.shot(driver, "grading-rubric");
    assertEquals(
        70L,
        RunningPlatform.count(
            "SELECT points FROM submission_grade WHERE submission_id = " + submission));
    assertEquals(
        1L,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM submission_grade WHERE submission_id = "
                + submission
                + " AND feedback = '分录正确，格式需改进。'"));
  }

  @Test
  @Order(3)
  void anEssayMarkIsSavedOnTheScreenAndTheGradebookShowsTheGrades() throws Exception {
    driver.get(base + "/teaching/grading.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:essays")));
    type(row("essays").findElement(By.cssSelector("input[id$='essayPoints']")), "15.5");
    row("essays").findElement(By.cssSelector("button[id$='mark']")).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//*[@id='gradingForm:essays']//tr[contains(., '" + INMATE + "')]")));
    HeadlessChrome.shot(driver, "grading-essay");
    assertEquals(
        1L,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM quiz_grading WHERE attempt_id = "
                + attempt
                + " AND pending = 0 AND graded_by = 'teacher1'"),
        "the essay's mark made the attempt whole");
    long course = RunningPlatform.count("SELECT id FROM course WHERE code = 'KJ-101'");
    HttpResponse<String> book = teacher.get("/api/v1/lms/gradebook/courses/" + course);
    assertEquals(200, book.statusCode(), book.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines =
        (List<Map<String, Object>>) CanonicalJson.parseLenient(book.body());
    Map<String, Object> line =
        lines.stream()
            .filter(l -> INMATE.equals(l.get("prisonerNumber")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no gradebook line: " + book.body()));
    assertTrue(line.get("grade") != null, "the grades count in the gradebook: " + line);
    // the learner sees the points and the feedback the teacher gave on the screen
    HttpResponse<String> mine = learner.get("/api/v1/lms/courses/" + course);
    assertTrue(mine.body().contains("分录正确，格式需改进。"), mine.body());
    assertTrue(mine.body().contains("70"), mine.body());
    HeadlessChrome.shot(driver, "grading-gradebook");
  }

  @Test
  @Order(4)
  void theGradebookShownOnTheScreenDownloadsAsAWorkbookWithNumbers() throws Exception {
    long course = RunningPlatform.count("SELECT id FROM course WHERE code = 'KJ-101'");
    java.nio.file.Path file = HeadlessChrome.DOWNLOADS.resolve("gradebook-" + course + ".xlsx");
    java.nio.file.Files.createDirectories(HeadlessChrome.DOWNLOADS);
    java.nio.file.Files.deleteIfExists(file);
    driver.get(base + "/teaching/grading.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:course")));
    // the walk found no XLSX link once a gradebook was chosen: ajax could not update a link
    // that had not been rendered
    for (int attempt = 1; ; attempt++) {
      try {
        driver.findElement(By.id("gradingForm:course")).click();
        HeadlessChrome.waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath(
                        "//li[contains(@class,'ui-selectonemenu-item') and contains(@data-label,'会计学基础')]")))
            .click();
        HeadlessChrome.waiting(driver)
            .until(ExpectedConditions.elementToBeClickable(By.id("gradingForm:export")));
        break;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='gradingForm:gradebook']//tr[contains(., '" + INMATE + "')]")));
    driver.findElement(By.id("gradingForm:export")).click();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) > 0);
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file);
        org.dhatim.fastexcel.reader.ReadableWorkbook wb =
            new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
      List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
      assertEquals("编号 No.", rows.get(0).getCell(0).getText());
      org.dhatim.fastexcel.reader.Row mine =
          rows.stream()
              .filter(r -> INMATE.equals(r.getCell(0).getText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the inmate is not in the workbook"));
      // numbers as numbers: a spreadsheet can sum and sort them
      assertEquals(
          org.dhatim.fastexcel.reader.CellType.NUMBER, mine.getCell(4).getType(), "完成 Done %");
      assertEquals(
          org.dhatim.fastexcel.reader.CellType.NUMBER, mine.getCell(7).getType(), "Minutes");
      assertEquals(
          org.dhatim.fastexcel.reader.CellType.NUMBER, mine.getCell(3).getType(), "成绩 Grade");
    }
  }
}
