package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18, item 9: the print views in headless Chromium. The case file, an inmate's ledger and the
 * initial-password slip are each printed from the browser (print media emulated, then the page
 * rendered to PDF by Chromium itself: the menus and buttons are gone, the record is there) and
 * fetched as the platform's own PDF from the link or button on the screen, whose text is read back:
 * words not codes, the prison's time, the shipped CJK font embedded. Every print button and PDF
 * link is clicked once.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class PrintViewsIT {

  /** What a printed page must never say: an ISO time, a message key, a step or status code. */
  private static final Pattern CODES =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\b[a-z]+\\.[a-z]+\\.[a-zA-Z]+\\b"
              + "|\\b(WARD_MEETING|EXECUTION_REVIEW|DIRECTOR_MEETING|PENDING|APPROVED|ELIGIBLE"
              + "|SYS_ADMIN|EDU_ADMIN)\\b");

  private static final Path DOWNLOADS = Path.of("target", "print-downloads").toAbsolutePath();

  private static ChromeDriver driver;
  private static String base;
  private static long caseId;
  private static String caseNumber;
  private static String prisonerNumber;

  @BeforeAll
  static void open() throws Exception {
    base = RunningPlatform.ensureStarted();
    ensureACase();
    Files.createDirectories(DOWNLOADS);
    driver = HeadlessChrome.open();
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  /**
   * Back to screen media whatever a test did: a test that fails between {@link #printed} and {@link
   * #screen} would otherwise leave print media on, whose style sheet hides the login form the next
   * test needs.
   */
  @AfterEach
  void backToTheScreen() {
    if (driver != null) {
      screen();
    }
  }

  /** A case on record: the one another test left, or one proposed here as a section would. */
  @SuppressWarnings("unchecked")
  static void ensureACase() throws Exception {
    if (RunningPlatform.count("SELECT COUNT(*) FROM reduction_case") == 0) {
      WebClient execution = login("execution1");
      assertEquals(201, execution.postJson("/api/v1/eligibility/runs", "{}").statusCode());
      WebClient officer = login("officer1");
      HttpResponse<String> latest = officer.get("/api/v1/eligibility/runs/latest?section=12");
      assertEquals(200, latest.statusCode(), latest.body());
      Map<String, Object> chosen =
          ((List<Map<String, Object>>) CanonicalJson.parse(latest.body()))
              .stream()
                  .filter(
                      r -> "ELIGIBLE".equals(r.get("outcome")) && "REDUCTION".equals(r.get("kind")))
                  .filter(r -> r.get("maxMonths") != null && (Long) r.get("maxMonths") >= 1)
                  .filter(r -> (Long) r.get("maxMonths") <= 24)
                  .findFirst()
                  .orElseThrow();
      HttpResponse<String> proposed =
          officer.postJson(
              "/api/v1/cases",
              "{\"eligibility\":"
                  + chosen.get("id")
                  + ",\"months\":1,\"rationale\":\"该犯认罪悔罪，遵守监规，确有悔改表现。\",\"cycles\":["
                  + RunningPlatform.commendation((String) chosen.get("prisonerNumber"))
                  + "]}");
      assertEquals(201, proposed.statusCode(), proposed.body());
    }
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.id, c.number, i.prisoner_number FROM reduction_case c"
                    + " JOIN inmate i ON i.id = c.inmate_id ORDER BY c.id LIMIT 1")) {
      assertTrue(rs.next());
      caseId = rs.getLong(1);
      caseNumber = rs.getString(2);
      prisonerNumber = rs.getString(3);
    }
  }

  private static WebClient login(String user) {
    // ensureACase is also called from other classes' set-up, before this class's base is set
    WebClient c = new WebClient(RunningPlatform.ensureStarted());
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  private static void noErrorPage() {
    assertFalse(driver.getPageSource().contains("系统出错"), driver.getCurrentUrl());
  }

  /**
   * The page as the browser prints it: print media, then Chromium's own PDF of it, as text.
   *
   * <p>Chromium places CJK (and letter-spaced) glyphs one by one, so the text read back from its
   * PDF has a space between glyphs; and its subset of the system CJK font maps some glyphs back to
   * the Kangxi radicals that share them (⽤ for 用, ⼾ for 户). That is the browser's PDF, not the
   * platform's: NFKC folds the radicals back, and {@link #says} compares without the spaces. The
   * platform's own PDF is read as it is, with no such help.
   */
  private static String printed(String shot) throws IOException {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    HeadlessChrome.shot(driver, shot);
    Map<String, Object> pdf =
        driver.executeCdpCommand("Page.printToPDF", Map.of("printBackground", true));
    return Normalizer.normalize(
        text(Base64.getDecoder().decode((String) pdf.get("data"))), Normalizer.Form.NFKC);
  }

  /** Whether the browser's printed sheet says these words, glyph spacing aside. */
  private static boolean says(String sheet, String words) {
    return sheet.replaceAll("\\s+", "").contains(words.replaceAll("\\s+", ""));
  }

  /** Back to the screen after {@link #printed}. */
  private static void screen() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
  }

  /** Whether an element is shown under print media. */
  private static boolean shownInPrint(String css) {
    return (Boolean)
        ((JavascriptExecutor) driver)
            .executeScript(
                "var e = document.querySelector(arguments[0]);"
                    + " return !!e && getComputedStyle(e).display !== 'none'"
                    + " && e.getClientRects().length > 0;",
                css);
  }

  /** A link's PDF, fetched by the page itself (its session, its cookies). */
  private static byte[] fetchedByThePage(String href) {
    String b64 =
        (String)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(function (r) { return r.arrayBuffer(); })"
                        + ".then(function (b) { var s = ''; var a = new Uint8Array(b);"
                        + " for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                        + " done(btoa(s)); })"
                        + ".catch(function (e) { done('ERR ' + e); });",
                    href);
    assertFalse(b64.startsWith("ERR"), b64);
    return Base64.getDecoder().decode(b64);
  }

  private static String text(byte[] pdf) throws IOException {
    assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-"));
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
    }
    reader.close();
    return text.toString();
  }

  /** The platform's PDF embeds the shipped CJK font, so no court PC needs one. */
  private static void embedsTheShippedFont(byte[] pdf) {
    String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("NotoSansSC"), "the shipped Noto Sans SC font is embedded");
    assertTrue(raw.contains("/FontFile2"), "the font program itself is in the file");
  }

  private static void inWords(String what, String text) {
    var m = CODES.matcher(text);
    assertFalse(m.find(), what + " says a code or a raw time: " + (m.hitEnd() ? "" : m.group()));
  }

  /** Clicks a print button with the print dialog stood in for, and answers how often it opened. */
  private static long clickPrint(String id) {
    ((JavascriptExecutor) driver)
        .executeScript("window.__printed = 0; window.print = function () { window.__printed++; };");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
    return (Long) ((JavascriptExecutor) driver).executeScript("return window.__printed;");
  }

  private static Path downloaded(String suffix) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try (Stream<Path> files = Files.list(DOWNLOADS)) {
        var hit = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
        if (hit.isPresent() && Files.size(hit.get()) > 0) {
          return hit.get();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + suffix + " downloaded into " + DOWNLOADS);
  }

  @Test
  void theCaseFilePrintsFromTheBrowserAndAsThePlatformsPdf() throws Exception {
    HeadlessChrome.login(driver, base, "execution1");
    driver.get(base + "/cases/case.xhtml?id=" + caseId);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:print")));
    noErrorPage();
    HeadlessChrome.shot(driver, "print-case-screen");
    // both postings as the page names them (the prison's, and the court's once it began)
    String prisonPosting = driver.findElement(By.id("caseForm:postingEnds")).getText().trim();
    String courtPosting = driver.findElement(By.id("caseForm:courtPostingEnds")).getText().trim();

    // browser print: the file without the menus, the buttons and the forms that act on it
    String sheet = printed("print-case-sheet");
    assertFalse(shownInPrint(".xs-header"), "no header on paper");
    assertFalse(shownInPrint(".xs-menu"), "no menu on paper");
    assertFalse(shownInPrint("[id='caseForm:print']"), "no buttons on paper");
    assertTrue(shownInPrint("[id='caseForm:timeline']"), "the timeline is printed");
    assertTrue(says(sheet, caseNumber), sheet);
    assertTrue(says(sheet, "打印人"), "the sheet says who printed it: " + sheet);
    inWords("the printed case file", sheet);
    screen();
    assertEquals(1, clickPrint("caseForm:print"), "the print button opens the print dialog");

    // the platform's PDF, as the link on the screen gives it
    String href = driver.findElement(By.id("caseForm:filePdf")).getAttribute("href");
    byte[] pdf = fetchedByThePage(href);
    embedsTheShippedFont(pdf);
    String text = text(pdf);
    assertTrue(text.contains(caseNumber), text);
    assertTrue(text.contains("提请减刑建议书") || text.contains("提请假释建议书"), text);
    assertTrue(text.contains("办理经过"), "the steps are in it: " + text);
    // staff are named as court-facing records name them: name（login） (the outside walk)
    assertTrue(
        java.util.regex.Pattern.compile("制作 Made by \\S+（execution1）").matcher(text).find(),
        "who made it: " + text);
    inWords("the case file PDF", text);
    // the walk: the PDF named only the prison's posting; it names the court's too, the same days
    // as the page (the prison's calendar)
    String oneLine = text.replace("\n", "");
    assertTrue(
        oneLine.contains("监狱公示截止 Prison posting ends: " + prisonPosting)
            && oneLine.contains("法院公示截止 Court posting ends: " + courtPosting),
        "both postings as the page says " + prisonPosting + " / " + courtPosting + ": " + text);
    // the prison's time (UTC+8): the minute the platform made it, as its clock says it
    assertTrue(
        text.contains(RunningPlatform.time().minute().substring(0, 10)),
        "made on the prison's day: " + text);

    // the link itself, clicked once
    driver.findElement(By.id("caseForm:filePdf")).click();
    HeadlessChrome.waiting(driver)
        .until(
            d -> {
              try (Stream<Path> files = Files.list(DOWNLOADS)) {
                return d.getCurrentUrl().contains("/file.pdf")
                    || files.anyMatch(f -> f.getFileName().toString().startsWith("case-"));
              } catch (IOException e) {
                return false;
              }
            });
  }

  @Test
  void anInmatesLedgerPrintsFromTheBrowserAndAsThePlatformsPdf() throws Exception {
    HeadlessChrome.login(driver, base, "prosecutor1");
    driver.get(base + "/ledger/inmate.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("inmateForm:inmate_input")));
    // a number typed whole still opens the ledger (the picker's lines are PickersIT's)
    driver.findElement(By.id("inmateForm:inmate_input")).sendKeys(prisonerNumber);
    driver.findElement(By.id("inmateForm:show")).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("inmateForm:print")));
    noErrorPage();
    HeadlessChrome.shot(driver, "print-ledger-screen");

    String sheet = printed("print-ledger-sheet");
    assertFalse(shownInPrint(".xs-toolbar"), "no search bar on paper");
    assertTrue(shownInPrint("[id='inmateForm:months']"), "the months are printed");
    assertTrue(says(sheet, prisonerNumber), "the sheet names the inmate: " + sheet);
    inWords("the printed ledger", sheet);
    screen();
    assertEquals(1, clickPrint("inmateForm:print"));

    String href =
        driver
            .findElement(By.cssSelector("a[href$='/inmates/" + prisonerNumber + "/export.pdf']"))
            .getAttribute("href");
    byte[] pdf = fetchedByThePage(href);
    embedsTheShippedFont(pdf);
    String text = text(pdf);
    assertTrue(text.contains("计分考核明细"), text);
    assertTrue(text.contains(prisonerNumber), text);
    inWords("the ledger PDF", text);
    driver.findElement(By.cssSelector("a[href$='/export.pdf']")).click();
    HeadlessChrome.waiting(driver)
        .until(
            d -> {
              try (Stream<Path> files = Files.list(DOWNLOADS)) {
                return d.getCurrentUrl().contains("/export.pdf")
                    || files.anyMatch(f -> f.getFileName().toString().startsWith("ledger-"));
              } catch (IOException e) {
                return false;
              }
            });
  }

  @Test
  void theInitialPasswordSlipPrintsAloneAndAsAPdf() throws Exception {
    HeadlessChrome.login(driver, base, "sysadmin1");
    driver.get(base + "/admin/accounts.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.id("accountsForm:newAccount")))
        .click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("editDialogForm:username")));
    driver.findElement(By.id("editDialogForm:username")).sendKeys("slipclerk");
    driver.findElement(By.id("editDialogForm:displayName")).sendKeys("王印单");
    driver.findElement(By.id("editDialogForm:roles")).click();
    By teacher =
        By.xpath(
            "//div[@id='editDialogForm:roles_panel']//li[.//label[text()='教师']]"
                + "//div[contains(@class,'ui-chkbox-box')]");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.elementToBeClickable(teacher)).click();
    driver.findElement(By.id("editDialogForm:displayName")).click();
    driver.findElement(By.id("editDialogForm:save")).click();
    By password = By.id("passwordDialogForm:initialPassword");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(password));
    String initial = driver.findElement(password).getText();
    assertTrue(initial.length() >= 12, initial);
    assertEquals("slipclerk", driver.findElement(By.id("passwordDialogForm:slipLogin")).getText());
    HeadlessChrome.shot(driver, "print-slip-dialog");

    // browser print: the slip alone, not the list of accounts behind it
    String sheet = printed("print-slip-sheet");
    assertTrue(shownInPrint("[id='passwordDialogForm:initialPassword']"), "the password prints");
    assertFalse(shownInPrint("[id='accountsForm:accounts']"), "the accounts list does not");
    assertFalse(shownInPrint(".xs-header"), "nor the header");
    assertFalse(shownInPrint("[id='passwordDialogForm:printSlip']"), "nor the buttons");
    assertTrue(says(sheet, initial), sheet);
    assertTrue(says(sheet, "初始密码通知单"), sheet);
    assertFalse(says(sheet, "sysadmin1") && says(sheet, "committee1"), "no account list");
    screen();
    assertEquals(1, clickPrint("passwordDialogForm:printSlip"));

    // the PDF from the dialog's button: downloaded by the browser, read back
    driver.findElement(By.id("passwordDialogForm:slipPdf")).click();
    Path slip = downloaded("password-slip-slipclerk.pdf");
    byte[] pdf = Files.readAllBytes(slip);
    embedsTheShippedFont(pdf);
    String text = text(pdf);
    assertTrue(text.contains(initial), text);
    assertTrue(text.contains("王印单") && text.contains("slipclerk"), text);
    assertTrue(text.contains("教师"), "roles in words: " + text);
    assertFalse(text.contains("TEACHER"), "never the role's code: " + text);
    assertTrue(text.contains("发放人 Issued by sysadmin1") || text.contains("sysadmin1"), text);
    inWords("the slip", text);
    // the page is still there after the download
    assertTrue(driver.getCurrentUrl().contains("/admin/accounts.xhtml"));
  }
}
