package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, on the rendered page: the eligibility list of the long-sentence prison shows the life,
 * 死缓, 终身监禁, strict-category, recidivist and violent inmates of the demo with the law's reasons in
 * words and their articles, never an internal code (LIFE, DEATH_REPRIEVE, MAX_STRICT, ROBBERY …).
 * {@code EligibilityWorkflowSystemIT} checks the same run over the API; this reads what the
 * department (execution1, the whole prison) and a section officer (officer1, who proposes from the
 * page) see in headless Chromium. Demo inmates 31, 33, 35, 37, 39, 40 ({@code DemoData}).
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class EligibilityScreensIT {

  /** An internal code: capitals, or capitals joined by underscores (DEATH_REPRIEVE, NOT_YET). */
  private static final Pattern CODE = Pattern.compile("\\b[A-Z]{3,}(?:_[A-Z]+)*\\b");

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

  /** The section's list with every outcome, after a new run of it. */
  private static void runSection(long section) {
    driver.get(base + "/cases/eligibility.xhtml?section=" + section + "&all=true");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("eligibilityForm:results")));
    driver.findElement(By.id("eligibilityForm:run")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("eligibilityForm:summary"), "规则表"));
  }

  /** The rows of one inmate (reduction and parole), as the page renders them. */
  private static String rows(String prisonerNumber) {
    WebElement filter =
        driver.findElement(By.cssSelector("[id='eligibilityForm:results'] input.ui-column-filter"));
    filter.clear();
    filter.sendKeys(prisonerNumber);
    By mine =
        By.xpath(
            "//tbody[@id='eligibilityForm:results_data']/tr[td[contains(., '"
                + prisonerNumber
                + "')]]");
    By all = By.xpath("//tbody[@id='eligibilityForm:results_data']/tr");
    waiting()
        .until(
            d ->
                !d.findElements(mine).isEmpty()
                    && d.findElements(all).size() == d.findElements(mine).size());
    StringBuilder text = new StringBuilder();
    for (WebElement r : driver.findElements(mine)) {
      text.append(r.getText()).append('\n');
    }
    return text.toString();
  }

  /** Shown in words: each phrase present, no internal code, no unresolved message key. */
  private static void inWords(String rows, String... words) {
    for (String w : words) {
      assertTrue(rows.contains(w), "'" + w + "' not shown: " + rows);
    }
    Matcher code = CODE.matcher(rows);
    if (code.find()) {
      throw new AssertionError("an internal code on the page, " + code.group() + ": " + rows);
    }
    assertFalse(rows.contains("???") || rows.contains("elig.") || rows.contains("reason."), rows);
    // the law's answer names its article
    assertTrue(rows.contains("法释〔2016〕23号") || rows.contains("刑法第"), "an article: " + rows);
  }

  @Test
  void theDepartmentReadsEveryKindOfInmateInWords() throws Exception {
    HeadlessChrome.login(driver, base, "execution1");

    // section 11: a life term (法释〔2016〕23号第八条) and a recidivist (第七条第一款; 刑法第八十一条第二款)
    runSection(11);
    String life = rows("3301000031");
    inWords(life, "无期徒刑", "减刑", "假释", "第八条");
    String recidivist = rows("3301000037");
    inWords(recidivist, "累犯", "累犯不得假释", "第七条第一款");
    shot("eligibility-kinds-01-life-recidivist");

    // section 21: 死缓 reached life (第十条) and a robber sentenced to 12 years (第七条第二款; no parole)
    runSection(21);
    String reprieve = rows("3301000033");
    inWords(reprieve, "死缓减为无期徒刑后", "第十条");
    String violent = rows("3301000039");
    inWords(violent, "抢劫", "十年以上", "不得假释", "第七条第二款");
    shot("eligibility-kinds-02-reprieve-violent");

    // section 22: 终身监禁 (第十五条): never reduced nor paroled
    runSection(22);
    inWords(rows("3301000040"), "终身监禁", "不得减刑、假释", "第十五条");

    // section 31: a strict category, financial fraud of eight years (第七条第一款)
    runSection(31);
    String strict = rows("3301000035");
    inWords(strict, "从严类罪犯", "金融诈骗", "第七条第一款");
    shot("eligibility-kinds-03-strict");

    // and in English: still words, no code
    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("eligibility"));
    String en = rows("3301000035");
    assertTrue(en.toLowerCase(java.util.Locale.ROOT).contains("strict"), en);
    assertFalse(
        Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b").matcher(en).find(), "a code in English: " + en);
    shot("eligibility-kinds-04-en");
    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("减刑假释资格筛查"));
  }

  /** The officer who proposes from the page reads his section's kinds the same way. */
  @Test
  void aSectionOfficerReadsHisLifeAndRecidivistInmatesInWords() throws Exception {
    HeadlessChrome.login(driver, base, "officer1");
    runSection(11);
    inWords(rows("3301000031"), "无期徒刑", "第八条");
    inWords(rows("3301000037"), "累犯不得假释");
    shot("eligibility-kinds-05-officer");
  }
}
