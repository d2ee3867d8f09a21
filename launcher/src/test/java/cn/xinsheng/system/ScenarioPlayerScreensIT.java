package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 20: an inmate plays a release-readiness simulation at the terminal in Chromium, once right
 * (100, passed) and once with the scenario's mistakes (5, not passed), by touch and by keyboard;
 * the server scores both, stores them and logs them; a forged record is refused; the teacher sees
 * his own learners' attempts and another teacher does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioPlayerScreensIT {

  private static final String PASSWORD = "demo123!";
  private static final String INMATE = "3301000003";
  private static final String SCENARIO = "atm-card-activation";
  private static String base;
  private static WebDriver driver;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  private static long attempts() throws Exception {
    return RunningPlatform.count(
        "SELECT COUNT(*) FROM scenario_attempt a JOIN inmate i ON i.id = a.inmate_id"
            + " WHERE i.prisoner_number = '"
            + INMATE
            + "' AND a.scenario_id = '"
            + SCENARIO
            + "'");
  }

  /** Waits until the screen shows this element, then touches it. */
  private static void touch(String element) {
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-element='" + element + "']")))
        .click();
  }

  private static void answer(String element, String value) {
    WebElement input =
        HeadlessChrome.waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("input[data-element='" + element + "']")));
    input.clear();
    input.sendKeys(value, Keys.ENTER);
  }

  private static void waitForMistake() {
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("xs-player-mistake")));
  }

  private static String resultText() {
    return HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("xs-player-result")))
        .getText();
  }

  @Test
  @Order(1)
  void theInmateFindsTheSimulationsOnHisHomeAndPlaysOneRight() throws Exception {
    long before = attempts();
    HeadlessChrome.login(driver, base, "inmate3");
    driver.get(base + "/inmate/home.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='myScenarios']")))
        .click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/inmate/scenarios.xhtml"));
    List<WebElement> cards = driver.findElements(By.cssSelector(".xs-scenario-card"));
    assertTrue(cards.size() >= 8, "at least eight simulations: " + cards.size());
    HeadlessChrome.shot(driver, "readiness-scenarios");
    driver.get(base + "/inmate/scenario.xhtml?id=" + SCENARIO);
    // by keyboard: the first target has the focus, Enter touches it
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button[data-element='insert-card']")));
    WebElement focused = driver.switchTo().activeElement();
    assertEquals(
        "let-him-help", focused.getAttribute("data-element"), "the first target is focused");
    new Actions(driver).sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER).perform(); // insert-card

    answer("pin", "８６０５３１"); // full-width digits, as a Chinese input method types them
    touch("change-pin");
    answer("new", "472915");
    touch("withdraw");
    answer("yuan", "300");
    HeadlessChrome.shot(driver, "readiness-cash");
    touch("return-card");
    String result = resultText();
    HeadlessChrome.shot(driver, "readiness-result-right");
    assertTrue(result.contains("100"), result);
    assertTrue(result.contains("通过") && !result.contains("未通过"), result);
    assertEquals(before + 1, attempts());
    // the buttons are touch-sized
    int height = driver.findElement(By.id("xs-player-again")).getSize().getHeight();
    assertTrue(height >= 44, "target height " + height);
  }

  @Test
  @Order(2)
  void playedAgainWithMistakesItScoresLowerAndSaysWhy() throws Exception {
    long before = attempts();
    driver.findElement(By.id("xs-player-again")).click();
    touch("call-note");
    waitForMistake();
    assertTrue(driver.findElement(By.id("xs-player-mistake")).getText().contains("客服电话"));
    touch("let-him-help");
    answer("pin", "860531");
    touch("change-pin");
    answer("new", "123456");
    waitForMistake();
    answer("new", "472915");
    touch("withdraw");
    answer("yuan", "300");
    touch("walk-away");
    String result = resultText();
    HeadlessChrome.shot(driver, "readiness-result-mistakes");
    assertTrue(result.contains("5") && result.contains("未通过"), result);
    assertEquals(4, driver.findElements(By.cssSelector("#xs-player-mistakes li")).size(), result);
    assertEquals(before + 1, attempts());
    assertEquals(
        5L,
        RunningPlatform.count(
            "SELECT a.score FROM scenario_attempt a JOIN inmate i ON i.id = a.inmate_id WHERE"
                + " i.prisoner_number = '"
                + INMATE
                + "' ORDER BY a.id DESC LIMIT 1"));
    assertTrue(
        RunningPlatform.count(
                "SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE '%readiness.attempt.recorded%'")
            >= 2);
  }

  @Test
  @Order(3)
  void aForgedOrUnfinishedRecordIsRefusedAndNothingIsStored() throws Exception {
    WebClient inmate = login("inmate3");
    long before = attempts();
    HttpResponse<String> forged =
        inmate.postJson(
            "/api/v1/readiness/scenarios/" + SCENARIO + "/attempts",
            "{\"steps\":[{\"kind\":\"TOUCH\",\"element\":\"return-card\",\"elapsedMillis\":10}]}");
    assertEquals(400, forged.statusCode(), forged.body());
    assertTrue(forged.body().contains("message_zh"), forged.body());
    HttpResponse<String> unfinished =
        inmate.postJson(
            "/api/v1/readiness/scenarios/" + SCENARIO + "/attempts",
            "{\"steps\":[{\"kind\":\"TOUCH\",\"element\":\"insert-card\",\"elapsedMillis\":10}]}");
    assertEquals(400, unfinished.statusCode(), unfinished.body());
    assertTrue(unfinished.body().contains("还没有做完"), unfinished.body());
    assertEquals(
        400,
        inmate
            .postJson(
                "/api/v1/readiness/scenarios/" + SCENARIO + "/play",
                "{\"steps\":[{\"kind\":\"JUMP\",\"element\":\"x\",\"elapsedMillis\":1}]}")
            .statusCode());
    assertEquals(
        404,
        inmate.postJson("/api/v1/readiness/scenarios/nosuch/play", "{\"steps\":[]}").statusCode());
    // the play answer never tells which touch is a trap or which answer counts
    String state =
        inmate
            .postJson("/api/v1/readiness/scenarios/" + SCENARIO + "/play", "{\"steps\":[]}")
            .body();
    assertFalse(state.contains("PIN_SHOWN_TO_STRANGER") || state.contains("accepted"), state);
    assertEquals(before, attempts());
    assertEquals(403, inmate.get("/api/v1/readiness/results").statusCode());
  }

  @Test
  @Order(4)
  void theTeacherSeesHisLearnersAttemptsAndAnotherTeacherDoesNot() throws Exception {
    String mine = login("teacher1").get("/api/v1/readiness/results").body();
    assertTrue(mine.contains(INMATE), mine);
    String other = login("teacher2").get("/api/v1/readiness/results").body();
    assertFalse(other.contains(INMATE), other);
    driver.manage().deleteAllCookies();
    HeadlessChrome.login(driver, base, "teacher1");
    driver.get(base + "/teaching/scenarios.xhtml");
    String page =
        HeadlessChrome.waiting(driver)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='attempts']")))
            .getText();
    HeadlessChrome.shot(driver, "readiness-teacher-results");
    assertTrue(page.contains(INMATE), page);
    assertTrue(page.contains("银行自助机"), page);
    assertFalse(page.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT.*"), "no ISO timestamps: " + page);
    String cohort = driver.findElement(By.cssSelector("[id$='cohort']")).getText();
    assertTrue(cohort.contains("银行自助机"), cohort);
  }
}
