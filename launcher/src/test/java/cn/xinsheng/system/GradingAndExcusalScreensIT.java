package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * Issue 16, in headless Chromium: the screens of grading (等级评定: the section's reviewer proposes,
 * the department approves as another person) and of excusal from labour (an officer enters, the
 * reviewer reviews), every action clicked, a refusal shown in words and nothing written by it; and
 * the eligibility page's early proposal on an exception (a juvenile, 法释〔2016〕23号第十九条), which makes
 * the hearing mandatory. Its own inmates: 9 (section 21), 61 (section 11), 94 (section 22).
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class GradingAndExcusalScreensIT {

  private static final String GRADED = "3301000009";
  private static final String EXCUSED = "3301000061";
  private static final String JUVENILE = "3301000094";
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

  private static void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private static void shown(String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    assertFalse(driver.getPageSource().contains("系统出错"));
  }

  /** A closed cycle of 600 points for the inmate, as the month close leaves one: not yet graded. */
  private static long closedCycle() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO month_close (section_id, month, split, computed_by, computed_at)"
              + " VALUES (21, '2019-03', '35/35/30', 'it', NOW(3))",
          Statement.RETURN_GENERATED_KEYS);
      long close;
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        close = k.getLong(1);
      }
      s.executeUpdate(
          "INSERT INTO assessment_cycle (inmate_id, number, closed_month, close_id, first_month)"
              + " SELECT id, 91, '2019-03', "
              + close
              + ", '2018-10' FROM inmate WHERE prisoner_number = '"
              + GRADED
              + "'",
          Statement.RETURN_GENERATED_KEYS);
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        return k.getLong(1);
      }
    }
  }

  @Test
  void theSectionGradesACycleAndTheDepartmentApprovesIt() throws Exception {
    long cycle = closedCycle();
    HeadlessChrome.login(driver, base, "reviewer1");
    driver.get(base + "/ledger/grading.xhtml?section=21");
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("gradingForm"), GRADED));
    HeadlessChrome.shot(driver, "grading-01-ungraded");
    WebElement row =
        driver.findElements(By.cssSelector("#gradingForm\\:ungraded tbody tr")).stream()
            .filter(r -> r.getText().contains(GRADED))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("button[id$=':choose']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:propose")));
    // without a reason: refused in words, nothing written
    new Select(driver.findElement(By.id("gradingForm:result"))).selectByValue("PRAISE");
    driver.findElement(By.id("gradingForm:propose")).click();
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-growl-message")));
    assertEquals(
        0,
        RunningPlatform.count("SELECT COUNT(*) FROM grading_proposal WHERE cycle_id = " + cycle));
    type("gradingForm:reason", "本周期考核满600分，无违规扣分，集体评议给予表扬");
    driver.findElement(By.id("gradingForm:propose")).click();
    shown("评定建议已提出");
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM grading_proposal WHERE cycle_id = "
                + cycle
                + " AND result = 'PRAISE' AND proposed_by = 'reviewer1'"));
    HeadlessChrome.shot(driver, "grading-02-proposed");

    HeadlessChrome.login(driver, base, "execution1");
    driver.get(base + "/ledger/grading.xhtml");
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("gradingForm"), GRADED));
    WebElement pending =
        driver.findElements(By.cssSelector("#gradingForm\\:pending tbody tr")).stream()
            .filter(r -> r.getText().contains(GRADED))
            .findFirst()
            .orElseThrow();
    assertTrue(pending.getText().contains("表扬"), "the result in words: " + pending.getText());
    pending.findElement(By.cssSelector("button[id$=':choosePending']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("gradingForm:approve")));
    new Select(driver.findElement(By.id("gradingForm:decision"))).selectByValue("APPROVED");
    type("gradingForm:decisionReason", "符合本监狱评定标准，同意表扬");
    driver.findElement(By.id("gradingForm:approve")).click();
    shown("已批准");
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM cycle_decision WHERE cycle_id = "
                + cycle
                + " AND result = 'PRAISE' AND decided_by = 'execution1'"));
    HeadlessChrome.shot(driver, "grading-03-approved");
  }

  @Test
  void anOfficerEntersAnExcusalAndTheReviewerApprovesIt() throws Exception {
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/ledger/excusals.xhtml?section=11");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("excusalForm:enter")));
    long before =
        RunningPlatform.count(
            "SELECT COUNT(*) FROM labour_excusal x JOIN inmate i ON i.id = x.inmate_id"
                + " WHERE i.prisoner_number = '"
                + EXCUSED
                + "'");
    // a month that is not one: refused in words, nothing written
    type("excusalForm:prisoner_input", EXCUSED);
    type("excusalForm:from", "三月");
    type("excusalForm:reason", "经监狱医院诊断，腰椎间盘突出，不宜劳动");
    driver.findElement(By.id("excusalForm:enter")).click();
    shown("请写明免于劳动的起始月份");
    // months long closed, so no other test's month changes its split
    type("excusalForm:from", "2019-01");
    type("excusalForm:to", "2019-02");
    driver.findElement(By.id("excusalForm:enter")).click();
    shown("已录入");
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("excusalForm:excusals"), EXCUSED));
    assertEquals(
        before + 1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM labour_excusal x JOIN inmate i ON i.id = x.inmate_id"
                + " WHERE i.prisoner_number = '"
                + EXCUSED
                + "' AND x.entered_by = 'officer1'"));
    HeadlessChrome.shot(driver, "excusal-01-entered");

    HeadlessChrome.login(driver, base, "reviewer1");
    driver.get(base + "/ledger/excusals.xhtml?section=11");
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("excusalForm:excusals"), EXCUSED));
    WebElement row =
        driver.findElements(By.cssSelector("#excusalForm\\:excusals tbody tr")).stream()
            .filter(r -> r.getText().contains(EXCUSED) && r.getText().contains("待审核"))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("button[id$=':choose']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("excusalForm:review")));
    new Select(driver.findElement(By.id("excusalForm:decision"))).selectByValue("APPROVED");
    type("excusalForm:reviewReason", "诊断证明属实，同意免于劳动");
    driver.findElement(By.id("excusalForm:review")).click();
    shown("审核意见已签署");
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM labour_excusal_review r JOIN labour_excusal x ON x.id ="
                + " r.excusal_id JOIN inmate i ON i.id = x.inmate_id WHERE i.prisoner_number = '"
                + EXCUSED
                + "' AND r.decision = 'APPROVED' AND r.reviewed_by = 'reviewer1'"));
    HeadlessChrome.shot(driver, "excusal-02-approved");
  }

  @Test
  void aJuvenileIsProposedEarlyFromTheEligibilityPage() throws Exception {
    WebClient api = new WebClient(base);
    assertEquals(200, api.login("officer3", "demo123!").statusCode());
    assertEquals(201, api.postJson("/api/v1/eligibility/runs", "{\"section\":22}").statusCode());
    long cycle = RunningPlatform.commendation(JUVENILE);
    HeadlessChrome.login(driver, base, "officer3");
    // the list with those not yet due by the general rule
    driver.get(base + "/cases/eligibility.xhtml?section=22&all=true");
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button[id$=':proposeEarly']")));
    // the table's own filter by inmate (the list has pages)
    driver.findElement(By.cssSelector("#eligibilityForm\\:results thead input")).sendKeys(JUVENILE);
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("#eligibilityForm\\:results tbody tr")).stream()
                    .allMatch(r -> r.getText().contains(JUVENILE)));
    WebElement row =
        driver.findElements(By.cssSelector("#eligibilityForm tbody tr")).stream()
            .filter(r -> r.getText().contains(JUVENILE) && r.getText().contains("减刑"))
            .findFirst()
            .orElseThrow();
    assertTrue(row.getText().contains("第十九条"), "the article on the list: " + row.getText());
    row.findElement(By.cssSelector("button[id$=':proposeEarly']")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("proposeForm:doPropose")));
    // the months field holds the lawful maximum, 9 (第六条第二款): no larger amount with a shorter wait
    assertEquals(
        "9",
        driver
            .findElement(By.id("proposeForm:months_input"))
            .getAttribute("value")
            .replaceAll("[^0-9]", ""));
    type("proposeForm:rationale", "犯罪时未成年，认罪悔罪，遵守监规，积极学习");
    // issue 18 walk: saved citing no cycle, it is refused in words, said once, nothing written
    long cases = RunningPlatform.count("SELECT COUNT(*) FROM reduction_case");
    driver.findElement(By.id("proposeForm:doPropose")).click();
    String noCycle = "请选择本次提请所依据的考核周期";
    shown(noCycle);
    String body = driver.findElement(By.tagName("body")).getText();
    assertEquals(1, body.split(noCycle, -1).length - 1, "the refusal is said once: " + body);
    assertEquals(cases, RunningPlatform.count("SELECT COUNT(*) FROM reduction_case"));
    assertTrue(
        driver.findElements(By.cssSelector("#proposeForm .ui-outputlabel-rfi")).size() >= 2,
        "the cycles and the rationale are marked as required");
    HeadlessChrome.shot(driver, "eligibility-no-cycle");
    // the commendation ticked, it is saved
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].click()",
            driver.findElement(
                By.cssSelector("#proposeForm input[type=checkbox][value='" + cycle + "']")));
    WebElement save = driver.findElement(By.id("proposeForm:doPropose"));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
    save.click();
    shown("已保存");
    body = driver.findElement(By.tagName("body")).getText();
    assertEquals(1, body.split("已保存", -1).length - 1, "said once: " + body);
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM case_non_standard n JOIN reduction_case k ON k.id = n.case_id"
                + " JOIN inmate i ON i.id = k.inmate_id WHERE i.prisoner_number = '"
                + JUVENILE
                + "' AND n.ground = 'WAIT' AND k.hearing_required = TRUE"));
    HeadlessChrome.shot(driver, "eligibility-early");
  }
}
