package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19 (music-study) at the screens, in headless Chromium: the inmate's terminal (his music
 * page from home, today's practice saved, a take sent, the take's page drawing the pitch, cents and
 * tempo charts, the catalogue with a syllabus chosen, its sheet and reference recording, targets of
 * at least 44 px); the teacher (a take uploaded for a learner, its charts, feedback written, the
 * practice log, the catalogue); an examiner (his panel's performances with their charts, read-only;
 * a practice take refused); the education office (a bad syllabus package refused on the screen).
 * Recording itself is faked by choosing an audio file on the recorder (headless Chromium has no
 * microphone): the same request the recorder sends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class MusicScreensIT {

  private static WebDriver driver;
  private static String base;
  private static Path wav;
  private static String takeUrl;

  @BeforeAll
  static void open() throws Exception {
    base = RunningPlatform.ensureStarted();
    driver = HeadlessChrome.open();
    wav = RunningPlatform.DATA_DIR.resolve("music-screens-take.wav");
    Files.write(
        wav,
        WavWriter.pcm16(
            TakeSynthesizer.play(
                    Jianpu.parse("key: 1=D\ntempo: 72\ntime: 4/4\n1 2 3 4 | 5 6 7 1' |"),
                    Tuning.STANDARD,
                    TakeSynthesizer.Playing.clean(22050, Tone.BOWED).withIntonation(12, 3))
                .audio()));
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static org.openqa.selenium.support.ui.WebDriverWait waiting() {
    return HeadlessChrome.waiting(driver);
  }

  private static void noErrorPage() {
    String text = driver.findElement(By.tagName("body")).getText();
    assertFalse(text.contains("系统出错") || text.contains("页面不存在"), text);
  }

  private static void chartsDrawn() {
    examChartsDrawn();
    assertFalse(driver.findElements(By.cssSelector("#xs-music-pitch rect.xs-expected")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#xs-music-pitch path.xs-track")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#xs-music-cents rect.xs-bar")).isEmpty());
    assertTrue(driver.findElement(By.id("xs-music-state")).getText().contains("分析完成"));
    assertTrue(driver.findElement(By.id("xs-music-summary")).getText().contains("音准偏差中位数"));
  }

  /** A figure with a decimal that says nothing: "72.0", "0.00" (the issue 18 walk read "72.0"). */
  private static final java.util.regex.Pattern EMPTY_DECIMALS =
      java.util.regex.Pattern.compile("\\d\\.0+(?!\\d)");

  /** The take's summary and tempo chart say whole figures without a decimal. */
  private static void figuresSayNoEmptyDecimals() {
    String said =
        driver.findElement(By.id("xs-music-summary")).getText()
            + " "
            + driver.findElement(By.id("xs-music-tempo")).getText();
    assertFalse(EMPTY_DECIMALS.matcher(said).find(), said);
  }

  /**
   * The catalogue says its tempi as whole numbers, and the imported 简谱 source under its toggle
   * draws Chinese in the shipped CJK font: a probe of ten CJK characters is about ten em wide,
   * where a monospace font's empty squares are six (headless Chromium has no CJK font of its own).
   */
  private static void catalogueSaysWholeTemposAndDrawsItsSourceInChinese() {
    String items = driver.findElement(By.cssSelector(".xs-music-syllabus")).getText();
    assertTrue(items.contains("拍/分钟"), items);
    assertFalse(EMPTY_DECIMALS.matcher(items).find(), "tempi said whole: " + items);
    driver.findElement(By.cssSelector(".xs-music-item details summary")).click();
    WebElement source = driver.findElement(By.cssSelector(".xs-music-item pre.xs-music-source"));
    waiting().until(ExpectedConditions.visibilityOf(source));
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
    js.executeScript(
        "var s = document.createElement('span'); s.id = 'xs-cjk-probe';"
            + " s.textContent = '曲名曲名曲名曲名曲名'; arguments[0].appendChild(s);",
        source);
    String ems =
        "var s = document.getElementById('xs-cjk-probe');"
            + " return s.getBoundingClientRect().width / parseFloat(getComputedStyle(s).fontSize);";
    try {
      // the CJK face loads when the page first needs it
      waiting().until(d -> ((Number) js.executeScript(ems)).doubleValue() > 9);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "the 简谱 source draws Chinese in a CJK font: ten characters are "
              + js.executeScript(ems)
              + " em wide in "
              + js.executeScript("return getComputedStyle(arguments[0]).fontFamily;", source),
          e);
    }
  }

  /**
   * The three charts drawn (an exam performance has no syllabus item: its notes are named after the
   * nearest, so only the charts themselves are checked).
   */
  private static void examChartsDrawn() {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(90))
        .until(ExpectedConditions.attributeToBe(By.id("xs-music-analysis"), "data-drawn", "true"));
    for (String chart : List.of("xs-music-pitch", "xs-music-cents", "xs-music-tempo")) {
      WebElement svg = driver.findElement(By.cssSelector("#" + chart + " svg"));
      assertTrue(svg.isDisplayed(), chart);
    }
  }

  /** The page of a performance examiner1 sits on the panel of (the demo's exams). */
  private static String examinersTake() throws Exception {
    long take =
        RunningPlatform.count(
            "SELECT MAX(pt.take_id) FROM music_performance_take pt JOIN music_panel_seat ps"
                + " ON ps.candidate_id = pt.candidate_id WHERE ps.examiner = 'examiner1'");
    assertTrue(take > 0, "the demo's performances are takes on examiner1's panels");
    return "/music/take.xhtml?id=" + take;
  }

  private static List<String> smallTargets() {
    List<String> small = new ArrayList<>();
    for (WebElement e :
        driver.findElements(
            By.cssSelector("main a, main button, header a, header button, .ui-chkbox-box"))) {
      if (e.isDisplayed() && e.getSize().getHeight() < 44) {
        small.add(e.getTagName() + " '" + e.getText() + "' " + e.getSize());
      }
    }
    return small;
  }

  @Test
  @Order(1)
  void theInmateLogsPracticeSendsATakeAndSeesItsCharts() throws Exception {
    HeadlessChrome.login(driver, base, "inmate1");
    driver.findElement(By.id("kioskActions:myMusic")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/music.xhtml"));
    noErrorPage();
    assertTrue(smallTargets().isEmpty(), "targets under 44 px: " + smallTargets());
    // today's practice
    driver.findElement(By.id("practiceForm:minutes_input")).clear();
    driver.findElement(By.id("practiceForm:minutes_input")).sendKeys("45");
    driver.findElement(By.cssSelector("[id='practiceForm:items'] .ui-chkbox-box")).click();
    driver.findElement(By.id("practiceForm:note")).sendKeys("慢弓练习");
    driver.findElement(By.id("practiceForm:savePractice")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "慢弓练习"));
    HeadlessChrome.shot(driver, "music-01-inmate-practice");
    // a take, sent from the recorder's file choice (no microphone in headless Chromium)
    new Select(driver.findElement(By.id("xs-rec-item"))).selectByIndex(1);
    driver.findElement(By.id("xs-rec-file")).sendKeys(wav.toString());
    waiting().until(ExpectedConditions.urlContains("/inmate/music-take.xhtml?id="));
    noErrorPage();
    chartsDrawn();
    assertTrue(driver.findElement(By.id("takeInmate")).getText().contains("3301000001"));
    // issue 18 walk: who recorded it in words, never an account: his own take is "本人"
    assertEquals("本人", driver.findElement(By.id("takeRecorder")).getText().strip());
    assertFalse(
        driver.findElement(By.tagName("body")).getText().contains("inmate1"), "no login shown");
    assertTrue(smallTargets().isEmpty(), "targets under 44 px: " + smallTargets());
    figuresSayNoEmptyDecimals();
    HeadlessChrome.shot(driver, "music-02-inmate-take-charts");
    // back to his page: the take is listed, and opens again
    driver.findElement(By.id("back")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/music.xhtml"));
    driver.findElement(By.cssSelector("[id$='openTake']")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/music-take.xhtml?id="));
    chartsDrawn();
    driver.findElement(By.id("back")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/music.xhtml"));
    // the catalogue
    driver.findElement(By.id("toCatalogue")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/music-catalogue.xhtml"));
    List<WebElement> syllabi = driver.findElements(By.cssSelector("[id$='chooseSyllabus']"));
    assertTrue(syllabi.size() >= 8, "syllabi " + syllabi.size());
    String last = syllabi.get(syllabi.size() - 1).getText();
    syllabi.get(syllabi.size() - 1).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("chosenTitle"), last.substring(0, 2)));
    assertFalse(driver.findElements(By.cssSelector("img.xs-music-sheet")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("audio.xs-music-audio")).isEmpty());
    // the 简谱 drawn as notation, not its text source (digits, dots and underlines, no _ ' , :)
    assertFalse(driver.findElements(By.cssSelector(".xs-music-jianpu .jp-digit")).isEmpty());
    String drawn = driver.findElement(By.cssSelector(".xs-music-jianpu")).getText();
    for (String mark : List.of("_", "'", ",", "key", "tempo")) {
      assertFalse(drawn.contains(mark), "'" + mark + "' in " + drawn);
    }
    Object loaded =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "var i = document.querySelector('img.xs-music-sheet'); return i.complete && i.naturalWidth;");
    assertTrue(((Number) loaded).longValue() > 0, "the sheet image loads");
    assertTrue(smallTargets().isEmpty(), "targets under 44 px: " + smallTargets());
    catalogueSaysWholeTemposAndDrawsItsSourceInChinese();
    HeadlessChrome.shot(driver, "music-03-inmate-catalogue");
    driver.findElement(By.id("back")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/music.xhtml"));
    driver.findElement(By.id("back")).click();
    waiting().until(ExpectedConditions.urlContains("/inmate/home.xhtml"));
  }

  @Test
  @Order(2)
  void theTeacherUploadsATakeListensAndWritesFeedback() throws Exception {
    HeadlessChrome.login(driver, base, "teacher1");
    driver.findElement(By.id("menuForm:menu")).findElement(By.linkText("民乐练习录音")).click();
    waiting().until(ExpectedConditions.urlContains("/music/takes.xhtml"));
    noErrorPage();
    driver.findElement(By.id("uploadForm:prisoner_input")).sendKeys("3301000002");
    driver.findElement(By.tagName("h1")).click(); // the number's change is sent on blur
    Thread.sleep(500);
    driver
        .findElement(By.cssSelector("[id='uploadForm:take'] input[type=file]"))
        .sendKeys(wav.toString());
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("uploadForm:uploadMessages"), "已上传"));
    HeadlessChrome.shot(driver, "music-04-teacher-uploaded");
    driver.get(base + "/music/takes.xhtml");
    driver.findElement(By.cssSelector("[id$='openTake']")).click();
    waiting().until(ExpectedConditions.urlContains("/music/take.xhtml?id="));
    takeUrl = driver.getCurrentUrl();
    noErrorPage();
    chartsDrawn();
    Object duration =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "var a = document.getElementById('takeAudio'); a.load();"
                    + " return new Promise(function (ok) { a.onloadedmetadata = function () { ok(a.duration); };"
                    + " setTimeout(function () { ok(a.duration); }, 5000); });");
    assertTrue(((Number) duration).doubleValue() > 1, "the recording plays: " + duration);
    driver.findElement(By.id("feedbackForm:feedbackText")).sendKeys("音阶的 7 偏高，注意三指的位置。");
    driver.findElement(By.id("feedbackForm:sendFeedback")).click();
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedbackList"), "三指的位置"));
    HeadlessChrome.shot(driver, "music-05-teacher-feedback");
    // issue 18 walk: staff read the recorder as a court-facing record names him, "name（login）"
    String recorder = driver.findElement(By.id("takeRecorder")).getText().strip();
    assertTrue(
        recorder.endsWith("（teacher1）") && recorder.length() > "（teacher1）".length(), recorder);
    // the learner at his terminal reads roles: "教师", not teacher1
    HeadlessChrome.login(driver, base, "inmate2");
    driver.get(takeUrl.replace("/music/take.xhtml", "/inmate/music-take.xhtml"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("takeRecorder")));
    noErrorPage();
    assertEquals("教师", driver.findElement(By.id("takeRecorder")).getText().strip());
    assertTrue(
        driver.findElement(By.id("feedbackList")).getText().contains("教师"),
        driver.findElement(By.id("feedbackList")).getText());
    String page = driver.findElement(By.tagName("body")).getText();
    assertFalse(page.contains("teacher1"), "no staff login at the terminal: " + page);
    HeadlessChrome.shot(driver, "music-05b-inmate-sees-roles");
    HeadlessChrome.login(driver, base, "teacher1");
    // the practice log of his cohorts, the catalogue
    driver.findElement(By.id("menuForm:menu")).findElement(By.linkText("民乐练习记录")).click();
    waiting().until(ExpectedConditions.urlContains("/music/practice.xhtml"));
    noErrorPage();
    assertTrue(
        driver.findElement(By.id("entries")).getText().contains("慢弓练习"), "inmate1's practice");
    driver.findElement(By.id("menuForm:menu")).findElement(By.linkText("民乐曲目大纲")).click();
    waiting().until(ExpectedConditions.urlContains("/music/catalogue.xhtml"));
    driver.findElements(By.cssSelector("[id$='chooseSyllabus']")).get(1).click();
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img.xs-music-sheet")));
    noErrorPage();
    HeadlessChrome.shot(driver, "music-06-teacher-catalogue");
  }

  @Test
  @Order(3)
  void anExaminerReadsOnlyHisPanelsPerformancesWithTheirChartsAndWritesNothing() throws Exception {
    HeadlessChrome.login(driver, base, "examiner1");
    // a practice take: as if it did not exist (issue 19 item 10)
    driver.get(takeUrl);
    noErrorPage();
    assertTrue(driver.findElement(By.tagName("main")).getText().contains("没有这段录音"));
    assertTrue(driver.findElements(By.id("xs-music-analysis")).isEmpty());
    // the performance of a candidate on his panel: its page with the charts
    driver.get(base + examinersTake());
    noErrorPage();
    examChartsDrawn();
    assertTrue(driver.findElements(By.id("feedbackForm:sendFeedback")).isEmpty());
    driver.findElement(By.id("back")).click();
    waiting().until(ExpectedConditions.urlContains("/music/takes.xhtml"));
    assertTrue(driver.findElements(By.id("uploadForm")).isEmpty(), "examiners upload nothing");
    HeadlessChrome.shot(driver, "music-07-examiner-take");
    // another inmate's take at the terminal: as if it did not exist
    HeadlessChrome.login(driver, base, "inmate3");
    driver.get(takeUrl.replace("/music/take.xhtml", "/inmate/music-take.xhtml"));
    assertTrue(driver.findElement(By.tagName("main")).getText().contains("没有这段录音"));
    assertTrue(driver.findElements(By.id("xs-music-analysis")).isEmpty());
  }

  @Test
  @Order(4)
  void theOfficeSeesABadSyllabusPackageRefused() throws Exception {
    HeadlessChrome.login(driver, base, "eduadmin1");
    driver.get(base + "/music/catalogue.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("packageForm:packages")));
    noErrorPage();
    assertTrue(
        driver
            .findElement(By.id("packageForm:packages"))
            .getText()
            .contains("cn.xinsheng.demo.music-syllabi"));
    Path bad = RunningPlatform.DATA_DIR.resolve("music-bad-package.zip");
    Files.writeString(bad, "这不是内容包");
    driver
        .findElement(By.cssSelector("[id='packageForm:package'] input[type=file]"))
        .sendKeys(bad.toString());
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("packageForm:packageMessages"), "拒收"));
    HeadlessChrome.shot(driver, "music-08-office-package-refused");
    driver.get(base + "/music/practice.xhtml");
    noErrorPage();
    assertEquals(1, driver.findElements(By.id("entries")).size());
  }

  /**
   * The words check of {@link WordsOnEveryScreenIT} on this issue's pages with their data (a take's
   * page with its charts drawn), for every role that may open them: no code, key or raw time, no
   * error page.
   */
  @Test
  @Order(5)
  void everyMusicPageSaysOnlyPeoplesWords() throws Exception {
    String take = takeUrl.substring(takeUrl.indexOf("/music/take.xhtml"));
    String[][] visits = {
      {
        "inmate1",
        "/inmate/music.xhtml",
        "/inmate/music-catalogue.xhtml",
        "/inmate/music-take.xhtml"
      },
      {"teacher1", "/music/catalogue.xhtml", "/music/practice.xhtml", "/music/takes.xhtml", take},
      {"examiner1", "/music/catalogue.xhtml", "/music/takes.xhtml", examinersTake()},
      {"eduadmin1", "/music/catalogue.xhtml", "/music/practice.xhtml", "/music/takes.xhtml", take},
      {"officer1", "/music/takes.xhtml", "/music/take.xhtml"}
    };
    List<String> bad = new ArrayList<>();
    for (String[] v : visits) {
      HeadlessChrome.login(driver, base, v[0]);
      for (int i = 1; i < v.length; i++) {
        driver.get(base + v[i]);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        if (v[i].contains("take.xhtml?id=")) {
          if (v[0].equals("examiner1")) {
            examChartsDrawn();
          } else {
            chartsDrawn();
          }
        }
        String text = driver.findElement(By.tagName("body")).getText();
        List<String> found = new ArrayList<>(WordsOnEveryScreenIT.offences(text));
        if (text.contains("系统出错") || text.contains("页面不存在")) {
          found.add("error page");
        }
        if (!found.isEmpty()) {
          bad.add(v[0] + " " + v[i] + " " + found);
        }
      }
    }
    assertTrue(bad.isEmpty(), "codes, keys or raw times shown: " + bad);
  }
}
