package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18, item 12: the pictures in the role guides ({@code docs/guide/<role>.md}) are taken here,
 * in headless Chromium on the running platform, and written into {@code docs/guide/img/}: each
 * role's home and the screen where its work is done. Every guide names these files; this test fails
 * when a page of a guide no longer renders, and refreshes the pictures when a screen changes.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class GuideScreenshotsIT {

  static final Path IMG = Path.of("..", "docs", "guide", "img");

  /** role file name, demo login, the page where the role works. */
  private record Shot(String role, String login, String work) {}

  static final List<Shot> SHOTS =
      List.of(
          new Shot("inmate", "inmate1", "/inmate/ledger.xhtml"),
          new Shot("officer", "officer1", "/ledger/section.xhtml"),
          new Shot("reviewer", "reviewer1", "/ledger/objections.xhtml"),
          new Shot("committee", "committee1", "/cases/committee.xhtml"),
          new Shot("warden", "warden1", "/cases/list.xhtml"),
          new Shot("execution", "execution1", "/cases/list.xhtml"),
          new Shot("prosecutor", "prosecutor1", "/cases/list.xhtml"),
          new Shot("judge", "judge1", "/cases/list.xhtml"),
          new Shot("supervisor", "supervisor1", "/cases/list.xhtml"),
          new Shot("lawyer", "lawyer1", "/cases/list.xhtml"),
          new Shot("teacher", "teacher1", "/teaching/grading.xhtml"),
          new Shot("examiner", "examiner1", "/examiner/home.xhtml"),
          new Shot("eduadmin", "eduadmin1", "/eduadmin/content.xhtml"),
          new Shot("sysadmin", "sysadmin1", "/admin/accounts.xhtml"),
          new Shot("bureau", "bureau1", "/cases/list.xhtml"),
          new Shot("highjudge", "highjudge1", "/cases/list.xhtml"),
          new Shot("community", "community1", "/community/home.xhtml"));

  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void open() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(IMG);
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static void save(String name) throws Exception {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(IMG.resolve(name + ".png"), png);
  }

  @Test
  void everyRolesGuideHasItsHomeAndItsWorkScreen() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Shot s : SHOTS) {
      HeadlessChrome.login(driver, base, s.login());
      save(s.role() + "-home");
      driver.get(base + s.work());
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
      assertFalse(driver.getPageSource().contains("系统出错"), s.work());
      assertFalse(driver.getCurrentUrl().contains("/login.xhtml"), s.role() + " " + s.work());
      save(s.role() + "-work");
      // the guide exists and shows both pictures
      Path guide = IMG.getParent().resolve(s.role() + ".md");
      if (!Files.isRegularFile(guide)) {
        missing.add(guide.toString());
        continue;
      }
      String text = Files.readString(guide);
      if (!text.contains("img/" + s.role() + "-home.png")
          || !text.contains("img/" + s.role() + "-work.png")) {
        missing.add(guide + " does not show its pictures");
      }
    }
    assertTrue(missing.isEmpty(), "guides: " + missing);
  }
}
