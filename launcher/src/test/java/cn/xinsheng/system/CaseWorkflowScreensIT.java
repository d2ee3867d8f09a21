package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The case screens in headless Chromium, after {@link CaseSystemIT} left a granted case and one at
 * the ward meeting: the department's list by deadline, a reviewer signing a step on the case page,
 * the committee screen, the eligibility list, the judge's read-only file in both languages, the
 * inmate's own case at the terminal. Screenshots in target/screenshots.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class CaseWorkflowScreensIT {

  private static final Path SHOTS = Path.of("target", "screenshots");
  private static WebDriver driver;
  private static String base;
  private static long granted;
  private static long waiting;
  private static String grantedNumber;
  private static String inmateLogin;

  @BeforeAll
  static void open() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(SHOTS);
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                // CaseSystemIT's first two cases: the demo history's own (DemoHistory, sections
                // 21, 22 and 31) come before them
                "SELECT c.id, c.number, i.prisoner_number FROM reduction_case c"
                    + " JOIN inmate i ON i.id = c.inmate_id WHERE c.section_id NOT IN (21, 22, 31)"
                    + " ORDER BY c.id LIMIT 2")) {
      rs.next();
      granted = rs.getLong(1);
      grantedNumber = rs.getString(2);
      inmateLogin = "inmate" + Integer.parseInt(rs.getString(3).substring(4));
      rs.next();
      waiting = rs.getLong(1);
    }
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void close() {
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

  private static long count(String sql) {
    try {
      return RunningPlatform.count(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(String sql) {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 20261220 as the screens say it: 2026-12-20. */
  private static String ymd(long yyyymmdd) {
    String d = Long.toString(yyyymmdd);
    return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
  }

  private static void noErrorPage() {
    assertFalse(driver.getPageSource().contains("系统出错"), driver.getCurrentUrl());
  }

  @Test
  void theCaseScreensFromTheDepartmentToTheInmate() throws IOException {
    login("execution1");
    driver.get(base + "/cases/list.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("casesForm:cases")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains(grantedNumber));
    assertTrue(driver.getPageSource().contains("裁定准予"), "the granted case's status in Chinese");
    assertTrue(driver.getPageSource().contains("监区长办公会"), "the waiting case's next step");
    shot("case-01-list-department");
    driver.get(base + "/cases/committee.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("committeeForm")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("2026年第11次减刑假释评审会"));
    // the walk: "委员：committee1、committee2…"; members by name, the login beside it
    String member = text("SELECT display_name FROM account WHERE username = 'committee1'");
    assertTrue(
        driver.findElement(By.id("committeeForm")).getText().contains(member + "（committee1）"),
        driver.findElement(By.id("committeeForm")).getText());
    shot("case-02-committee");
    driver.get(base + "/cases/eligibility.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("eligibilityForm:results")));
    noErrorPage();
    // issue 16: every reason with its article (rule table 2016-23/v2)
    assertTrue(driver.getPageSource().contains("方可减刑"), "reasons said in Chinese");
    assertTrue(driver.getPageSource().contains("法释〔2016〕23号第"), "reasons name their article");
    shot("case-03-eligibility");

    // the section's reviewer signs the ward meeting on the case page
    login("reviewer1");
    driver.get(base + "/cases/case.xhtml?id=" + waiting);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:sign")));
    noErrorPage();
    shot("case-04-case-before-sign");
    // issue 18 walk: the opinion is required; signed empty, it is refused in words, said once,
    // and nothing is written
    assertFalse(
        driver.findElements(By.cssSelector("#caseForm .ui-outputlabel-rfi")).isEmpty(),
        "the opinion is marked as required");
    long events = count("SELECT COUNT(*) FROM case_event WHERE case_id = " + waiting);
    driver.findElement(By.id("caseForm:sign")).click();
    String refused = "须填写本步骤的意见";
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), refused));
    String body = driver.findElement(By.tagName("body")).getText();
    assertEquals(1, body.split(refused, -1).length - 1, "the refusal is said once: " + body);
    assertTrue(body.contains("监区长办公会"), "names the step: " + body);
    assertEquals(events, count("SELECT COUNT(*) FROM case_event WHERE case_id = " + waiting));
    shot("case-04b-empty-opinion-refused");
    driver.findElement(By.id("caseForm:note")).sendKeys("监区长办公会研究同意提请。");
    driver.findElement(By.id("caseForm:sign")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("caseForm:next"), "刑罚执行科审查"));
    shot("case-05-case-after-sign");

    // the judge's read-only file, in both languages
    login("judge1");
    driver.get(base + "/cases/case.xhtml?id=" + granted);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:timeline")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains("法院裁定"));
    // the walk: "已授权律师 lawyer1" (the dropdown said 张律): the lawyer by name, in the field and
    // in the timeline's grant
    String lawyer = text("SELECT display_name FROM account WHERE username = 'lawyer1'");
    assertTrue(
        driver.findElement(By.id("caseForm:lawyers")).getText().contains(lawyer + "（lawyer1）"),
        driver.findElement(By.id("caseForm:lawyers")).getText());
    assertFalse(
        driver.findElement(By.id("caseForm:timeline")).getText().matches("(?s).* lawyer1\\b.*"),
        "no bare login in the timeline: "
            + driver.findElement(By.id("caseForm:timeline")).getText());
    // who signed is said by name, the login beside it (the court reads this file)
    assertTrue(
        driver.findElement(By.id("caseForm:timeline")).getText().contains("周建军（officer1）"),
        driver.findElement(By.id("caseForm:timeline")).getText());
    assertTrue(
        driver.findElements(By.id("caseForm:sign")).isEmpty(), "nothing to sign on a closed case");
    // the walk: the ruling waited for the court's posting while the file said only the prison's
    // "公示截止"; now each posting is named and the court's shows its own last day
    assertTrue(driver.getPageSource().contains("监狱公示截止"), "the prison's posting by name");
    assertTrue(driver.getPageSource().contains("法院公示截止"), "the court's posting by name");
    assertEquals(
        ymd(
            count(
                "SELECT DATE_FORMAT(DATE_ADD(on_date, INTERVAL 5 DAY), '%Y%m%d') FROM case_event"
                    + " WHERE step = 'COURT_POSTING' AND case_id = "
                    + granted)),
        driver.findElement(By.id("caseForm:courtPostingEnds")).getText().trim());
    shot("case-06-judge-file-zh");
    driver.findElement(By.id("langForm:en")).click();
    waiting().until(ExpectedConditions.titleContains("Case file"));
    assertTrue(driver.getPageSource().contains("Granted"));
    shot("case-07-judge-file-en");
    driver.findElement(By.id("langForm:zh")).click();
    waiting().until(ExpectedConditions.titleContains("案件卷宗"));

    // the inmate at the terminal: his case, its basis, how to object
    login(inmateLogin);
    driver.get(base + "/inmate/case.xhtml");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("myCaseForm")));
    noErrorPage();
    assertTrue(driver.getPageSource().contains(grantedNumber));
    assertTrue(driver.getPageSource().contains("提请依据"));
    // the walk: "裁定准予" without the months or the day, and an offer to object "截止 —" when no
    // posting was open
    long months =
        count(
            "SELECT months FROM case_event WHERE step = 'RULING' AND choice = 'GRANTED' AND case_id = "
                + granted);
    String ruledOn =
        ymd(
            count(
                "SELECT DATE_FORMAT(COALESCE(on_date, DATE(signed_at)), '%Y%m%d') FROM case_event"
                    + " WHERE step = 'RULING' AND choice = 'GRANTED' AND case_id = "
                    + granted));
    String ruling = driver.findElement(By.cssSelector(".xs-ruling")).getText();
    assertTrue(ruling.contains("准予，" + months + " 个月"), ruling);
    assertTrue(ruling.contains(ruledOn), ruling + " / " + ruledOn);
    assertFalse(
        driver.findElement(By.tagName("body")).getText().contains("截止 —"),
        "no objection with a posting that has no end");
    shot("case-08-inmate");
  }

  // --- the return and the committee's vote, on a case of this test's own ----------------------

  private static WebClient api(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, "demo123!").statusCode(), user);
    return c;
  }

  private static void signedByApi(WebClient c, long caseId, String step) {
    HttpResponse<String> r =
        c.postJson(
            "/api/v1/cases/" + caseId + "/steps", "{\"step\":\"" + step + "\",\"note\":\"同意。\"}");
    assertEquals(201, r.statusCode(), step + ": " + r.body());
  }

  /**
   * A case of section 12 proposed by officer1 for an eligible inmate with no case yet (CaseSystemIT
   * took the first two), its ward meeting signed: next, the execution department's review.
   */
  @SuppressWarnings("unchecked")
  private static long caseAtExecutionReview() {
    WebClient officer = api("officer1");
    HttpResponse<String> run = officer.get("/api/v1/eligibility/runs/latest?section=12");
    assertEquals(200, run.statusCode(), run.body());
    for (Map<String, Object> r : (List<Map<String, Object>>) CanonicalJson.parse(run.body())) {
      if (!"ELIGIBLE".equals(r.get("outcome"))
          || !"REDUCTION".equals(r.get("kind"))
          || r.get("maxMonths") == null
          || (Long) r.get("maxMonths") < 1
          || (Long) r.get("maxMonths") > 24) {
        continue;
      }
      String prisoner = (String) r.get("prisonerNumber");
      if (count(
              "SELECT COUNT(*) FROM reduction_case c JOIN inmate i ON i.id = c.inmate_id"
                  + " WHERE i.prisoner_number = '"
                  + prisoner
                  + "'")
          > 0) {
        continue;
      }
      HttpResponse<String> proposed =
          officer.postJson(
              "/api/v1/cases",
              "{\"eligibility\":"
                  + r.get("id")
                  + ",\"months\":1,\"rationale\":\"该犯认罪悔罪，遵守监规，确有悔改表现。\",\"cycles\":["
                  + RunningPlatform.commendation(prisoner)
                  + "]}");
      if (proposed.statusCode() == 201) {
        long id = (Long) ((Map<String, Object>) CanonicalJson.parse(proposed.body())).get("id");
        signedByApi(api("reviewer1"), id, "WARD_MEETING");
        return id;
      }
    }
    throw new IllegalStateException("no eligible inmate of section 12 without a case");
  }

  /**
   * Picks an item of a PrimeFaces menu and waits until the menu shows it; a click during the
   * panel's opening animation can be lost on a loaded machine, so it tries again.
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
        new WebDriverWait(driver, java.time.Duration.ofSeconds(5))
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

  /** The timeline's row of one event (its first column is the event's number). */
  private static String timelineRow(long eventId) {
    return driver.findElements(By.cssSelector("[id='caseForm:timeline_data'] > tr")).stream()
        .filter(
            tr -> tr.findElement(By.tagName("td")).getText().trim().equals(Long.toString(eventId)))
        .map(WebElement::getText)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "event "
                        + eventId
                        + " not in the timeline: "
                        + driver.findElement(By.id("caseForm:timeline")).getText()));
  }

  /** When an event was signed, to the minute in the prison's zone, as the timeline says it. */
  private static String signedAt(long eventId) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.of("Asia/Shanghai"))
        .format(
            Instant.ofEpochSecond(
                count(
                    "SELECT FLOOR(UNIX_TIMESTAMP(signed_at)) FROM case_event WHERE id = "
                        + eventId)));
  }

  /** Whether an element's text is on the screen, not scrolled out of view. */
  private static boolean inView(By element) {
    WebElement e = driver.findElement(element);
    return (Boolean)
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
                e);
  }

  private static List<WebElement> voteButtons() {
    return driver.findElements(By.cssSelector("button[id$=':vote']"));
  }

  private static WebElement voteButton(String label) {
    return voteButtons().stream()
        .filter(b -> b.getText().trim().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vote button " + label));
  }

  private static final By CONFIRM = By.cssSelector(".ui-confirm-dialog");

  @Test
  void aCaseIsReturnedWithAReasonAndAMemberVotesThroughTheConfirmation() throws IOException {
    long id = caseAtExecutionReview();
    String events = "SELECT COUNT(*) FROM case_event WHERE case_id = " + id;
    String eventAudits =
        "SELECT COUNT(*) FROM audit_entry WHERE subject IN (SELECT CONCAT('case-event/', id)"
            + " FROM case_event WHERE case_id = "
            + id
            + ")";

    // the execution department sends it back to the ward meeting, with a reason
    login("execution1");
    driver.get(base + "/cases/case.xhtml?id=" + id);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:return")));
    noErrorPage();
    assertEquals("刑罚执行科审查", driver.findElement(By.id("caseForm:next")).getText().trim());
    choose("caseForm:returnTo", "监区长办公会");
    long before = count(events);
    long auditsBefore = count(eventAudits);
    driver.findElement(By.id("caseForm:return")).click();
    String noReason = "请填写理由";
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), noReason));
    // the refusal is seen where the user is, not at the top of a long file out of view, and the
    // field it asks for is named for the reason
    assertTrue(
        inView(By.id("caseForm:messages")),
        "the refusal is in view after clicking the return at the bottom of the file");
    assertTrue(
        driver.findElement(By.cssSelector("label[for='caseForm:note']")).getText().contains("退回理由"),
        driver.findElement(By.cssSelector("label[for='caseForm:note']")).getText());
    shot("case-09-return-without-reason");
    assertEquals(before, count(events), "a return without a reason writes nothing");
    assertEquals(auditsBefore, count(eventAudits), "nor audits anything");
    assertEquals("刑罚执行科审查", driver.findElement(By.id("caseForm:next")).getText().trim());

    String reason = "监区长办公会记录缺少参会人签名，请补正后重新研究。";
    driver.findElement(By.id("caseForm:note")).sendKeys(reason);
    choose("caseForm:returnTo", "监区长办公会");
    driver.findElement(By.id("caseForm:return")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("caseForm:next"), "监区长办公会"));
    shot("case-10-returned");
    assertEquals(before + 1, count(events));
    long returned =
        count("SELECT MAX(id) FROM case_event WHERE type = 'RETURN' AND case_id = " + id);
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM case_event WHERE id = "
                + returned
                + " AND step = 'WARD_MEETING' AND signed_by = 'execution1' AND note = '"
                + reason
                + "'"));
    // the timeline says it in words: the action and the step, who, when in the prison's time, why
    String row = timelineRow(returned);
    String who = text("SELECT display_name FROM account WHERE username = 'execution1'");
    assertTrue(row.contains("退回 · 监区长办公会"), row);
    assertTrue(row.contains(who + "（execution1）"), row);
    assertTrue(row.contains(signedAt(returned)), row + " / " + signedAt(returned));
    assertTrue(row.contains(reason), row);
    assertFalse(row.matches("(?s).*(RETURN|WARD_MEETING|UTC|\\dZ).*"), "no internal codes: " + row);
    // and the audit log holds it, bound to the event
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'case-event/"
                + returned
                + "' AND leaf_data LIKE '%case.return%' AND leaf_data LIKE '%WARD_MEETING%'"));

    // done again, then to the committee: a meeting of nine with this case on its agenda
    signedByApi(api("reviewer1"), id, "WARD_MEETING");
    WebClient execution = api("execution1");
    signedByApi(execution, id, "EXECUTION_REVIEW");
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      members.append(i > 1 ? "," : "").append("\"committee").append(i).append('"');
    }
    HttpResponse<String> meeting =
        execution.postJson(
            "/api/v1/committee/meetings",
            "{\"title\":\"2026年第12次减刑假释评审会\",\"members\":["
                + members
                + "],\"cases\":["
                + id
                + "]}");
    assertEquals(201, meeting.statusCode(), meeting.body());

    // a member votes on the screen; the vote is final, so the screen asks first
    login("committee7");
    driver.get(base + "/cases/case.xhtml?id=" + id);
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[id$=':vote']")));
    noErrorPage();
    assertEquals(3, voteButtons().size(), "同意, 不同意, 弃权");
    String votes =
        "SELECT COUNT(*) FROM case_event WHERE type = 'VOTE' AND signed_by = 'committee7' AND case_id = "
            + id;
    // cancelled: nothing cast, the choices still offered
    voteButton("不同意").click();
    WebElement dialog = waiting().until(ExpectedConditions.visibilityOfElementLocated(CONFIRM));
    assertTrue(
        dialog.getText().contains("确认表决") && dialog.getText().contains("不同意"),
        "the dialog names the choice: " + dialog.getText());
    shot("case-11-vote-confirm");
    dialog.findElement(By.cssSelector(".ui-confirmdialog-no")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(CONFIRM));
    assertEquals(0, count(votes), "a cancelled vote casts nothing");
    assertEquals(3, voteButtons().size());

    // confirmed: cast once, shown in the timeline and the tally, and no longer offered
    voteButton("同意").click();
    dialog = waiting().until(ExpectedConditions.visibilityOfElementLocated(CONFIRM));
    assertTrue(
        dialog.getText().contains("确认表决") && !dialog.getText().contains("不同意"),
        "the dialog names the choice: " + dialog.getText());
    dialog.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("caseForm:messages"), "已保存"));
    shot("case-12-voted");
    assertEquals(1, count(votes), "the vote is stored once");
    assertEquals(1, count(votes + " AND choice = 'AGREE'"));
    assertTrue(voteButtons().isEmpty(), "a member votes once");
    long vote =
        count(
            "SELECT id FROM case_event WHERE type = 'VOTE' AND signed_by = 'committee7' AND case_id = "
                + id);
    String voter = text("SELECT display_name FROM account WHERE username = 'committee7'");
    String voteRow = timelineRow(vote);
    assertTrue(voteRow.contains("表决 · 评审委员会评审"), voteRow);
    assertTrue(voteRow.contains(voter + "（committee7）"), voteRow);
    assertTrue(voteRow.contains("同意"), voteRow);
    assertFalse(voteRow.matches("(?s).*(VOTE|AGREE|COMMITTEE).*"), "no internal codes: " + voteRow);
    assertTrue(
        driver.findElement(By.id("caseForm:tally")).getText().contains("同意 1，"),
        driver.findElement(By.id("caseForm:tally")).getText());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'case-event/"
                + vote
                + "' AND leaf_data LIKE '%case.vote%'"));
    // the page again: still one vote, none offered
    driver.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:timeline")));
    assertTrue(voteButtons().isEmpty(), "no vote offered after voting");
    assertEquals(1, count(votes));
  }
}
