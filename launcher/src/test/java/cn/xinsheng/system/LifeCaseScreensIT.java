package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, deliverable 6, in headless Chromium: the screens of a life case's new steps, each
 * rendered and clicked by its own role — the department's 复核 of a posting objection, the bureau's
 * review and (by another of its people) its decision, the high court's receipt, posting, an
 * objection during its posting and its one-month extension — in Chinese, and the file in English.
 * Its own case (demo inmate 33, 死缓 already commuted to life, section 21), so it depends on no other
 * test. Screenshots in target/screenshots.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class LifeCaseScreensIT {

  private static final String PASSWORD = "demo123!";
  private static final String INMATE = "3301000033";
  private static final long SECTION = 21;
  private static WebDriver driver;
  private static String base;
  private static WebClient execution;
  private static long caseId;

  @BeforeAll
  static void open() {
    base = RunningPlatform.ensureStarted();
    execution = login("execution1");
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
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Object json(HttpResponse<String> r) {
    return CanonicalJson.parse(r.body());
  }

  private static void signed(WebClient c, String step, String extra) {
    HttpResponse<String> r =
        c.postJson(
            "/api/v1/cases/" + caseId + "/steps",
            "{\"step\":\""
                + step
                + "\",\"note\":\"同意。\""
                + (extra == null ? "" : "," + extra)
                + "}");
    assertEquals(201, r.statusCode(), step + ": " + r.body());
  }

  private static WebDriverWait waiting() {
    return HeadlessChrome.waiting(driver);
  }

  private static void shot(String name) throws IOException {
    HeadlessChrome.shot(driver, name);
  }

  private static void noErrorPage() {
    assertFalse(driver.getPageSource().contains("系统出错"), driver.getCurrentUrl());
  }

  private static void openCase(String user) {
    HeadlessChrome.login(driver, base, user);
    driver.get(base + "/cases/case.xhtml?id=" + caseId);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:timeline")));
    noErrorPage();
  }

  /**
   * Picks an item of a PrimeFaces menu and waits until the menu shows it; a click during the
   * panel's opening animation can be lost on a loaded machine (or meet the item at zero size, "not
   * interactable"), so it tries again.
   */
  private static void choose(String menuId, String label) {
    for (int attempt = 1; ; attempt++) {
      try {
        driver.findElement(By.id(menuId)).click();
        waiting()
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("li[data-label='" + label + "']")))
            .click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id(menuId + "_label"), label));
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static void signOnPage(String note, String nextAfter) {
    driver.findElement(By.id("caseForm:note")).sendKeys(note);
    driver.findElement(By.id("caseForm:sign")).click();
    try {
      waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("caseForm:next"), nextAfter));
    } catch (org.openqa.selenium.TimeoutException e) {
      // say what the page said instead (a refusal's message), not only that it did not move on
      throw new AssertionError(
          "not at "
              + nextAfter
              + "; the page says: "
              + driver.findElement(By.tagName("main")).getText(),
          e);
    }
    noErrorPage();
  }

  /** The prison's part up to the posting's objection, over the API (CaseSystemIT tests it). */
  @SuppressWarnings("unchecked")
  private static void proposeAndPost() {
    WebClient officer = login("officer2");
    assertEquals(
        201,
        officer.postJson("/api/v1/eligibility/runs", "{\"section\":" + SECTION + "}").statusCode());
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>)
            json(officer.get("/api/v1/eligibility/runs/latest?all=true&section=" + SECTION));
    Map<String, Object> row =
        rows.stream()
            .filter(
                r -> INMATE.equals(r.get("prisonerNumber")) && "REDUCTION".equals(r.get("kind")))
            .findFirst()
            .orElseThrow();
    assertEquals("ELIGIBLE", row.get("outcome"), String.valueOf(row));
    // after 死缓 became life, with repentance: 25 years (法释〔2016〕23号第十条)
    HttpResponse<String> proposed =
        officer.postJson(
            "/api/v1/cases",
            "{\"eligibility\":"
                + row.get("id")
                + ",\"months\":300,\"rationale\":\"确有悔改表现\",\"cycles\":["
                + RunningPlatform.commendation(INMATE)
                + "]}");
    assertEquals(201, proposed.statusCode(), proposed.body());
    caseId = (Long) ((Map<String, Object>) json(proposed)).get("id");
    signed(login("reviewer1"), "WARD_MEETING", null);
    signed(execution, "EXECUTION_REVIEW", null);
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      members.append(i > 1 ? "," : "").append("\"committee").append(i).append('"');
    }
    assertEquals(
        201,
        execution
            .postJson(
                "/api/v1/committee/meetings",
                "{\"title\":\"死缓减为无期后减刑评审\",\"members\":["
                    + members
                    + "],\"cases\":["
                    + caseId
                    + "]}")
            .statusCode());
    for (int i = 1; i <= 6; i++) {
      assertEquals(
          201,
          login("committee" + i)
              .postJson("/api/v1/cases/" + caseId + "/votes", "{\"choice\":\"AGREE\"}")
              .statusCode());
    }
    signed(execution, "COMMITTEE", null);
    signed(execution, "POSTING", null);
    // inmate9 is in section 21
    assertEquals(
        201,
        login("inmate9")
            .postJson("/api/v1/cases/" + caseId + "/posting-objections", "{\"text\":\"请复核\"}")
            .statusCode());
    assertEquals(
        200,
        execution.postJson("/api/v1/cases/demo-clock", "{\"days\":12}").statusCode(),
        "past the posting");
  }

  @Test
  void theNewStepsOfALifeCaseAreSignedOnTheirScreens() throws IOException {
    proposeAndPost();

    // the department signs the committee's 复核 on the case page
    openCase("execution1");
    assertTrue(driver.getPageSource().contains("经省监狱管理局报高级人民法院（无期徒刑）"), "the track");
    assertTrue(driver.findElement(By.id("caseForm:next")).getText().contains("评审委员会复核公示异议"));
    shot("life-01-recheck-before");
    // issue 16: the 复核 may change the proposal (司法部令第130号第十一条); changed without the new
    // amount it is refused in words and nothing is written
    driver.findElement(By.cssSelector("label[for='caseForm:recheckChoice:1']")).click();
    driver.findElement(By.id("caseForm:note")).sendKeys("异议成立。");
    driver.findElement(By.id("caseForm:sign")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("caseForm:messages"), "须写明变更后的减刑月数"));
    noErrorPage();
    assertTrue(driver.findElement(By.id("caseForm:next")).getText().contains("评审委员会复核公示异议"));
    assertFalse(
        driver.findElement(By.id("caseForm:timeline")).getText().contains("复核后变更建议"),
        "nothing written");
    driver.findElement(By.id("caseForm:note")).clear();
    driver.findElement(By.cssSelector("label[for='caseForm:recheckChoice:0']")).click();
    signOnPage("经评审委员会复核，异议不成立，维持原评审意见，已告知异议人。", "监狱长办公会");
    shot("life-02-recheck-after");

    signed(login("warden1"), "DIRECTOR_MEETING", null);
    signed(execution, "SUBMISSION", null);

    // the bureau: its home, its list, the review
    HeadlessChrome.login(driver, base, "bureau1");
    driver.get(base + "/bureau/home.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("监狱管理局审核门户"));
    // the walk: "您的访问为只读" on the home of a role that reviews, no count of its work, no
    // cases on the menu
    String home = driver.findElement(By.tagName("body")).getText();
    assertFalse(home.contains("您的访问为只读"), home);
    assertTrue(home.contains("您可以签署监狱管理局的审核"), home);
    assertTrue(
        Long.parseLong(driver.findElement(By.id("queue-review")).getText().trim()) >= 1,
        "the case submitted to the bureau is counted");
    assertTrue(
        driver
            .findElement(By.xpath("//*[@id='menuForm:menu']//a[contains(., '减刑假释案件')]"))
            .getAttribute("href")
            .contains("/cases/list.xhtml"),
        "减刑假释案件 on the menu");
    shot("life-03-bureau-home");
    driver.findElement(By.id("portal")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("casesForm:cases")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains(INMATE), "the bureau's list holds the case");
    shot("life-04-bureau-list");
    openCase("bureau1");
    assertTrue(driver.findElement(By.id("caseForm:next")).getText().contains("监狱管理局刑罚执行部门审查"));
    signOnPage("材料齐全，符合法释〔2016〕23号第十条，建议审核同意。", "监狱管理局审核决定");
    shot("life-05-bureau-reviewed");

    // the decision by another of the bureau's people, chosen on the page
    openCase("bureau2");
    choose("caseForm:bureauChoice", "审核同意，提请高级人民法院");
    signOnPage("局长审定：同意提请高级人民法院裁定。", "法院立案");
    shot("life-06-bureau-approved");

    // the high court's home: what it signs, its count, its cases on the menu
    HeadlessChrome.login(driver, base, "highjudge1");
    driver.get(base + "/highjudge/home.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue-sign")));
    String courtHome = driver.findElement(By.tagName("body")).getText();
    assertFalse(courtHome.contains("您的访问为只读"), courtHome);
    assertTrue(courtHome.contains("您可以签署高级人民法院的步骤"), courtHome);
    assertTrue(
        Long.parseLong(driver.findElement(By.id("queue-sign")).getText().trim()) >= 1,
        "the case sent to the high court is counted");
    assertTrue(
        driver
            .findElement(By.xpath("//*[@id='menuForm:menu']//a[contains(., '减刑假释案件')]"))
            .getAttribute("href")
            .contains("/cases/list.xhtml"),
        "减刑假释案件 on the menu");

    // the high court: receipt, posting, an objection during its posting, its extension
    openCase("highjudge1");
    signOnPage("立案。", "法院公示");
    // the prison's posting had an objection: the hearing is mandatory (法释〔2014〕5号第六条第（三）项)
    signOnPage("公示五日。", "开庭审理");
    shot("life-07-court-posting");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:courtObject")));
    driver.findElement(By.id("caseForm:courtText")).sendKeys("被害人近亲属提出不同意见。");
    driver.findElement(By.id("caseForm:courtObject")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("caseForm:timeline"), "法院公示期间异议"));
    noErrorPage();
    driver.findElement(By.id("caseForm:courtText")).sendKeys("案情复杂，延长审理期限一个月。");
    driver.findElement(By.id("caseForm:courtExtend")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("caseForm:rulingDue"), "已延长一个月"));
    noErrorPage();
    assertTrue(
        driver.findElements(By.id("caseForm:courtExtend")).isEmpty(), "extended once, no more");
    assertTrue(driver.getPageSource().contains("法院延长审理期限一个月"), "on the timeline");
    shot("life-08-court-extended");

    // the intermediate court's judge does not reach it
    HeadlessChrome.login(driver, base, "judge1");
    driver.get(base + "/cases/case.xhtml?id=" + caseId);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm")));
    assertTrue(driver.findElements(By.id("caseForm:timeline")).isEmpty());

    // the file in English
    openCase("highjudge1");
    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("Case file"));
    assertTrue(driver.getPageSource().contains("Through the provincial bureau to the high court"));
    assertTrue(driver.getPageSource().contains("Committee re-examines posting objections"));
    assertTrue(driver.getPageSource().contains("Bureau decision"));
    shot("life-09-court-file-en");
    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("案件卷宗"));
  }
}
