package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.LabelledCase;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.SyntheticCohort;
import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 20's risk screens in headless Chromium, each page for each role that may open it and each
 * action clicked once: the officer assesses (the platform's values shown, his chosen), the score
 * with its contribution chart, an override refused without a reason and then requested naming
 * reviewer1, who countersigns it from his list; the model card with the demo's report for every
 * reader, and the reviewer's import of outcomes, a bad file refused by its line. A role outside the
 * matrix does not get the page.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class RiskScreensIT {

  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void open() {
    base = RunningPlatform.ensureStarted();
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

  /** An inmate of officer1's section 12 nobody has assessed yet. */
  private static String unassessed() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i.prisoner_number FROM inmate i WHERE i.section_id = 12"
                    + " AND NOT EXISTS (SELECT 1 FROM risk_assessment a WHERE a.inmate_id = i.id)"
                    + " ORDER BY i.id DESC LIMIT 1")) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  private static void messageShown(String form, String text) {
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(form + ":messages"), text));
    assertFalse(driver.getPageSource().contains("系统出错"));
  }

  private static void click(String id) {
    waiting().until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  @Test
  void anOfficerAssessesRequestsAnOverrideAndTheNamedReviewerCountersigns() throws Exception {
    String number = unassessed();
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/risk/assess.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("assessForm:prisoner")));
    assertTrue(driver.findElement(By.id("assessForm:advice")).getText().contains("不作为"));
    driver.findElement(By.id("assessForm:prisoner_input")).sendKeys(number);
    click("assessForm:load");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("assessForm:assess")));
    assertTrue(driver.findElement(By.id("assessForm:uncalibrated")).isDisplayed());
    shot("risk-01-form");

    // assess with one factor left unchosen: refused naming it, nothing stored
    List<WebElement> selects = driver.findElements(By.cssSelector("select[id$=':value']"));
    assertTrue(selects.size() >= 10, "the officer's factors: " + selects.size());
    for (int i = 1; i < selects.size(); i++) {
      Select s = new Select(selects.get(i));
      s.selectByIndex(s.getOptions().size() - 1);
    }
    click("assessForm:assess");
    messageShown("assessForm", "缺少风险因素");
    Select first = new Select(driver.findElements(By.cssSelector("select[id$=':value']")).get(0));
    first.selectByIndex(first.getOptions().size() - 1);
    click("assessForm:assess");

    // the score page with every contribution drawn
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("scoreForm:chart")));
    assertEquals(26, driver.findElements(By.cssSelector("#scoreForm\\:chart .xs-risk-row")).size());
    assertTrue(driver.findElement(By.id("scoreForm:effectiveLevel")).getText().contains("/ 5"));
    shot("risk-02-score");
    String scoreUrl = driver.getCurrentUrl();

    // an override without a reason: refused
    Select decided = new Select(driver.findElement(By.id("scoreForm:decided")));
    decided.selectByValue(
        driver.findElement(By.id("scoreForm:scoredLevel")).getText().equals("低") ? "HIGH" : "LOW");
    new Select(driver.findElement(By.id("scoreForm:second"))).selectByValue("reviewer1");
    click("scoreForm:requestOverride");
    messageShown("scoreForm", "须写明理由");
    new Select(driver.findElement(By.id("scoreForm:decided")))
        .selectByValue(
            driver.findElement(By.id("scoreForm:scoredLevel")).getText().equals("低")
                ? "HIGH"
                : "LOW");
    new Select(driver.findElement(By.id("scoreForm:second"))).selectByValue("reviewer1");
    driver.findElement(By.id("scoreForm:reason")).sendKeys("会见记录显示其出狱后住所尚未真正落实，与登记情况不符");
    click("scoreForm:requestOverride");
    messageShown("scoreForm", "待复核民警签名");
    assertTrue(driver.findElement(By.id("scoreForm:overrides")).getText().contains("reviewer1"));
    shot("risk-03-requested");

    // officer1's own list is empty; the model card opens from the assessment page
    driver.get(base + "/risk/overrides.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("overridesForm:awaiting")));
    assertTrue(driver.findElement(By.id("overridesForm:awaiting")).getText().contains("没有待您复核"));
    driver.get(base + "/risk/assess.xhtml");
    click("assessForm:model");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("modelForm:warning")));

    // reviewer1 countersigns from his list, then sees the level changed
    HeadlessChrome.login(driver, base, "reviewer1");
    driver.get(base + "/risk/overrides.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("overridesForm:awaiting")));
    assertTrue(driver.findElement(By.id("overridesForm:awaiting")).getText().contains(number));
    shot("risk-04-awaiting");
    List<WebElement> buttons = driver.findElements(By.cssSelector("button[id$=':countersign']"));
    WebElement mine = null;
    for (WebElement row :
        driver.findElements(By.cssSelector("#overridesForm\\:awaiting tbody tr"))) {
      if (row.getText().contains(number)) {
        mine = row.findElement(By.cssSelector("button[id$=':countersign']"));
      }
    }
    assertTrue(mine != null && !buttons.isEmpty());
    mine.click();
    messageShown("overridesForm", "已复核签名");
    driver.get(scoreUrl);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("scoreForm:overriddenNote")));
    assertTrue(
        driver.findElements(By.id("scoreForm:requestSet")).isEmpty(), "a reviewer requests none");
    shot("risk-05-overridden");

    // the warden reads the score, without the override form
    HeadlessChrome.login(driver, base, "warden1");
    driver.get(scoreUrl);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("scoreForm:chart")));
    assertTrue(driver.findElements(By.id("scoreForm:requestSet")).isEmpty());
    assertTrue(driver.findElement(By.id("scoreForm:overriddenNote")).isDisplayed());
  }

  @Test
  void theModelCardOpensForEveryReaderAndTheReviewerImportsOutcomes() throws Exception {
    for (String user : List.of("officer1", "reviewer1", "warden1", "execution1")) {
      HeadlessChrome.login(driver, base, user);
      driver.get(base + "/risk/model.xhtml");
      waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("modelForm:warning")));
      assertTrue(driver.findElement(By.id("modelForm:warning")).getText().contains("社区矫正对象"));
      assertTrue(driver.findElement(By.id("modelForm:calibration")).getText().contains("未校准"));
      assertEquals("0.7257", driver.findElement(By.id("modelForm:syntheticAuc")).getText());
      assertEquals(
          user.equals("reviewer1"),
          !driver.findElements(By.id("modelForm:upload")).isEmpty(),
          user);
      driver.get(base + "/risk/score.xhtml");
      if (!user.equals("execution1")) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("scoreForm:noScore")));
      }
    }
    shot("risk-06-model");

    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    List<LabelledCase> cases =
        SyntheticCohort.generate(instrument, new SyntheticCohort.Parameters(9L, 300, -3.9, 0.8));
    StringBuilder csv = new StringBuilder();
    for (RiskFactor f : instrument.factors()) {
      csv.append(f.code()).append(',');
    }
    csv.append("reoffended\n");
    for (LabelledCase c : cases) {
      for (RiskFactor f : instrument.factors()) {
        csv.append(c.values().of(f.code())).append(',');
      }
      csv.append(c.reoffended() ? "1" : "0").append('\n');
    }
    Path dir = Files.createTempDirectory("risk-screens");
    Path good = dir.resolve("releases-screen.csv");
    Files.writeString(good, csv, StandardCharsets.UTF_8);
    String[] lines = csv.toString().split("\n");
    lines[3] = lines[3].replaceFirst("^[A-Z0-9_]+,", "NO_SUCH_VALUE,");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

    HeadlessChrome.login(driver, base, "reviewer1");
    driver.get(base + "/risk/model.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("modelForm:upload")));
    driver.findElement(By.cssSelector("input[type=file]")).sendKeys(bad.toString());
    messageShown("modelForm", "line 4");
    driver.findElement(By.cssSelector("input[type=file]")).sendKeys(good.toString());
    messageShown("modelForm", "已导入结局数据");
    assertTrue(
        driver
            .findElement(By.id("modelForm:validations"))
            .getText()
            .contains("releases-screen.csv"));
    shot("risk-07-imported");

    // a role outside the matrix does not get the pages
    HeadlessChrome.login(driver, base, "teacher1");
    driver.get(base + "/risk/model.xhtml");
    assertTrue(driver.findElements(By.id("modelForm:warning")).isEmpty());
    driver.get(base + "/risk/assess.xhtml");
    assertTrue(driver.findElements(By.id("assessForm:prisoner")).isEmpty());
  }
}
