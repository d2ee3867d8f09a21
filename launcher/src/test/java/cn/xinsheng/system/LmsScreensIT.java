package cn.xinsheng.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The terminal's learning screens in headless Chromium, by keyboard where it matters: the inmate's
 * home with what to do next, a lesson, the video resumed and sought, a quiz answered and graded;
 * the teacher's grading desk; the education office's import page refusing a tampered package.
 * Screenshots in target/screenshots.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class LmsScreensIT {

  private static final Path SHOTS = Path.of("target", "screenshots");
  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void open() throws IOException {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(SHOTS);
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebDriverWait waiting() {
    return HeadlessChrome.waiting(driver);
  }

  private static void shot(String name) throws IOException {
    HeadlessChrome.shot(driver, name);
  }

  private static void login(String username) {
    HeadlessChrome.login(driver, base, username);
  }

  private static void noErrorPage() {
    assertFalse(driver.getPageSource().contains("系统出错"), driver.getCurrentUrl());
  }

  @Test
  void anInmateStudiesAtTheTerminalAndATeacherGrades() throws Exception {
    login("inmate3");
    assertTrue(driver.getPageSource().contains("接下来要做"), "what to do next on the home page");
    shot("lms-01-inmate-home");
    driver.get(base + "/learn/courses.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("coursesForm:courses")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("会计学基础"));
    shot("lms-02-courses");
    // the first lesson: sanitized HTML, done by the keyboard
    driver.findElement(By.linkText("会计学基础")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("courseForm:lessons")));
    driver.findElement(By.linkText("什么是会计")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lessonForm:done")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("核算职能"));
    assertTrue(
        driver.findElements(By.tagName("script")).stream()
            .noneMatch(
                s ->
                    String.valueOf(s.getAttribute("innerHTML"))
                        .contains("lesson HTML may not run")));
    shot("lms-03-lesson-html");
    driver.findElement(By.id("lessonForm:done")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "本课已完成"));
    // the video: seek to 12 s; the position is kept for the next visit
    driver.findElement(By.id("lessonForm:nextLesson")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("xs-media")));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    waiting()
        .until(
            d ->
                ((Number) js.executeScript("return document.getElementById('xs-media').readyState"))
                        .intValue()
                    >= 1);
    js.executeScript(
        "var m = document.getElementById('xs-media'); m.currentTime = 12; m.dispatchEvent(new Event('pause'));");
    // the position is saved by a request the pause sends: wait for the row, not a fixed time
    await()
        .atMost(java.time.Duration.ofSeconds(15))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                RunningPlatform.count(
                        "SELECT COUNT(*) FROM lesson_progress p JOIN inmate i ON i.id = p.inmate_id"
                            + " JOIN account a ON a.id = i.account_id"
                            + " WHERE a.username = 'inmate3' AND p.position_seconds >= 11")
                    > 0);
    shot("lms-04-lesson-video");
    driver.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("xs-media")));
    waiting()
        .until(
            d ->
                ((Number)
                            js.executeScript(
                                "return document.getElementById('xs-media').currentTime"))
                        .doubleValue()
                    >= 11.5);
    // the quiz: start, answer the true/false question, hand in, see the grade
    driver.get(base + "/learn/courses.xhtml");
    driver.findElement(By.linkText("会计学基础")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("courseForm:quizzes")));
    driver.findElement(By.linkText("第一、二章测验")).click();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("quizForm:start"))).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("quizForm:submit")));
    noErrorPage();
    shot("lms-05-quiz");
    // issue 18 walk: handed in with nothing answered, it is refused in words and no attempt is used
    driver.findElement(By.id("quizForm:submit")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "您还没有作答任何题目"));
    assertFalse(
        driver.findElements(By.id("quizForm:submit")).isEmpty(), "the attempt is still open");
    shot("lms-05a-quiz-nothing-answered");
    driver.findElements(By.cssSelector("input[type=radio]")).stream()
        .findFirst()
        .ifPresent(r -> ((JavascriptExecutor) driver).executeScript("arguments[0].click()", r));
    // some questions unanswered: they are listed, and the learner asked before it is handed in
    driver.findElement(By.id("quizForm:submit")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("quizForm:unanswered")));
    String asked = driver.findElement(By.id("quizForm:unanswered")).getText();
    assertTrue(asked.contains("没有作答") && asked.contains("第 "), asked);
    assertTrue(driver.findElements(By.id("quizForm:graded")).isEmpty(), "not handed in yet");
    shot("lms-05b-quiz-unanswered-listed");
    driver.findElement(By.id("quizForm:submitAnyway")).click();
    try {
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("quizForm:graded")));
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("lms-05-quiz-not-graded");
      throw e;
    }
    assertTrue(driver.findElement(By.id("quizForm:graded")).getText().contains("您的成绩"));
    shot("lms-06-quiz-graded");

    login("teacher1");
    driver.get(base + "/teaching/grading.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:toGrade")));
    noErrorPage();
    shot("lms-07-teacher-grading");

    login("eduadmin1");
    driver.get(base + "/eduadmin/content.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("contentForm:packages")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("cn.ouchn.kj101"));
    Path tampered = RunningPlatform.DATA_DIR.resolve("tampered-upload.zip");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
      z.putNextEntry(new java.util.zip.ZipEntry("course.json"));
      z.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    driver.findElement(By.cssSelector("input[type=file]")).sendKeys(tampered.toString());
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("contentForm:messages"), "拒收"));
    shot("lms-08-import-refused");
  }
}
