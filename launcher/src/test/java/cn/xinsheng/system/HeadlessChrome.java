package cn.xinsheng.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium and ChromeDriver, headless, with nothing that reaches for the network. */
final class HeadlessChrome {

  /** Where the screen tests leave their screenshots. */
  static final Path SHOTS = Path.of("target", "screenshots");

  /** Where a link clicked in the browser saves its file, so a test can open what a person gets. */
  static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();

  private HeadlessChrome() {}

  static WebDriverWait waiting(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // a wait that runs out says what the page showed instead, and leaves a screenshot: a screen
    // test that failed once in a full run must be diagnosable from the report alone
    wait.withMessage(() -> whatThePageShows(driver));
    return wait;
  }

  private static String whatThePageShows(WebDriver driver) {
    try {
      String name = "timeout-" + System.currentTimeMillis();
      shot(driver, name);
      String text = driver.findElement(By.tagName("body")).getText();
      if (text.length() > 2000) {
        text = text.substring(0, 2000) + " …";
      }
      return "the page "
          + driver.getCurrentUrl()
          + " (screenshot "
          + SHOTS.resolve(name + ".png")
          + ") shows:\n"
          + text;
    } catch (RuntimeException | IOException e) {
      return "the page could not be read: " + e;
    }
  }

  static void shot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.write(
        SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** Logs in on the login page as a demo user would, and waits for his home page. */
  static void login(WebDriver driver, String base, String username) {
    driver.manage().deleteAllCookies();
    driver.get(base + "/login.xhtml");
    waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username")));
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys("demo123!");
    driver.findElement(By.id("loginForm:submit")).click();
    waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("xs-user-name")));
  }

  static ChromeDriver open() {
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
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            DOWNLOADS.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("xinsheng.it.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
