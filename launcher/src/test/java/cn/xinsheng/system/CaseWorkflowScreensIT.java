package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The case screens in headless Chromium, after {@link CaseSystemIT} left a granted case and one at
 * the ward meeting: the department's list by deadline, a reviewer signing a step on the case page,
 * the committee screen, the eligibility list, the judge's read-only file in both languages, the
 * inmate's own case at the terminal. Screenshots in target/screenshots.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class CaseWorkflowScreensIT {

  private static final Path SHOTS = Path.of("target", "screenshots");
  private static WebDriver driver;
  private static String base;
  private static long granted;
  private static long waiting;
  private static String grantedNumber;
  private static String inmateLogin;

  @BeforeAll
  static void open() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(SHOTS);
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                // CaseSystemIT's first two cases: the demo history's own (DemoHistory, sections
                // 21, 22 and 31) come before them
                "SELECT c.id, c.number, i.prisoner_number FROM reduction_case c"
                    + " JOIN inmate i ON i.id = c.inmate_id WHERE c.section_id NOT IN (21, 22, 31)"
                    + " ORDER BY c.id LIMIT 2")) {
      rs.next();
      granted = rs.getLong(1);
      grantedNumber = rs.getString(2);
      inmateLogin = "inmate" + Integer.parseInt(rs.getString(3).substring(4));
      rs.next();
      waiting = rs.getLong(1);
    }
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

  private static long count(String sql) {
    try {
      return RunningPlatform.count(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(String sql) {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 20261220 as the screens say it: 2026-12-20. */
  private static String ymd(long yyyymmdd) {
    String d = Long.toString(yyyymmdd);
    return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
  }

  private static void noErrorPage() {
    assertFalse(driver.getPageSource().contains("系统出错"), driver.getCurrentUrl());
  }

  @Test
  void theCaseScreensFromTheDepartmentToTheInmate() throws IOException {
    login("execution1");
    driver.get(base + "/cases/list.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("casesForm:cases")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains(grantedNumber));
    assertTrue(driver.getPageSource().contains("裁定准予"), "the granted case's status in Chinese");
    assertTrue(driver.getPageSource().contains("监区长办公会"), "the waiting case's next step");
    shot("case-01-list-department");
    driver.get(base + "/cases/committee.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("committeeForm")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("2026年第11次减刑假释评审会"));
    // the walk: "委员：committee1、committee2…"; members by name, the login beside it
    String member = text("SELECT display_name FROM account WHERE username = 'committee1'");
    assertTrue(
        driver.findElement(By.id("committeeForm")).getText().contains(member + "（committee1）"),
        driver.findElement(By.id("committeeForm")).getText());
    shot("case-02-committee");
    driver.get(base + "/cases/eligibility.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("eligibilityForm:results")));
    noErrorPage();
    // issue 16: every reason with its article (rule table 2016-23/v2)
    assertTrue(driver.getPageSource().contains("方可减刑"), "reasons said in Chinese");
    assertTrue(driver.getPageSource().contains("法释〔2016〕23号第"), "reasons name their article");
    shot("case-03-eligibility");

    // the section's reviewer signs the ward meeting on the case page
    login("reviewer1");
    driver.get(base + "/cases/case.xhtml?id=" + waiting);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:sign")));
    noErrorPage();
    shot("case-04-case-before-sign");
    // issue 18 walk: the opinion is required; signed empty, it is refused in words, said once,
    // and nothing is written
    assertFalse(
        driver.findElements(By.cssSelector("#caseForm .ui-outputlabel-rfi")).isEmpty(),
        "the opinion is marked as required");
    long events = count("SELECT COUNT(*) FROM case_event WHERE case_id = " + waiting);
    driver.findElement(By.id("caseForm:sign")).click();
    String refused = "须填写本步骤的意见";
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), refused));
    String body = driver.findElement(By.tagName("body")).getText();
    assertEquals(1, body.split(refused, -1).length - 1, "the refusal is said once: " + body);
    assertTrue(body.contains("监区长办公会"), "names the step: " + body);
    assertEquals(events, count("SELECT COUNT(*) FROM case_event WHERE case_id = " + waiting));
    shot("case-04b-empty-opinion-refused");
    driver.findElement(By.id("caseForm:note")).sendKeys("监区长办公会研究同意提请。");
    driver.findElement(By.id("caseForm:sign")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("caseForm:next"), "刑罚执行科审查"));
    shot("case-05-case-after-sign");

    // the judge's read-only file, in both languages
    login("judge1");
    driver.get(base + "/cases/case.xhtml?id=" + granted);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:timeline")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("法院裁定"));
    // the walk: "已授权律师 lawyer1" (the dropdown said 张律): the lawyer by name, in the field and
    // in the timeline's grant
    String lawyer = text("SELECT display_name FROM account WHERE username = 'lawyer1'");
    assertTrue(
        driver.findElement(By.id("caseForm:lawyers")).getText().contains(lawyer + "（lawyer1）"),
        driver.findElement(By.id("caseForm:lawyers")).getText());
    assertFalse(
        driver.findElement(By.id("caseForm:timeline")).getText().matches("(?s).* lawyer1\\b.*"),
        "no bare login in the timeline: "
            + driver.findElement(By.id("caseForm:timeline")).getText());
    // who signed is said by name, the login beside it (the court reads this file)
    assertTrue(
        driver.findElement(By.id("caseForm:timeline")).getText().contains("周建军（officer1）"),
        driver.findElement(By.id("caseForm:timeline")).getText());
    assertTrue(
        driver.findElements(By.id("caseForm:sign")).isEmpty(), "nothing to sign on a closed case");
    // the walk: the ruling waited for the court's posting while the file said only the prison's
    // "公示截止"; now each posting is named and the court's shows its own last day
    assertTrue(driver.getPageSource().contains("监狱公示截止"), "the prison's posting by name");
    assertTrue(driver.getPageSource().contains("法院公示截止"), "the court's posting by name");
    assertEquals(
        ymd(
            count(
                "SELECT DATE_FORMAT(DATE_ADD(on_date, INTERVAL 5 DAY), '%Y%m%d') FROM case_event"
                    + " WHERE step = 'COURT_POSTING' AND case_id = "
                    + granted)),
        driver.findElement(By.id("caseForm:courtPostingEnds")).getText().trim());
    shot("case-06-judge-file-zh");
    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("Case file"));
    assertTrue(driver.getPageSource().contains("Granted"));
    shot("case-07-judge-file-en");
    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("案件卷宗"));

    // the inmate at the terminal: his case, its basis, how to object
    login(inmateLogin);
    driver.get(base + "/inmate/case.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("myCaseForm")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains(grantedNumber));
    assertTrue(driver.getPageSource().contains("提请依据"));
    // the walk: "裁定准予" without the months or the day, and an offer to object "截止 —" when no
    // posting was open
    long months =
        count(
            "SELECT months FROM case_event WHERE step = 'RULING' AND choice = 'GRANTED' AND case_id = "
                + granted);
    String ruledOn =
        ymd(
            count(
                "SELECT DATE_FORMAT(COALESCE(on_date, DATE(signed_at)), '%Y%m%d') FROM case_event"
                    + " WHERE step = 'RULING' AND choice = 'GRANTED' AND case_id = "
                    + granted));
    String ruling = driver.findElement(By.cssSelector(".xs-ruling")).getText();
    assertTrue(ruling.contains("准予，" + months + " 个月"), ruling);
    assertTrue(ruling.contains(ruledOn), ruling + " / " + ruledOn);
    assertFalse(
        driver.findElement(By.tagName("body")).getText().contains("截止 —"),
        "no objection with a posting that has no end");
    shot("case-08-inmate");
  }
}
