package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * Issue 16: the penalty-execution department enters a sentence record and a later change on the
 * sentence screen in headless Chromium. Facts that do not hold are refused with the field named in
 * Chinese (and English), and nothing is written; a valid judgment and a reduction are written, move
 * the inmate's end and are in the audit log. Demo inmate 54 (section 32), whom no other test uses.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class SentenceRecordScreensIT {

  private static final String INMATE = "3301000054";
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

  private static long count(String sql) throws Exception {
    return RunningPlatform.count(sql);
  }

  private static long inmateId() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT id FROM inmate WHERE prisoner_number = '" + INMATE + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String end() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_sentence_end FROM inmate WHERE prisoner_number = '"
                    + INMATE
                    + "'")) {
      rs.next();
      return String.valueOf(rs.getDate(1));
    }
  }

  private static void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private static void messageShown(String text) {
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sentenceForm:messages"), text));
    assertFalse(driver.getPageSource().contains("系统出错"));
  }

  @Test
  void theDepartmentEntersAJudgmentAndAChangeAndBadFactsAreRefused() throws Exception {
    long id = inmateId();
    long records = count("SELECT COUNT(*) FROM sentence_record WHERE inmate_id = " + id);
    long changes = count("SELECT COUNT(*) FROM sentence_change WHERE inmate_id = " + id);
    long audits =
        count("SELECT COUNT(*) FROM audit_entry WHERE subject = 'sentence/" + INMATE + "'");

    HeadlessChrome.login(driver, base, "execution1");
    driver.get(base + "/cases/sentence.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sentenceForm:prisoner")));
    type("sentenceForm:prisoner", INMATE);
    driver.findElement(By.id("sentenceForm:load")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sentenceForm:save")));
    shot("sentence-01-loaded");

    // 限制减刑 on a fixed term: refused, naming the field, nothing written
    new Select(driver.findElement(By.id("sentenceForm:kind"))).selectByValue("FIXED");
    type("sentenceForm:months", "120");
    type("sentenceForm:start", "2022-03-01");
    type("sentenceForm:detention", "60");
    driver.findElement(By.id("sentenceForm:limited")).click();
    driver.findElement(By.cssSelector("input[value='ROBBERY']")).click();
    type("sentenceForm:note", "（2022）浙01刑初12号刑事判决书");
    driver.findElement(By.id("sentenceForm:save")).click();
    messageShown("限制减刑、终身监禁只适用于死刑缓期执行");
    assertTrue(driver.getPageSource().contains("判决事实不成立（限制减刑）"), "the field named");
    shot("sentence-02-refused");
    assertEquals(records, count("SELECT COUNT(*) FROM sentence_record WHERE inmate_id = " + id));

    // 数罪并罚 on a fixed term: refused too (法释〔2016〕23号第九条、第十一条 are life and 死缓)
    driver.findElement(By.id("sentenceForm:limited")).click();
    driver.findElement(By.id("sentenceForm:combined")).click();
    driver.findElement(By.id("sentenceForm:save")).click();
    messageShown("数罪并罚从严只适用于无期徒刑、死缓");
    assertEquals(records, count("SELECT COUNT(*) FROM sentence_record WHERE inmate_id = " + id));

    // the same without the two flags, a minor while serving (第十九条): written, the end follows
    // (120 months less 60 days' detention)
    driver.findElement(By.id("sentenceForm:combined")).click();
    driver.findElement(By.id("sentenceForm:minorWhileServing")).click();
    type("sentenceForm:violentTerm", "36");
    // and two of the crimes given ten years or more each (第七条第二款): fits a 120-month term
    driver.findElement(By.id("sentenceForm:twoCrimes")).click();
    driver.findElement(By.id("sentenceForm:save")).click();
    messageShown("判决记录已保存");
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sentenceForm:currentKind"), "有期徒刑"));
    assertEquals(
        records + 1, count("SELECT COUNT(*) FROM sentence_record WHERE inmate_id = " + id));
    assertEquals("2031-12-30", end(), "2022-03-01 less 60 days plus 120 months, its last day");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM sentence_record WHERE inmate_id = "
                + id
                + " AND minor_while_serving AND NOT combined_sentence AND NOT juvenile"
                + " AND violent_term_months = 36 AND two_crimes_of_ten_years"
                + " AND id = (SELECT MAX(id) FROM sentence_record WHERE inmate_id = "
                + id
                + ")"));
    shot("sentence-03-saved");

    // a change with no date: refused; a reduction of 6 months: written, the end moves
    new Select(driver.findElement(By.id("sentenceForm:changeKind"))).selectByValue("REDUCTION");
    type("sentenceForm:changeMonths", "6");
    type("sentenceForm:changeNote", "（2024）浙01刑更345号刑事裁定书");
    driver.findElement(By.id("sentenceForm:addChange")).click();
    messageShown("请填写裁定日期");
    assertEquals(changes, count("SELECT COUNT(*) FROM sentence_change WHERE inmate_id = " + id));
    type("sentenceForm:changeOn", "2024-06-10");
    type("sentenceForm:changeMonths", "6");
    type("sentenceForm:changeNote", "（2024）浙01刑更345号刑事裁定书");
    // issue 16: a service day (送达日期) before the ruling, or after the platform's today, is refused
    // with both days named, and nothing is written
    type("sentenceForm:changeServedOn", "2024-06-09");
    driver.findElement(By.id("sentenceForm:addChange")).click();
    messageShown("送达日期（2024-06-09）不能早于裁定日期（2024-06-10）");
    assertEquals(changes, count("SELECT COUNT(*) FROM sentence_change WHERE inmate_id = " + id));
    java.time.LocalDate today = RunningPlatform.time().today();
    type("sentenceForm:changeMonths", "6");
    type("sentenceForm:changeNote", "（2024）浙01刑更345号刑事裁定书");
    type("sentenceForm:changeServedOn", today.plusDays(1).toString());
    driver.findElement(By.id("sentenceForm:addChange")).click();
    messageShown("送达日期（" + today.plusDays(1) + "）不能晚于今天（" + today + "）");
    assertEquals(changes, count("SELECT COUNT(*) FROM sentence_change WHERE inmate_id = " + id));
    shot("sentence-04a-served-refused");
    // this ruling's service is not known yet: it is entered without one
    driver.findElement(By.id("sentenceForm:changeServedOn")).clear();
    type("sentenceForm:changeMonths", "6");
    type("sentenceForm:changeNote", "（2024）浙01刑更345号刑事裁定书");
    driver.findElement(By.id("sentenceForm:addChange")).click();
    messageShown("刑罚变更已保存");
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sentenceForm:changes"), "2024-06-10"));
    assertEquals(
        changes + 1,
        count(
            "SELECT COUNT(*) FROM sentence_change WHERE inmate_id = "
                + id
                + " AND kind = 'REDUCTION' AND months = 6 AND case_id IS NULL"));
    assertEquals("2031-06-29", end(), "six months off the end");
    assertEquals(
        audits + 2,
        count("SELECT COUNT(*) FROM audit_entry WHERE subject = 'sentence/" + INMATE + "'"));
    shot("sentence-04-change");

    // English
    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("Judgment and sentence changes"));
    assertTrue(driver.getPageSource().contains("Prisoner number"), "the form's labels in English");
    shot("sentence-05-en");
    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("判决与刑罚变更记录"));

    previousRulingOnTheEligibilityList(id);
  }

  /** The inmate's row of the eligibility list of section 32, all results, after a new run. */
  private static String eligibilityRow(boolean run) {
    driver.get(base + "/cases/eligibility.xhtml?section=32&all=true");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("eligibilityForm:results")));
    if (run) {
      driver.findElement(By.id("eligibilityForm:run")).click();
      waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("eligibilityForm:summary"), "规则表"));
    }
    // the inmate column's filter: his rows whatever page of the list they fall on
    WebElement filter =
        driver.findElement(By.cssSelector("[id='eligibilityForm:results'] input.ui-column-filter"));
    filter.clear();
    filter.sendKeys(INMATE);
    By rows =
        By.xpath(
            "//tbody[@id='eligibilityForm:results_data']/tr[td[contains(., '" + INMATE + "')]]");
    By all = By.xpath("//tbody[@id='eligibilityForm:results_data']/tr");
    waiting()
        .until(
            d ->
                !d.findElements(rows).isEmpty()
                    && d.findElements(all).size() == d.findElements(rows).size());
    StringBuilder text = new StringBuilder();
    for (WebElement r : driver.findElements(rows)) {
      text.append(r.getText()).append('\n');
    }
    return text.toString();
  }

  /**
   * Issue 16: the eligibility list shows, beside an inmate with an earlier reduction, the previous
   * ruling's date and its service (送达日期), each labelled, in the prison's days; the interval's
   * reason says it counts from the service (法释〔2016〕23号第四十条第二款) once the sentence screen has
   * recorded one with the next ruling.
   */
  private static void previousRulingOnTheEligibilityList(long id) throws Exception {
    String before = eligibilityRow(true);
    assertTrue(before.contains("裁定日期 2024-06-10"), "the previous ruling's day: " + before);
    assertTrue(before.contains("送达日期 未记录"), "no service recorded yet: " + before);
    assertTrue(before.contains("送达日期尚未记录，记录后自送达之日起算"), "the interval's reason: " + before);
    shot("sentence-06-eligibility-unserved");
    // issue 16: the next ruling is entered on the sentence screen with its service day (送达日期),
    // written append-only beside the change, shown on the screen and in the audit entry
    long audits =
        count("SELECT COUNT(*) FROM audit_entry WHERE subject = 'sentence/" + INMATE + "'");
    driver.get(base + "/cases/sentence.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sentenceForm:prisoner")));
    type("sentenceForm:prisoner", INMATE);
    driver.findElement(By.id("sentenceForm:load")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sentenceForm:addChange")));
    assertTrue(
        driver.findElement(By.id("sentenceForm:changes")).getText().contains("未记录"),
        "the first ruling's service is not recorded");
    new Select(driver.findElement(By.id("sentenceForm:changeKind"))).selectByValue("REDUCTION");
    type("sentenceForm:changeOn", "2025-06-20");
    type("sentenceForm:changeMonths", "3");
    type("sentenceForm:changeServedOn", "2025-06-27");
    type("sentenceForm:changeNote", "（2025）浙01刑更678号刑事裁定书");
    driver.findElement(By.id("sentenceForm:addChange")).click();
    messageShown("刑罚变更已保存");
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sentenceForm:changes"), "2025-06-27"));
    shot("sentence-06a-served-entered");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM sentence_change_service s JOIN sentence_change c"
                + " ON c.id = s.sentence_change_id WHERE c.inmate_id = "
                + id
                + " AND c.ruled_on = '2025-06-20' AND c.case_id IS NULL"
                + " AND s.served_on = '2025-06-27' AND s.recorded_by = 'execution1'"));
    assertEquals("2031-03-29", end(), "three more months off the end, from the ruling");
    assertEquals(
        audits + 1,
        count("SELECT COUNT(*) FROM audit_entry WHERE subject = 'sentence/" + INMATE + "'"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'sentence/"
                + INMATE
                + "' AND CAST(leaf_data AS CHAR) LIKE '%sentence.changed%'"
                + " AND CAST(leaf_data AS CHAR) LIKE '%\"servedOn\":\"2025-06-27\"%'"),
        "the service day is in the audit entry");
    String after = eligibilityRow(true);
    assertTrue(after.contains("裁定日期 2025-06-20"), after);
    assertTrue(after.contains("送达日期 2025-06-27"), "the service's day: " + after);
    assertTrue(
        after.contains("上次减刑裁定（2025-06-20）送达之日（2025-06-27）起算"),
        "the interval counts from the service: " + after);
    assertTrue(after.contains("第四十条第二款"), after);
    shot("sentence-07-eligibility-served");
    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("eligibility"));
    String en = eligibilityRow(false);
    assertTrue(
        en.contains("Ruled on 2025-06-20") && en.contains("Served on 2025-06-27"),
        "labelled in English: " + en);
    assertTrue(en.contains("counted from the service of the previous ruling"), en);
    shot("sentence-08-eligibility-served-en");
    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("减刑假释资格筛查"));
  }
}
