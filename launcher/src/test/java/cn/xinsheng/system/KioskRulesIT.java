package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18, the terminal's rules in headless Chromium: every inmate page has its way home, nothing
 * opens a new tab (evidence is shown inside the page), every target is at least 44 px high, and the
 * terminal works from the keyboard alone.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class KioskRulesIT {

  private static final List<String> PAGES =
      List.of(
          "/inmate/home.xhtml",
          "/inmate/ledger.xhtml",
          "/inmate/case.xhtml",
          "/inmate/evidence.xhtml?id=1",
          "/learn/courses.xhtml",
          "/account/password.xhtml");

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

  @Test
  void everyTerminalPageHasItsWayHomeNoNewTabAndLargeTargets() throws Exception {
    HeadlessChrome.login(driver, base, "inmate1");
    List<String> small = new ArrayList<>();
    for (String page : PAGES) {
      driver.get(base + page);
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("kioskHome")));
      assertFalse(driver.getPageSource().contains("系统出错"), page);
      assertTrue(
          driver.findElements(By.cssSelector("[target='_blank'], [target='_new']")).isEmpty(),
          "nothing opens a new tab on " + page);
      for (WebElement e :
          driver.findElements(
              By.cssSelector(
                  "main a, main button, header a, header button, .ui-radiobutton-box,"
                      + " .ui-chkbox-box"))) {
        if (e.isDisplayed() && e.getSize().getHeight() < 44) {
          small.add(page + " " + e.getTagName() + " '" + e.getText() + "' " + e.getSize());
        }
      }
      HeadlessChrome.shot(
          driver, "kiosk-" + page.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
    }
    assertTrue(small.isEmpty(), "targets under 44 px: " + small);

    // the way home works from the ledger
    driver.get(base + "/inmate/ledger.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.id("kioskHome")))
        .click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/inmate/home.xhtml"));
  }

  @Test
  void theTerminalWorksByKeyboard() {
    HeadlessChrome.login(driver, base, "inmate1");
    driver.get(base + "/inmate/home.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("kioskActions:myLedger")));
    boolean reached = false;
    for (int i = 0; i < 40 && !reached; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      reached =
          "kioskActions:myLedger".equals(driver.switchTo().activeElement().getAttribute("id"));
    }
    assertTrue(reached, "the ledger button is reached with Tab");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/inmate/ledger.xhtml"));
    reached = false;
    for (int i = 0; i < 40 && !reached; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      reached = "kioskHome".equals(driver.switchTo().activeElement().getAttribute("id"));
    }
    assertTrue(reached, "the way home is reached with Tab");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/inmate/home.xhtml"));
  }
}
