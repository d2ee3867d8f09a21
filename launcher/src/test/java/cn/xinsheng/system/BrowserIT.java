package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: logs in through the form, switches the language, logs out. Uses Debian's
 * chromium and chromedriver (installed by .ci/run); screenshots go to target/screenshots.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class BrowserIT {

  private static WebDriver driver;
  private static String base;
  private static final Path SHOTS = Path.of("target", "screenshots");

  @BeforeAll
  static void openBrowser() throws IOException {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(SHOTS);
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void closeBrowser() {
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

  @Test
  void logInSwitchLanguageAndLogOut() throws IOException {
    driver.manage().deleteAllCookies();
    driver.get(base + "/login.xhtml");
    waiting().until(ExpectedConditions.titleContains("登录"));
    shot("01-login-zh");

    // a wrong password first: the page says so in Chinese
    driver.findElement(By.id("loginForm:username")).sendKeys("officer1");
    driver.findElement(By.id("loginForm:password")).sendKeys("not-the-password");
    driver.findElement(By.id("loginForm:submit")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("loginForm:loginMessages"), "用户名或密码不正确"));

    login("officer1");
    assertTrue(driver.getCurrentUrl().endsWith("/officer/home.xhtml"), driver.getCurrentUrl());
    assertEquals("周建军", driver.findElement(By.id("xs-user-name")).getText());
    assertTrue(driver.getPageSource().contains("分监区工作台"));
    shot("02-officer-home-zh");

    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("Section desk"));
    assertTrue(driver.findElement(By.id("logoutForm:logout")).getText().contains("Log out"));
    shot("03-officer-home-en");

    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("分监区工作台"));

    driver.findElement(By.id("logoutForm:logout")).click();
    waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
    assertTrue(driver.getPageSource().contains("您已安全退出"));
    driver.get(base + "/officer/home.xhtml");
    waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
  }

  @Test
  void anAdministratorCreatesAnAccountOnTheAccountsScreen() throws IOException {
    login("sysadmin1");
    driver.get(base + "/admin/accounts.xhtml");
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("accountsForm:newAccount")));
    driver.findElement(By.id("accountsForm:newAccount")).click();
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("editDialogForm:username")));
    driver.findElement(By.id("editDialogForm:username")).sendKeys("browserclerk");
    driver.findElement(By.id("editDialogForm:displayName")).sendKeys("浏览器测试");
    // open the role menu and tick "teacher"
    driver.findElement(By.id("editDialogForm:roles")).click();
    By teacher =
        By.xpath(
            "//div[@id='editDialogForm:roles_panel']//li[.//label[text()='教师']]//div[contains(@class,'ui-chkbox-box')]");
    waiting().until(ExpectedConditions.elementToBeClickable(teacher)).click();
    driver.findElement(By.id("editDialogForm:displayName")).click();
    shot("08-admin-new-account");
    driver.findElement(By.id("editDialogForm:save")).click();
    By password = By.id("passwordDialogForm:initialPassword");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(password));
    String initial = driver.findElement(password).getText();
    assertTrue(initial.length() >= 12, "an initial password is shown once: " + initial);
    shot("09-admin-initial-password");
    // the new user can log in with it and is sent to change it first
    driver.manage().deleteAllCookies();
    driver.get(base + "/login.xhtml");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username")));
    driver.findElement(By.id("loginForm:username")).sendKeys("browserclerk");
    driver.findElement(By.id("loginForm:password")).sendKeys(initial);
    driver.findElement(By.id("loginForm:submit")).click();
    waiting().until(ExpectedConditions.urlContains("/account/password.xhtml"));
    driver.findElement(By.id("passwordForm:current")).sendKeys(initial);
    driver.findElement(By.id("passwordForm:next")).sendKeys("Teach3r!now");
    driver.findElement(By.id("passwordForm:confirm")).sendKeys("Teach3r!now");
    driver.findElement(By.id("passwordForm:save")).click();
    waiting().until(ExpectedConditions.urlContains("/teacher/home.xhtml"));
    assertTrue(driver.getPageSource().contains("密码已修改"));
  }

  @Test
  void eachRoleHomeRendersForScreenshots() throws IOException {
    login("inmate1");
    assertTrue(driver.getCurrentUrl().endsWith("/inmate/home.xhtml"));
    assertTrue(driver.findElement(By.id("xs-prisoner-number")).getText().equals("3301000001"));
    shot("04-inmate-kiosk");
    login("sysadmin1");
    driver.get(base + "/admin/accounts.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("accountsForm:accounts")));
    assertTrue(driver.getPageSource().contains("committee1"));
    shot("05-admin-accounts");
    login("judge1");
    assertTrue(driver.getPageSource().contains("只读"));
    shot("06-judge-portal");
    login("warden1");
    shot("07-warden-home");
  }

  /**
   * The ledger at the screens, section 11 and inmate1: an officer records an entry with a photo, a
   * reviewer returns it, the officer sees the alert on his home page and amends, the reviewer
   * approves, the month is computed, approved and published, the inmate sees it and objects.
   */
  /** The id of the first evidence of the entries-table row showing this fact, from its link. */
  private static long evidenceIdOfRow(String fact) {
    org.openqa.selenium.WebElement row =
        driver.findElement(
            By.xpath("//*[@id='ledgerForm:entries']//tr[contains(., '" + fact + "')]"));
    String href = row.findElement(By.cssSelector("a[href*='evidence']")).getAttribute("href");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("evidence(?:/|\\.xhtml\\?id=)(\\d+)").matcher(href);
    assertTrue(m.find(), href);
    return Long.parseLong(m.group(1));
  }

  @Test
  void theLedgerStoryAtTheScreens() throws IOException {
    Path photo = SHOTS.resolve("evidence-photo.jpg").toAbsolutePath();
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.GREEN);
    g.fillRect(0, 0, 640, 480);
    g.dispose();
    javax.imageio.ImageIO.write(img, "jpg", photo.toFile());

    login("officer1");
    driver.get(base + "/ledger/section.xhtml?section=11");
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("ledgerForm:inmate_input")));
    driver.findElement(By.id("ledgerForm:inmate_input")).sendKeys("3301000001");
    By suggestion = By.cssSelector("#ledgerForm\\:inmate_panel li");
    waiting().until(ExpectedConditions.elementToBeClickable(suggestion)).click();
    driver.findElement(By.id("ledgerForm:clause_label")).click();
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("ledgerForm:clause_filter")))
        .sendKeys("JG-02");
    waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#ledgerForm\\:clause_panel li[data-label^='JG-02']")))
        .click();
    driver.findElement(By.id("ledgerForm:amount")).sendKeys("2");
    driver.findElement(By.id("ledgerForm:fact")).sendKeys("内务卫生评比第一名");
    driver.findElement(By.id("ledgerForm:evidenceSource")).sendKeys("监区摄像头 11-03");
    driver.findElement(By.id("ledgerForm:evidenceDescription")).sendKeys("评比现场照片");
    driver.findElement(By.id("ledgerForm:upload_input")).sendKeys(photo.toString());
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:evidenceList"), "照片"));
    shot("10-officer-entry-form");
    driver.findElement(By.id("ledgerForm:saveEntry")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:entries"), "内务卫生评比第一名"));
    shot("11-officer-section-entries");
    // the walk's data loss: what the officer typed is what the evidence keeps, and the form is
    // empty again for the next entry
    assertEquals("", driver.findElement(By.id("ledgerForm:evidenceSource")).getAttribute("value"));
    assertEquals(
        "", driver.findElement(By.id("ledgerForm:evidenceDescription")).getAttribute("value"));
    long evidenceId = evidenceIdOfRow("内务卫生评比第一名");
    driver.get(base + "/api/v1/evidence/" + evidenceId);
    String stored = driver.findElement(By.tagName("body")).getText();
    assertTrue(
        stored.contains("\"source\":\"监区摄像头 11-03\"")
            && stored.contains("\"description\":\"评比现场照片\""),
        stored);
    // the walk: the evidence link says what it is in words and opens the in-page viewer, in the
    // same tab, with the way back
    driver.get(base + "/ledger/section.xhtml?section=11");
    org.openqa.selenium.WebElement link =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(
                        "//*[@id='ledgerForm:entries']//tr[contains(., '内务卫生评比第一名')]"
                            + "//a[contains(@href, 'evidence')]")));
    assertEquals("照片 · evidence-photo.jpg", link.getText().strip());
    assertTrue(
        link.getAttribute("target") == null || link.getAttribute("target").isEmpty(), "no new tab");
    assertTrue(link.getAttribute("href").contains("/ledger/evidence.xhtml?id=" + evidenceId));
    link.click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("evidenceImage")));
    String words = driver.findElement(By.id("evidenceWords")).getText();
    assertTrue(
        words.contains("照片 · evidence-photo.jpg")
            && words.contains("监区摄像头 11-03")
            && words.contains("评比现场照片")
            && words.contains("周建军（officer1）"),
        words);
    assertEquals(1, driver.getWindowHandles().size(), "still one tab");
    driver.findElement(By.id("back")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:entries"), "内务卫生评比第一名"));

    login("reviewer1");
    driver.get(base + "/ledger/section.xhtml?section=11");
    By returnButton = By.cssSelector("button[title='退回']");
    waiting().until(ExpectedConditions.elementToBeClickable(returnButton)).click();
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("returnForm:reason")))
        .sendKeys("照片没有拍到评比公示栏");
    shot("12-reviewer-return");
    driver.findElement(By.id("returnForm:confirmReturn")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("ledgerForm:entries"), "被退回"));

    login("officer1");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("returnedAlert")));
    assertTrue(
        driver.findElement(By.id("returnedAlert")).getText().contains("您有一条信息没有通过审核，请及时处理"),
        driver.findElement(By.id("returnedAlert")).getText());
    shot("13-officer-home-alert");
    driver.get(base + "/ledger/section.xhtml?section=11");
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[title='修改被退回的记录']")))
        .click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:entryPanel"), "修改将作为新版本提交"));
    driver.findElement(By.id("ledgerForm:fact")).sendKeys("（附评比公示栏照片）");
    driver.findElement(By.id("ledgerForm:saveEntry")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("ledgerForm:entries"), "已修改"));

    login("reviewer1");
    driver.get(base + "/ledger/section.xhtml?section=11");
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[title='审核通过']")))
        .click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("ledgerForm:entries"), "已通过"));

    login("officer1");
    driver.get(base + "/ledger/section.xhtml?section=11");
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("ledgerForm:computeClose")))
        .click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:closeState"), "已计算"));
    shot("14-officer-month-computed");
    login("reviewer1");
    driver.get(base + "/ledger/section.xhtml?section=11");
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("ledgerForm:approveClose")))
        .click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:closeState"), "已审核"));
    login("officer1");
    driver.get(base + "/ledger/section.xhtml?section=11");
    waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("ledgerForm:publishClose")))
        .click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledgerForm:closeState"), "公示中"));
    shot("15-officer-month-published");
    // issue 18, the month-close story: a published month says it takes no new entries and why,
    // before any upload, points to the correction, and says from when it can be locked
    String closed = driver.findElement(By.id("ledgerForm:monthClosed")).getText();
    assertTrue(closed.contains("不再接受新的计分记录"), closed);
    assertTrue(driver.findElements(By.id("ledgerForm:upload_input")).isEmpty(), "no upload");
    assertTrue(driver.findElements(By.id("ledgerForm:lockClose")).isEmpty(), "no lock yet");
    String when = driver.findElement(By.id("ledgerForm:lockWhen")).getText();
    assertTrue(when.contains("起可锁定") && when.contains("异议期至"), when);
    driver.findElement(By.id("ledgerForm:toCorrection")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("inmateForm:searchFirst")));

    login("inmate1");
    driver.findElement(By.id("kioskActions:myLedger")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("myLedger:entries"), "内务卫生评比第一名"));
    shot("16-inmate-ledger");
    String kioskRow = driver.findElement(By.id("myLedger:entries")).getText();
    assertTrue(kioskRow.contains("查看证据：照片 · evidence-photo.jpg"), kioskRow);
    assertTrue(!kioskRow.matches("(?s).*#\\d.*"), "no evidence number: " + kioskRow);
    driver.findElement(By.cssSelector("#myLedger\\:entries button")).click();
    waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("objectForm:objectionText")))
        .sendKeys("我认为应加3分");
    driver.findElement(By.id("objectForm:submitObjection")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("myLedger:objections"), "我认为应加3分"));
    shot("17-inmate-objection");

    login("judge1");
    driver.get(base + "/ledger/inmate.xhtml?no=3301000001");
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("inmateForm:timeline"), "内务卫生评比第一名"));
    shot("18-judge-inmate-ledger");
    assertTrue(
        driver
            .findElement(By.id("inmateForm:timeline"))
            .getText()
            .contains("照片 · evidence-photo.jpg"));
    login("sysadmin1");
    driver.get(base + "/admin/audit.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verifierKey")));
    shot("19-admin-audit");
  }
}
