package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18, item 3, in headless Chromium: the education administrator's home counts his imports and
 * enrolments, each count leading to the content screen; an external reader's home lists the case
 * files in his remit that changed since his last visit, and opens them.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class QueuesIT {

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

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  @Test
  void theEducationAdministratorsHomeIsAWorkQueue() throws Exception {
    long noClass =
        RunningPlatform.count(
            "SELECT COUNT(*) FROM inmate i WHERE NOT EXISTS"
                + " (SELECT 1 FROM enrolment e WHERE e.inmate_id = i.id)");
    long idle =
        RunningPlatform.count(
            "SELECT COUNT(*) FROM programme p WHERE NOT EXISTS"
                + " (SELECT 1 FROM cohort h WHERE h.programme_id = p.id)");
    HeadlessChrome.login(driver, base, "eduadmin1");
    assertTrue(driver.getCurrentUrl().endsWith("/eduadmin/home.xhtml"), driver.getCurrentUrl());
    assertEquals(String.valueOf(noClass), driver.findElement(By.id("queue-noClass")).getText());
    assertEquals(String.valueOf(idle), driver.findElement(By.id("queue-idle")).getText());
    assertTrue(driver.findElement(By.id("queue-missing")).getText().matches("\\d+"));
    assertTrue(driver.findElement(By.id("queue-imports")).getText().matches("\\d+"));
    HeadlessChrome.shot(driver, "queue-eduadmin-home");
    for (String link : List.of("openNoClass", "openMissing", "openIdle", "openImports")) {
      driver.get(base + "/eduadmin/home.xhtml");
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[id$='" + link + "']")))
          .click();
      HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/eduadmin/content"));
      assertFalse(driver.getPageSource().contains("系统出错"), link);
    }
  }

  /**
   * The case-file reads in the audit log: the action is inside the entry (audit_entry has no column
   * for it), so it is found in the entry's data, as MusicStudySystemIT finds its own.
   */
  private static final String READS =
      "SELECT COUNT(*) FROM audit_entry WHERE CAST(leaf_data AS CHAR) LIKE '%case.file.read%'";

  @Test
  @SuppressWarnings("unchecked")
  void anExternalReaderSeesWhatChangedSinceHisLastVisit() throws Exception {
    // his visit, then a section proposes a new case, then his next visit
    HeadlessChrome.login(driver, base, "prosecutor1");
    assertTrue(
        driver.findElements(By.id("changedFiles")).size()
                + driver.findElements(By.cssSelector("[id$='changedFiles']")).size()
            > 0);
    // "since" is read on the platform's clock, which a test pins and which does not run: the new
    // case is made a minute after the visit by moving that clock, not by waiting on the wall clock
    RunningPlatform.pin(RunningPlatform.time().instant().plusSeconds(60));
    WebClient execution = login("execution1");
    assertEquals(201, execution.postJson("/api/v1/eligibility/runs", "{}").statusCode());
    WebClient officer = login("officer1");
    HttpResponse<String> latest = officer.get("/api/v1/eligibility/runs/latest?section=12");
    assertEquals(200, latest.statusCode(), latest.body());
    String number = null;
    for (Map<String, Object> r : (List<Map<String, Object>>) CanonicalJson.parse(latest.body())) {
      if (!"ELIGIBLE".equals(r.get("outcome"))
          || !"REDUCTION".equals(r.get("kind"))
          || r.get("maxMonths") == null
          || (Long) r.get("maxMonths") < 1
          || (Long) r.get("maxMonths") > 24) {
        continue;
      }
      HttpResponse<String> proposed =
          officer.postJson(
              "/api/v1/cases",
              "{\"eligibility\":"
                  + r.get("id")
                  + ",\"months\":1,\"rationale\":\"该犯遵守监规，积极参加学习，确有悔改表现。\",\"cycles\":["
                  + RunningPlatform.commendation((String) r.get("prisonerNumber"))
                  + "]}");
      if (proposed.statusCode() == 201) {
        number =
            (String) ((Map<String, Object>) CanonicalJson.parse(proposed.body())).get("number");
        break;
      }
    }
    assertTrue(number != null, "a new case was proposed");

    HeadlessChrome.login(driver, base, "prosecutor1");
    By table = By.cssSelector("[id$='changedFiles']");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(table));
    String listed = driver.findElement(table).getText();
    assertTrue(listed.contains(number), "the new case is listed as changed: " + listed);
    assertTrue(
        driver.findElement(By.cssSelector("[id$='sinceLastVisit']")).getText().contains("上次访问"),
        "the home says since when");
    assertTrue(Long.parseLong(driver.findElement(By.id("queue-new")).getText()) >= 1);
    HeadlessChrome.shot(driver, "queue-prosecutor-since-last-visit");
    // the list reads no file; opening one does, and is logged as a read
    long reads = RunningPlatform.count(READS);
    driver
        .findElement(
            By.xpath(
                "//*[contains(@id,'changedFiles')]//tr[td[contains(normalize-space(),'"
                    + number
                    + "')]]//a[contains(@id,'openChanged')]"))
        .click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/cases/case.xhtml"));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("caseTitle"), number));
    assertFalse(driver.getPageSource().contains("系统出错"));
    assertTrue(
        RunningPlatform.count(READS) > reads,
        "the external reader's opening of the file is logged");
  }
}
