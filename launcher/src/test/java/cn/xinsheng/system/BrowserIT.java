package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: logs in through the form, switches the language, logs out. Uses Debian's
 * chromium and chromedriver (installed by .ci/run); screenshots go to target/screenshots.
 */
class BrowserIT {

  private static WebDriver driver;
  private static String base;
  private static final Path SHOTS = Path.of("target", "screenshots");

  @BeforeAll
  static void openBrowser() throws IOException {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(SHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("xinsheng.it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
        "--lang=zh-CN");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("xinsheng.it.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  private static void shot(String name) throws IOException {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  private static void login(String username) {
    driver.manage().deleteAllCookies();
    driver.get(base + "/login.xhtml");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username")));
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys("demo123!");
    driver.findElement(By.id("loginForm:submit")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("xs-user-name")));
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
}
