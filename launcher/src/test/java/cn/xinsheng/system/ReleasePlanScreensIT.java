package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 20's screens in headless Chromium, each opened by every role that may open it and every
 * action clicked once: the section's list of plans (filter), a plan (record progress, upload
 * evidence, issue a handover), the officer's alert on his home page, the inmate's plan at the
 * terminal, and community corrections' home (record a first report). Every page's visible text is
 * checked with {@link WordsOnEveryScreenIT#offences} as well. Works on the demo's release ward.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class ReleasePlanScreensIT {

  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void open() {
    base = RunningPlatform.ensureStarted();
    // the demo's people near release were placed relative to the suite's pinned start; a class
    // before this one may have moved the clock on (ClockSystemIT), so this one runs at the start
    // and gives the clock back afterwards
    movedClock = RunningPlatform.time().instant();
    RunningPlatform.pin(java.time.OffsetDateTime.parse(RunningPlatform.TEST_CLOCK).toInstant());
    driver = HeadlessChrome.open();
  }

  private static java.time.Instant movedClock;

  @AfterAll
  static void clockBack() {
    RunningPlatform.pin(movedClock);
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

  private static String body() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Opens a page and checks it says people's words only. */
  private static String page(String path, String shot) throws IOException {
    driver.get(base + path);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    String text = body();
    HeadlessChrome.shot(driver, "plan-" + shot);
    assertTrue(!text.contains("系统出错") && !text.contains("页面不存在"), path + ": " + text);
    assertEquals(List.of(), WordsOnEveryScreenIT.offences(text), path);
    return text;
  }

  /** The form's own messages (the shell's global ones are not part of the form's update). */
  private static void messageShown(String form, String text) {
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(form + ":messages"), text));
  }

  @Test
  @Order(1)
  void theOfficerFiltersThePlansAndSeesTheAlertOnHisHome() throws Exception {
    HeadlessChrome.login(driver, base, "officer6");
    String home = page("/officer/home.xhtml", "officer-home");
    assertTrue(home.contains("逾期的出监计划事项"), home);
    int late = Integer.parseInt(driver.findElement(By.id("queue-planLate")).getText().strip());
    assertTrue(late > 0, "the demo's 905 has late items");
    String list = page("/readiness/plans.xhtml", "list");
    assertTrue(list.contains("3301000904") && list.contains("3301000905"), list);
    // the walk: the countdown reads "还有 77 天", never "还有天数 77"
    assertTrue(list.matches("(?s).*还有 [0-9,]+ 天.*"), list);
    assertTrue(!list.contains("还有天数"), list);
    driver.findElement(By.id("filters:late")).click();
    driver.findElement(By.id("filters:apply")).click();
    // the filter's Ajax replaces the table: read it afresh until it shows 905 and not 904
    // (invisibilityOfElementWithText compares the whole text for equality and held a stale row)
    waiting()
        .until(
            d -> {
              try {
                String rows = d.findElement(By.id("filters:plans")).getText();
                return !rows.contains("3301000904") && rows.contains("3301000905");
              } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
              }
            });
    String filtered = body();
    assertTrue(filtered.contains("3301000905"), filtered);
    assertEquals(List.of(), WordsOnEveryScreenIT.offences(filtered));
    // the reviewer's and another officer's list open too
    for (String user : List.of("officer1", "reviewer1")) {
      HeadlessChrome.login(driver, base, user);
      page("/readiness/plans.xhtml", "list-" + user);
      page("/readiness/plan.xhtml", "none-" + user);
    }
  }

  @Test
  @Order(2)
  void aPlanIsUpdatedWithEvidenceAndAHandoverIssuedOnItsPage() throws Exception {
    HeadlessChrome.login(driver, base, "officer6");
    page("/readiness/plans.xhtml", "list-again");
    driver.findElement(By.linkText("贺文斌（3301000905）")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("countdown")));
    String plan = body();
    assertTrue(plan.contains("已逾期"), plan);
    assertEquals(List.of(), WordsOnEveryScreenIT.offences(plan));

    new Select(driver.findElement(By.id("plan:item"))).selectByVisibleText("联系家属，约定接回");
    new Select(driver.findElement(By.id("plan:status"))).selectByVisibleText("办理中");
    driver.findElement(By.id("plan:note")).sendKeys("已电话联系其母亲（界面测试）");
    driver.findElement(By.id("plan:save")).click();
    messageShown("plan", "已登记");

    Path file = Files.createTempFile("family", ".txt");
    Files.writeString(file, "家属接回承诺书（界面测试）\n");
    driver
        .findElement(By.cssSelector("#plan\\:upload input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("plan:evidenceName"), "family"));
    new Select(driver.findElement(By.id("plan:item"))).selectByVisibleText("联系家属，约定接回");
    new Select(driver.findElement(By.id("plan:status"))).selectByVisibleText("已完成");
    driver.findElement(By.id("plan:save")).click();
    messageShown("plan", "已登记");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan:items"), "已完成"));
    assertTrue(
        RunningPlatform.count(
                "SELECT COUNT(*) FROM plan_item_update u JOIN release_plan p ON p.id = u.plan_id"
                    + " JOIN inmate i ON i.id = p.inmate_id WHERE i.prisoner_number = '3301000905'"
                    + " AND u.item_code = 'FAMILY' AND u.evidence_id IS NOT NULL")
            == 1);
    // issue 18: the evidence is said as the ledger says it (kind · file name) and opens in the
    // page's own viewer, whose way back leads to this plan; no raw address, no new tab
    WebElement evidence =
        driver.findElements(By.cssSelector("[id='plan:items'] a[id$=':evidence']")).stream()
            .filter(a -> a.getText().contains("family"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the evidence is said by its file name"));
    assertTrue(evidence.getText().contains(" · "), evidence.getText());
    assertTrue(evidence.getAttribute("href").contains("/ledger/evidence.xhtml"));
    assertFalse("_blank".equals(evidence.getAttribute("target")));
    evidence.click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("evidenceWords")));
    assertTrue(driver.findElement(By.id("evidenceWords")).getText().contains("family"));
    driver.findElement(By.id("back")).click();
    waiting().until(ExpectedConditions.urlContains("/readiness/plan.xhtml?inmate=3301000905"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("plan:office")));

    new Select(driver.findElement(By.id("plan:office"))).selectByIndex(1);
    driver.findElement(By.id("plan:issue")).click();
    messageShown("plan", "交接材料已出具");
    String issued = body();
    HeadlessChrome.shot(driver, "plan-issued");
    assertTrue(issued.contains("徐汇区") && issued.contains("尚未报到"), issued);
    assertEquals(List.of(), WordsOnEveryScreenIT.offences(issued));
  }

  @Test
  @Order(3)
  void theInmateSeesHisPlanAndCountdownAtTheTerminal() throws Exception {
    HeadlessChrome.login(driver, base, "inmate905");
    page("/inmate/home.xhtml", "inmate-home");
    driver.findElement(By.id("kioskActions:myPlan")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("countdown")));
    String mine = body();
    HeadlessChrome.shot(driver, "plan-inmate");
    assertTrue(mine.contains("距离释放还有") && mine.contains("身份证件"), mine);
    assertEquals(List.of(), WordsOnEveryScreenIT.offences(mine));
  }

  @Test
  @Order(4)
  void communityCorrectionsReadsItsHandoversAndRecordsAFirstReport() throws Exception {
    HeadlessChrome.login(driver, base, "community1");
    String home = page("/community/home.xhtml", "community");
    assertTrue(home.contains("3301000901") && home.contains("按期报到"), home);
    // a refused report first (no date), then the real one
    driver.findElement(By.id("handovers:record")).click();
    messageShown("handovers", "报到日期");
    new Select(driver.findElement(By.id("handovers:who"))).selectByVisibleText("邵永康（3301000901）");
    String today = today();
    driver.findElement(By.id("handovers:on")).sendKeys(today);
    driver.findElement(By.id("handovers:note")).sendKeys("界面登记（测试）");
    driver.findElement(By.id("handovers:record")).click();
    messageShown("handovers", "已登记首次报到");
    assertEquals(List.of(), WordsOnEveryScreenIT.offences(body()));
    // the office's other community account sees none of its handovers
    HeadlessChrome.login(driver, base, "community2");
    String other = page("/community/home.xhtml", "community2");
    assertTrue(!other.contains("3301000901"), other);
  }

  private static String today() {
    String json = new WebClient(base).get("/api/v1/clock").body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"today\"\\s*:\\s*\"([0-9-]{10})\"").matcher(json);
    assertTrue(m.find(), json);
    return m.group(1);
  }
}
