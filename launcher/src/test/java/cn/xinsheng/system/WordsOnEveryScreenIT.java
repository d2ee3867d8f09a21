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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18, "people's words only": every page of the web module, for every role the access matrix
 * lets open it, rendered in headless Chromium, and its visible text searched for what a person
 * should never read: an internal code (ALL_CAPS_WITH_UNDERSCORES, or one of the domain's enum names
 * standing alone), a message key ({@code a.b.c}) or a raw ISO timestamp ({@code 2026-06-10T…}). The
 * page list comes from the webapp folder and the access matrix, so a new page is checked without
 * being named here. Case files and an inmate's ledger are opened for the cases on record. Named to
 * run last (failsafe runs alphabetically), when the other tests have left cases, votes, objections
 * and entries behind; it also needs at least one case itself.
 *
 * <p>Also here: the bulk-entry page that was a 500, the error page that said "页面不存在", and a toast
 * that said its text twice.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class WordsOnEveryScreenIT {

  private static final Path WEBAPP = Path.of("..", "web-ui", "src", "main", "webapp");
  private static final Path MATRIX =
      Path.of(
          "..",
          "web-ui",
          "src",
          "main",
          "resources",
          "cn",
          "xinsheng",
          "web",
          "security",
          "access-matrix.txt");

  /** One demo login per role. */
  private static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("INMATE", "inmate1");
    USERS.put("OFFICER", "officer1");
    USERS.put("REVIEWER", "reviewer1");
    USERS.put("COMMITTEE", "committee1");
    USERS.put("WARDEN", "warden1");
    USERS.put("PROSECUTOR", "prosecutor1");
    USERS.put("JUDGE", "judge1");
    USERS.put("SUPERVISOR", "supervisor1");
    USERS.put("LAWYER", "lawyer1");
    USERS.put("TEACHER", "teacher1");
    USERS.put("EXAMINER", "examiner1");
    USERS.put("EDU_ADMIN", "eduadmin1");
    USERS.put("SYS_ADMIN", "sysadmin1");
    USERS.put("EXECUTION", "execution1");
    // issue 16's roles for life and 死缓 cases
    USERS.put("BUREAU", "bureau1");
    USERS.put("HIGH_JUDGE", "highjudge1");
    // issue 20: community corrections
    USERS.put("COMMUNITY_CORRECTIONS", "community1");
  }

  /** Codes of the domain that a person must never read bare (steps, votes, states, kinds). */
  private static final Set<String> ENUM_NAMES =
      Set.of(
          "FIND",
          "DISPATCH",
          "VERIFY",
          "HANDLE",
          "FEEDBACK",
          "AGREE",
          "DISAGREE",
          "ABSTAIN",
          "OBJECT",
          "APPROVED",
          "PENDING",
          "RETURNED",
          "AMENDED",
          "REDUCTION",
          "PAROLE",
          "ELIGIBLE",
          "STEP",
          "VOTE",
          "RETURN",
          "OPEN",
          "COMPUTED",
          "PUBLISHED",
          "LOCKED",
          "GRANTED",
          "REFUSED",
          "REJECTED",
          "PROPOSAL",
          "COMMITTEE",
          "POSTING",
          "RULING",
          "INMATE",
          "OFFICER",
          "REVIEWER",
          "WARDEN",
          "PROSECUTOR",
          "JUDGE",
          "SUPERVISOR",
          "LAWYER",
          "TEACHER",
          "EXAMINER",
          "EXECUTION",
          "PRAISE",
          "MATERIAL",
          "UPHELD",
          "SUPERVISION",
          "EDUCATION",
          "LABOUR",
          "SPECIAL",
          "SANCTION",
          "PHOTO",
          "VIDEO",
          "AUDIO",
          "ENTRY",
          "MONTH",
          "SINGLE",
          "MULTIPLE",
          "FIXED",
          "LIFE");

  private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
  private static final Pattern WORD = Pattern.compile("\\b[A-Z]{3,}\\b");
  // a message key: lower-case words joined by dots, at least three (elig.reduction.first); a
  // content pack's reverse-domain identifier (cn.xinsheng.demo…, cn.ouchn.kj101) is its
  // publisher's name for it, shown to the education office as such
  private static final Pattern KEY =
      Pattern.compile("(?<![\\w.])(?!(?:cn|com|org|net)\\.)[a-z]+(?:\\.[a-z][A-Za-z0-9]*){2,}\\b");
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d");

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

  /** The pages of the web module, as paths ({@code /cases/list.xhtml}), without the error pages. */
  static List<String> pages() throws IOException {
    try (Stream<Path> files = Files.walk(WEBAPP)) {
      return files
          .filter(p -> p.toString().endsWith(".xhtml"))
          .map(p -> "/" + WEBAPP.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("/WEB-INF/"))
          .filter(p -> !p.equals("/login.xhtml") && !p.equals("/index.xhtml"))
          .filter(p -> !p.equals("/error.xhtml"))
          .sorted()
          .toList();
    }
  }

  /** Who may GET a path, by the access matrix's most specific rule. */
  static Set<String> whoMayOpen(String path) throws IOException {
    String best = null;
    Set<String> who = Set.of();
    for (String line : Files.readAllLines(MATRIX)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\\|");
      String pattern = cols[0].strip();
      if (!cols[1].contains("GET")) {
        continue;
      }
      boolean matches =
          pattern.equals(path)
              || (pattern.endsWith("/*")
                  && path.startsWith(pattern.substring(0, pattern.length() - 1)));
      if (matches && (best == null || pattern.length() > best.length() || pattern.equals(path))) {
        best = pattern;
        who = Set.of(cols[2].strip().split("\\s+"));
      }
    }
    return who;
  }

  /** What in a page's visible text no person should read; empty when it is clean. */
  static List<String> offences(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      found.add("code " + m.group());
    }
    m = WORD.matcher(text);
    while (m.find()) {
      if (ENUM_NAMES.contains(m.group())) {
        found.add("code " + m.group());
      }
    }
    m = KEY.matcher(text);
    while (m.find()) {
      found.add("key " + m.group());
    }
    m = ISO.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 10);
      found.add("ISO time …" + text.substring(from, Math.min(text.length(), m.end() + 14)));
    }
    return new ArrayList<>(found);
  }

  @Test
  void theCheckItselfFindsWhatItLooksFor() {
    assertFalse(offences("下一步 DISPATCH").isEmpty());
    assertFalse(offences("REDUCTION ELIGIBLE").isEmpty());
    assertFalse(offences("原因 elig.reduction.first elig.band.middle").isEmpty());
    assertFalse(offences("截止 2026-12-15T22:42:24.435Z").isEmpty());
    assertFalse(offences("状态 NOT_NEEDED").isEmpty());
    assertEquals(
        List.of(),
        offences("截止 2026-12-16 06:42（还有 3 个工作日） 分监区民警 PDF cn.xinsheng.demo.x cn.ouchn.kj101"));
  }

  @Test
  void everyPageForEveryRoleSaysOnlyPeoplesWords() throws Exception {
    List<String> cases = new ArrayList<>();
    List<String> prisoners = new ArrayList<>();
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.id, i.prisoner_number FROM reduction_case c"
                    + " JOIN inmate i ON i.id = c.inmate_id ORDER BY c.id LIMIT 2")) {
      while (rs.next()) {
        cases.add("/cases/case.xhtml?id=" + rs.getLong(1));
        prisoners.add("/ledger/inmate.xhtml?no=" + rs.getString(2));
      }
    }
    assertFalse(cases.isEmpty(), "the check needs cases on record (CaseSystemIT leaves them)");

    // the roles in two halves, each in a browser of its own: the pages are opened one after another
    // in each, the two browsers at once (about 110 s in one browser on a 2-core machine)
    List<Map.Entry<String, String>> users = new ArrayList<>(USERS.entrySet());
    Map<String, List<String>> bad = new java.util.concurrent.ConcurrentSkipListMap<>();
    java.util.concurrent.atomic.AtomicInteger opened =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService second =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<?> otherHalf =
          second.submit(
              () -> {
                WebDriver other = HeadlessChrome.open();
                try {
                  openAsEachRole(
                      other,
                      users.subList(users.size() / 2, users.size()),
                      cases,
                      prisoners,
                      bad,
                      opened);
                } finally {
                  other.quit();
                }
                return null;
              });
      openAsEachRole(driver, users.subList(0, users.size() / 2), cases, prisoners, bad, opened);
      otherHalf.get();
    } finally {
      second.shutdownNow();
    }
    assertTrue(opened.get() > 40, "pages opened: " + opened);
    assertTrue(bad.isEmpty(), "internal codes, keys or raw times shown to people:\n" + report(bad));
  }

  /** Every page each of these roles may open, in this browser; what a person must not read. */
  private void openAsEachRole(
      WebDriver browser,
      List<Map.Entry<String, String>> users,
      List<String> cases,
      List<String> prisoners,
      Map<String, List<String>> bad,
      java.util.concurrent.atomic.AtomicInteger opened)
      throws IOException {
    for (Map.Entry<String, String> user : users) {
      String role = user.getKey();
      HeadlessChrome.login(browser, base, user.getValue());
      List<String> targets = new ArrayList<>();
      for (String page : pages()) {
        Set<String> who = whoMayOpen(page);
        if (who.contains(role) || who.contains("AUTHENTICATED")) {
          targets.add(page);
          if (page.equals("/cases/case.xhtml")) {
            targets.addAll(cases);
          }
          if (page.equals("/ledger/inmate.xhtml")) {
            targets.addAll(prisoners);
          }
        }
      }
      for (String target : targets) {
        browser.get(base + target);
        HeadlessChrome.waiting(browser)
            .until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        String text = browser.findElement(By.tagName("body")).getText();
        opened.incrementAndGet();
        List<String> found = new ArrayList<>(offences(text));
        if (text.contains("系统出错") || text.contains("页面不存在")) {
          found.add("error page");
        }
        if (!found.isEmpty()) {
          bad.put(user.getValue() + " " + target, found);
          HeadlessChrome.shot(
              browser, "words-" + user.getValue() + target.replaceAll("[^a-z0-9]+", "-"));
        }
      }
    }
  }

  private static String report(Map<String, List<String>> bad) {
    StringBuilder b = new StringBuilder();
    bad.forEach(
        (page, found) -> b.append("  ").append(page).append(": ").append(found).append('\n'));
    return b.toString();
  }

  @Test
  void bulkEntryOpensAndAnUnreadableSheetIsSaidOnce() throws Exception {
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/ledger/bulk.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("bulkForm:sheet")));
    String text = driver.findElement(By.tagName("body")).getText();
    assertFalse(text.contains("系统出错"), text);
    assertFalse(text.contains("页面不存在"), text);
    Path sheet = Files.createTempFile("not-a-sheet", ".xlsx");
    Files.writeString(sheet, "this is not a spreadsheet");
    driver
        .findElement(By.cssSelector("#bulkForm\\:sheet input[type=file]"))
        .sendKeys(sheet.toAbsolutePath().toString());
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-growl-message")));
    String toast = driver.findElement(By.cssSelector(".ui-growl")).getText().strip();
    HeadlessChrome.shot(driver, "words-bulk-refused");
    assertFalse(toast.isEmpty());
    String firstLine = toast.lines().findFirst().orElseThrow().strip();
    int times = toast.split(Pattern.quote(firstLine), -1).length - 1;
    assertEquals(1, times, "the toast says its text once: " + toast);
    // issue 18 walk: by its content, the file is told it is no .xlsx spreadsheet
    assertTrue(toast.contains("不是 .xlsx 表格"), toast);
    assertFalse(toast.contains("表头须为"), "not a header problem: " + toast);
  }

  @Test
  void theErrorPageExistsAndGivesItsReference() throws IOException {
    HeadlessChrome.login(driver, base, "officer1");
    assertFalse(
        driver.getPageSource().contains("/WEB-INF/errors/500.xhtml"),
        "PrimeFaces must not send the browser into WEB-INF after an Ajax failure");
    driver.get(base + "/error.xhtml?ref=E-0A1B2C3D");
    String text = driver.findElement(By.tagName("body")).getText();
    HeadlessChrome.shot(driver, "words-error-page");
    assertTrue(text.contains("系统出错"), text);
    assertTrue(text.contains("E-0A1B2C3D"), text);
    assertFalse(text.contains("页面不存在"), text);
    driver.get(base + "/error.xhtml?ref=<script>");
    text = driver.findElement(By.tagName("body")).getText();
    assertTrue(text.matches("(?s).*E-[0-9A-F]{8}.*"), "a made-up reference is replaced: " + text);
    assertFalse(text.contains("<script>"), text);
  }

  /**
   * The walk: ?id=abc said "j_idt1: 'abc' must be a number…", ?id=999 "No such case." in English on
   * the Chinese interface, no id only the title; a quiz that does not exist offered 开始答题, a
   * scenario that does not exist was titled "新生 · ".
   */
  @Test
  void aPageOpenedWithABadIdSaysSoInTheUsersLanguage() throws Exception {
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/cases/case.xhtml?id=abc");
    String text = driver.findElement(By.tagName("body")).getText();
    assertTrue(text.contains("链接中的编号无效"), text);
    assertFalse(text.contains("j_idt"), text);
    driver.get(base + "/cases/case.xhtml?id=999999");
    text = driver.findElement(By.tagName("body")).getText();
    assertTrue(text.contains("案件不存在"), text);
    driver.get(base + "/cases/case.xhtml");
    text = driver.findElement(By.tagName("body")).getText();
    assertTrue(text.contains("没有指定案件"), text);
    // a browser that asks for English still hears the session's language (Chinese first)
    WebClient english = new WebClient(base);
    english.login("officer1", "demo123!");
    String page =
        english
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/cases/case.xhtml?id=999999"))
                    .header("Accept-Language", "en-US,en;q=0.9")
                    .GET())
            .body();
    assertTrue(page.contains("案件不存在"), page);
    assertFalse(page.contains("No such case"), page);
    HeadlessChrome.login(driver, base, "inmate1");
    driver.get(base + "/learn/quiz.xhtml?id=999999");
    text = driver.findElement(By.tagName("body")).getText();
    assertTrue(text.contains("测验不存在"), text);
    assertTrue(driver.findElements(By.id("quizForm:start")).isEmpty(), "no 开始答题 to be refused");
    driver.get(base + "/inmate/scenario.xhtml?id=nope");
    assertTrue(driver.getTitle().contains("训练场景不存在"), driver.getTitle());
    HeadlessChrome.shot(driver, "words-bad-id");
  }

  /** The walk: an inmate was told "无权访问" for a page that does not exist. */
  @Test
  void aPageThatDoesNotExistIsSaidSoToEveryRole() {
    for (String user : List.of("inmate1", "officer1", "teacher1")) {
      HeadlessChrome.login(driver, base, user);
      driver.get(base + "/nonexistent.xhtml");
      String text = driver.findElement(By.tagName("body")).getText();
      assertTrue(text.contains("页面不存在"), user + ": " + text);
      assertFalse(text.contains("无权访问"), user + ": " + text);
    }
    // an existing page of another role is still refused (deny by default)
    HeadlessChrome.login(driver, base, "inmate1");
    driver.get(base + "/cases/list.xhtml");
    assertTrue(
        driver.findElement(By.tagName("body")).getText().contains("无权访问"),
        driver.findElement(By.tagName("body")).getText());
  }

  @Test
  void anUnlockSaysSoOnce() throws IOException {
    WebClient web = new WebClient(base);
    for (int i = 0; i < 5; i++) {
      web.login("examiner2", "wrong password " + i);
    }
    HeadlessChrome.login(driver, base, "sysadmin1");
    driver.get(base + "/admin/accounts.xhtml");
    By filter = By.cssSelector("#accountsForm\\:accounts thead input");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(filter))
        .sendKeys("examiner2");
    // the filter reloads the table by Ajax: click the button in examiner2's own row once the table
    // shows his row alone, not a button of another locked account in the table being replaced
    By rows = By.cssSelector("#accountsForm\\:accounts_data > tr");
    HeadlessChrome.waiting(driver)
        .until(
            d -> {
              List<WebElement> shown = d.findElements(rows);
              return shown.size() == 1 && shown.get(0).getText().contains("examiner2");
            });
    By unlock =
        By.xpath(
            "//tbody[@id='accountsForm:accounts_data']/tr[contains(.,'examiner2')]"
                + "//button[@title='解除锁定']");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.elementToBeClickable(unlock)).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ui-growl"), "账户已解除锁定"));
    String toast = driver.findElement(By.cssSelector(".ui-growl")).getText();
    HeadlessChrome.shot(driver, "words-unlocked");
    assertEquals(1, toast.split("账户已解除锁定", -1).length - 1, toast);
    assertTrue(web.login("examiner2", "demo123!").statusCode() < 300, "the account opens again");
  }

  @Test
  void homePagesAreWorkQueuesWithCounts() {
    Map<String, String> queues = new LinkedHashMap<>();
    queues.put("officer1", "queue-returned");
    queues.put("reviewer1", "queue-pending");
    queues.put("committee1", "queue-vote");
    queues.put("warden1", "queue-director");
    queues.put("execution1", "queue-overdue");
    queues.put("judge1", "queue-sign");
    queues.put("prosecutor1", "queue-opinion");
    queues.put("supervisor1", "queue-remit");
    queues.put("lawyer1", "queue-remit");
    queues.put("teacher1", "queue-grade");
    // the walk: the bureau and the high court had no count of their work
    queues.put("bureau1", "queue-review");
    queues.put("highjudge1", "queue-sign");
    for (Map.Entry<String, String> q : queues.entrySet()) {
      HeadlessChrome.login(driver, base, q.getKey());
      String count =
          HeadlessChrome.waiting(driver)
              .until(ExpectedConditions.presenceOfElementLocated(By.id(q.getValue())))
              .getText();
      assertTrue(count.matches("\\d+"), q + " shows a count: " + count);
    }
    HeadlessChrome.login(driver, base, "judge1");
    String home = driver.findElement(By.tagName("body")).getText();
    assertTrue(home.contains("您可以签署法院的步骤"), "the judge's home says what he may sign");
    assertFalse(home.contains("您的访问为只读"), home);
    // the committee's queue leads to the committee's screen
    HeadlessChrome.login(driver, base, "committee1");
    driver.findElement(By.cssSelector("#workQueue a")).click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/cases/committee.xhtml"));
  }

  @Test
  void theCaseListFiltersByNumber() throws Exception {
    String number;
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT number FROM reduction_case ORDER BY id LIMIT 1")) {
      assertTrue(rs.next(), "a case on record");
      number = rs.getString(1);
    }
    HeadlessChrome.login(driver, base, "execution1");
    driver.get(base + "/cases/list.xhtml");
    By filter = By.cssSelector("#casesForm\\:cases thead input");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(filter))
        .sendKeys(number);
    HeadlessChrome.waiting(driver)
        .until(
            d ->
                d.findElements(By.cssSelector("#casesForm\\:cases tbody tr")).size() == 1
                    && d.findElement(By.id("casesForm:cases")).getText().contains(number));
    HeadlessChrome.shot(driver, "words-case-filter");
  }

  @Test
  void theSectionsScreenAndTheLearningRecordsAreOnTheMenus() {
    HeadlessChrome.login(driver, base, "sysadmin1");
    driver.findElement(By.xpath("//a[contains(., '监区与分监区')]")).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("staff")));
    assertTrue(driver.findElement(By.tagName("body")).getText().contains("一分监区"));
    // the walk: the table of who serves where lists the staff, never an inmate's terminal account
    String staff = driver.findElement(By.id("staff")).getText();
    assertTrue(staff.contains("分监区"), staff);
    assertTrue(!staff.contains("服刑人员"), staff);
    HeadlessChrome.login(driver, base, "officer1");
    driver.findElement(By.xpath("//a[contains(., '学习成果记分')]")).click();
    HeadlessChrome.waiting(driver).until(ExpectedConditions.urlContains("/ledger/learning.xhtml"));
  }

  @Test
  void aMeetingsMembersArePickedFromTheCommittee() throws IOException {
    HeadlessChrome.login(driver, base, "execution1");
    driver.get(base + "/cases/committee.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.id("committeeForm:members")))
        .click();
    int offered =
        HeadlessChrome.waiting(driver)
            .until(
                d -> {
                  int n =
                      d.findElements(By.cssSelector("#committeeForm\\:members_panel li")).size();
                  return n > 0 ? n : null;
                });
    assertTrue(offered >= 5, "the committee's members are offered by name: " + offered);
    // the panel opens with an animation: its text is there once it is shown
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("committeeForm:members_panel"), "committee1"));
    HeadlessChrome.shot(driver, "words-committee-picker");
    driver.findElement(By.tagName("h1")).click();
    driver.findElement(By.id("committeeForm:title")).sendKeys("2026年第12次减刑假释评审会");
    driver.findElement(By.id("committeeForm:create")).click();
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#committeeForm\\:messages .ui-messages-error")));
    String said = driver.findElement(By.id("committeeForm:messages")).getText();
    assertFalse(said.isBlank());
    assertFalse(driver.findElement(By.tagName("body")).getText().contains("系统出错"));
  }
}
