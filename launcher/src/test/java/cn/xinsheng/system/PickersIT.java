package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 18, item 4, in headless Chromium: nobody types an identifier. The department grants a case
 * to a lawyer chosen by name; a prosecutor's finding is about a record chosen from the case file;
 * the section's reviewer dispatches that objection to an officer chosen from the section's
 * officers, who handles it naming the correcting entry from the inmate's entries; the education
 * office forms a class with a teacher chosen by name and members found by number or name.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class PickersIT {

  private static WebDriver driver;
  private static String base;

  @BeforeAll
  static void open() throws Exception {
    base = RunningPlatform.ensureStarted();
    PrintViewsIT.ensureACase();
    driver = HeadlessChrome.open();
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static void noErrorPage() {
    assertFalse(driver.getPageSource().contains("系统出错"), driver.getCurrentUrl());
  }

  /** Opens a PrimeFaces select menu and picks the option with this label, or the first real one. */
  private static String pick(String id, String label) {
    // a click during the panel's opening animation can be lost (or meet the item at zero size) on
    // a loaded machine: the pick counts once the menu shows it, else it is tried again
    for (int attempt = 1; ; attempt++) {
      try {
        String text = pickOnce(id, label);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), text));
        return text;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static String pickOnce(String id, String label) {
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
    By items = By.cssSelector("[id='" + id + "_items'] li.ui-selectonemenu-item");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(items));
    List<WebElement> options = new ArrayList<>();
    for (WebElement li : driver.findElements(items)) {
      // the "choose…" line carries no value
      if (!"请选择……".equals(li.getAttribute("data-label"))
          && !"（无）".equals(li.getAttribute("data-label"))) {
        options.add(li);
      }
    }
    assertFalse(options.isEmpty(), "the picker " + id + " offers someone or something");
    WebElement chosen =
        label == null
            ? options.get(0)
            : options.stream()
                .filter(li -> li.getAttribute("data-label").contains(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError(label + " is not offered in " + id));
    String text = chosen.getAttribute("data-label");
    chosen.click();
    return text;
  }

  /** An open case (one that still takes steps), with its section. */
  private static long[] anOpenCase() throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.id, c.section_id FROM reduction_case c ORDER BY c.id DESC LIMIT 20")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        HeadlessChrome.login(driver, base, "execution1");
        driver.get(base + "/cases/case.xhtml?id=" + id);
        HeadlessChrome.waiting(driver)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:timeline")));
        // a lawyer is still to be granted this file (the picker leaves out those granted)
        if (driver.findElements(By.cssSelector("[id='caseForm:lawyer_input'] option")).size() > 1) {
          return new long[] {id, rs.getLong(2)};
        }
      }
    }
    throw new AssertionError("no open case on record");
  }

  private static String holderOf(String role, long section) throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT a.username FROM account a JOIN account_role r ON r.account_id = a.id"
                    + " JOIN officer_section o ON o.account_id = a.id"
                    + " WHERE r.role = ? AND o.section_id = ? AND a.enabled ORDER BY a.username"
                    + " LIMIT 1")) {
      ps.setString(1, role);
      ps.setLong(2, section);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), role + " of section " + section);
        return rs.getString(1);
      }
    }
  }

  @Test
  void aFindingIsAboutARecordOfTheFileAndIsDispatchedToAnOfficerByName() throws Exception {
    long[] open = anOpenCase();
    long caseId = open[0];
    long section = open[1];

    // the department grants the file to a lawyer picked by name
    HeadlessChrome.shot(driver, "pickers-01-case-lawyer");
    int grants = grants();
    String lawyer = pick("caseForm:lawyer", null);
    driver.findElement(By.id("caseForm:grant")).click();
    HeadlessChrome.waiting(driver).until(d -> grants() == grants + 1);
    noErrorPage();
    assertFalse(
        driver.findElement(By.id("caseForm")).getText().contains("case.error"),
        "the grant was taken: " + lawyer);

    // the prosecutor's finding, about a step chosen from the file
    HeadlessChrome.login(driver, base, "prosecutor1");
    driver.get(base + "/cases/case.xhtml?id=" + caseId);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:item")));
    noErrorPage();
    HeadlessChrome.shot(driver, "pickers-02-finding-item");
    long before = RunningPlatform.count("SELECT COUNT(*) FROM objection");
    String about = pick("caseForm:item", "分监区提请");
    assertFalse(about.contains("case-event/"), "the item is said in words: " + about);
    driver.findElement(By.id("caseForm:findingText")).sendKeys("提请所附证据不足，请核实。");
    driver.findElement(By.id("caseForm:finding")).click();
    HeadlessChrome.waiting(driver)
        .until(d -> countQuietly("SELECT COUNT(*) FROM objection") > before);
    String text;
    long objection;
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, text FROM objection ORDER BY id DESC LIMIT 1")) {
      rs.next();
      objection = rs.getLong(1);
      text = rs.getString(2);
    }
    assertTrue(
        text.startsWith("[case-event/"), "the finding names the record it is about: " + text);

    // the section's reviewer dispatches it to an officer picked from the section's officers
    String reviewer = holderOf("REVIEWER", section);
    String officer = holderOf("OFFICER", section);
    HeadlessChrome.login(driver, base, reviewer);
    driver.get(base + "/ledger/objections.xhtml");
    By row =
        By.xpath(
            "//tbody[@id='objectionsForm:objections_data']/tr[td[1][normalize-space()='"
                + objection
                + "']]//button");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.elementToBeClickable(row)).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("stepForm:officer")));
    HeadlessChrome.shot(driver, "pickers-03-dispatch");
    String officerName = officerName(officer);
    pick("stepForm:officer", officerName);
    // every step of the loop carries its 办理意见 (ObjectionService refuses a step without one)
    driver.findElement(By.id("stepForm:note")).sendKeys("请核实提请所附证据。");
    driver.findElement(By.id("stepForm:doStep")).click();
    By assigned =
        By.xpath(
            "//tbody[@id='objectionsForm:objections_data']/tr[td[1][normalize-space()='"
                + objection
                + "']]");
    try {
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.textToBePresentInElementLocated(assigned, officer));
    } finally {
      // what the dialog and the growl said after the save, kept for whoever reads a failure
      HeadlessChrome.shot(driver, "pickers-03b-dispatched");
    }

    // the officer verifies, then handles it, the correcting entry picked from the inmate's entries
    HeadlessChrome.login(driver, base, officer);
    driver.get(base + "/ledger/objections.xhtml");
    HeadlessChrome.waiting(driver).until(ExpectedConditions.elementToBeClickable(row)).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("stepForm:note")))
        .sendKeys("已核实：证据材料齐全。");
    driver.findElement(By.id("stepForm:doStep")).click();
    HeadlessChrome.waiting(driver)
        .until(
            d ->
                countQuietly(
                        "SELECT COUNT(*) FROM objection_step WHERE objection_id = "
                            + objection
                            + " AND step = 'VERIFY'")
                    == 1);
    // the dialog gone and the list redrawn with the next step before its button is clicked
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("stepForm:note")));
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(assigned, "下一步 处置"));
    HeadlessChrome.waiting(driver).until(ExpectedConditions.elementToBeClickable(row)).click();
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("stepForm:correction")));
    HeadlessChrome.shot(driver, "pickers-04-handle");
    // the entry stands (no correction is picked below); the outcome's "—" line is no outcome
    pick("stepForm:outcome", "异议不成立");
    driver.findElement(By.id("stepForm:correction")).click();
    By corrections = By.cssSelector("[id='stepForm:correction_items'] li.ui-selectonemenu-item");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(corrections));
    List<WebElement> entries = driver.findElements(corrections);
    // "(none)" first, then the inmate's entries, each said as "#id · month · clause amount · fact"
    assertEquals("（无）", entries.get(0).getAttribute("data-label"));
    for (WebElement e : entries.subList(1, entries.size())) {
      assertTrue(e.getAttribute("data-label").matches("#\\d+ · \\d{4}-\\d{2} · .+"), e.getText());
    }
    entries.get(0).click();
    driver.findElement(By.id("stepForm:note")).sendKeys("经核实，原记录无误，不作更正。");
    driver.findElement(By.id("stepForm:doStep")).click();
    HeadlessChrome.waiting(driver)
        .until(
            d ->
                countQuietly(
                        "SELECT COUNT(*) FROM objection_step WHERE objection_id = "
                            + objection
                            + " AND step = 'HANDLE'")
                    == 1);
  }

  private static int grants() {
    try {
      String t = driver.findElement(By.id("caseForm:timeline")).getText();
      return t.split("律师阅卷授权", -1).length - 1;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return -1;
    }
  }

  /** A count for a wait: a failed read counts as not yet. */
  private static long countQuietly(String sql) {
    try {
      return RunningPlatform.count(sql);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  private static String officerName(String login) throws Exception {
    try (Connection c = RunningPlatform.ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT display_name FROM account WHERE username = ?")) {
      ps.setString(1, login);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void aClassIsFormedWithATeacherAndMembersPickedByName() throws Exception {
    HeadlessChrome.login(driver, base, "eduadmin1");
    driver.get(base + "/eduadmin/content.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("cohortForm:teacher")));
    noErrorPage();
    driver.findElement(By.id("cohortForm:name")).sendKeys("法律常识二班");
    pick("cohortForm:teacher", null);
    By suggestions = By.cssSelector("[id='cohortForm:members_panel'] li.ui-autocomplete-item");
    for (String typed : List.of("3301000011", "3301000012")) {
      driver.findElement(By.id("cohortForm:members_input")).sendKeys(typed);
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.visibilityOfElementLocated(suggestions));
      WebElement first = driver.findElements(suggestions).get(0);
      assertTrue(first.getText().startsWith(typed + " "), "number and name: " + first.getText());
      first.click();
      HeadlessChrome.waiting(driver)
          .until(ExpectedConditions.invisibilityOfElementLocated(suggestions));
    }
    HeadlessChrome.shot(driver, "pickers-05-class");
    long cohorts = RunningPlatform.count("SELECT COUNT(*) FROM cohort");
    driver.findElement(By.id("cohortForm:createCohort")).click();
    HeadlessChrome.waiting(driver)
        .until(d -> countQuietly("SELECT COUNT(*) FROM cohort") == cohorts + 1);
    long courses =
        RunningPlatform.count(
            "SELECT COUNT(*) FROM course WHERE programme_id = (SELECT MAX(programme_id) FROM cohort"
                + " WHERE name = '法律常识二班')");
    assertEquals(
        courses == 0 ? 0 : 2,
        RunningPlatform.count(
            "SELECT COUNT(DISTINCT e.inmate_id) FROM enrolment e JOIN cohort c ON c.id ="
                + " e.cohort_id WHERE c.name = '法律常识二班'"),
        "both picked inmates are in the class");
    // the row is committed before the AJAX answer redraws the list: wait for the list, not the row
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("cohortForm:cohorts"), "法律常识二班"));
    // the walk: the class is said by its name, the teacher by his name, the members as a count
    // under a header that says so
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("contentForm:messages"), "班级“法律常识二班”已建立"));
    String table = driver.findElement(By.id("cohortForm:cohorts")).getText();
    assertTrue(table.contains("学员人数") && !table.contains("逗号分隔"), table);
    String row =
        driver
            .findElement(By.xpath("//*[@id='cohortForm:cohorts']//tr[contains(., '法律常识二班')]"))
            .getText();
    assertTrue(row.matches("(?s).*[^\\s（]+（[a-z0-9_.-]+）.*"), "the teacher by name: " + row);
  }

  // issue 18, item 5: inmates by name or number wherever one is chosen. The walk found five screens
  // that still made staff type a prisoner number; each now picks him from "姓名（编号）" lines.

  /** An inmate as the picker names him. */
  private record Person(String number, String name, long section) {
    String line() {
      return name + "（" + number + "）";
    }
  }

  /** The inmates of a login's sections (the officer's and reviewer's scope). */
  private static List<Person> inSectionsOf(String login) throws Exception {
    return people(
        "SELECT i.prisoner_number, i.name, i.section_id FROM inmate i WHERE i.section_id IN"
            + " (SELECT o.section_id FROM officer_section o JOIN account a ON a.id = o.account_id"
            + " WHERE a.username = '"
            + login
            + "') ORDER BY i.prisoner_number");
  }

  private static List<Person> people(String sql) throws Exception {
    List<Person> out = new ArrayList<>();
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(new Person(rs.getString(1), rs.getString(2), rs.getLong(3)));
      }
    }
    return out;
  }

  /**
   * A part of his name that at most 20 names in the prison contain (the picker offers 20, by
   * number), so typing it surely offers him; the whole name only when no part does.
   */
  private static String partOfName(Person p) throws Exception {
    List<String> everyone =
        people("SELECT prisoner_number, name, section_id FROM inmate").stream()
            .map(Person::name)
            .toList();
    for (int len = 1; len < p.name().length(); len++) {
      for (int start = 0; start + len <= p.name().length(); start++) {
        String part = p.name().substring(start, start + len);
        if (everyone.stream().filter(n -> n.contains(part)).count() <= 20) {
          return part;
        }
      }
    }
    return p.name();
  }

  /**
   * Types a part of the inmate's name into the picker and chooses his line; every line offered must
   * name an inmate the user may see.
   */
  private static void chooseInmate(String id, Person p, List<Person> seen) throws Exception {
    String typed = partOfName(p);
    java.util.Set<String> mayChoose =
        seen.stream().map(Person::number).collect(java.util.stream.Collectors.toSet());
    WebElement input =
        HeadlessChrome.waiting(driver)
            .until(ExpectedConditions.elementToBeClickable(By.id(id + "_input")));
    input.clear();
    input.sendKeys(typed);
    By items = By.cssSelector("[id='" + id + "_panel'] li.ui-autocomplete-item");
    WebElement his =
        HeadlessChrome.waiting(driver)
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                d ->
                    d.findElements(items).stream()
                        .filter(WebElement::isDisplayed)
                        .filter(li -> li.getText().strip().equals(p.line()))
                        .findFirst()
                        .orElse(null));
    for (WebElement li : driver.findElements(items)) {
      String line = li.getText().strip();
      assertTrue(line.matches(".+（[0-9A-Za-z]+）"), "said as 姓名（编号）: " + line);
      String number = line.substring(line.lastIndexOf('（') + 1, line.length() - 1);
      assertTrue(mayChoose.contains(number), typed + " offers only whom the user may see: " + line);
    }
    his.click();
    // choosing re-renders the form by AJAX: the input found may be replaced before it is read
    HeadlessChrome.waiting(driver)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> p.line().equals(d.findElement(By.id(id + "_input")).getAttribute("value")));
  }

  @Test
  void anInmatesLedgerOpensForAnInmatePickedByName() throws Exception {
    List<Person> mine = inSectionsOf("officer1");
    Person p = mine.get(mine.size() / 2);
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/ledger/inmate.xhtml");
    chooseInmate("inmateForm:inmate", p, mine);
    // chosen is shown: his ledger's tables and his exports
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href$='/inmates/" + p.number() + "/export.pdf']")));
    assertTrue(driver.findElement(By.id("inmateForm:months")).isDisplayed());
    noErrorPage();
    HeadlessChrome.shot(driver, "pickers-06-inmate-ledger");

    // an inmate of another section is not offered to this officer, even by his whole name
    List<Person> others =
        people(
            "SELECT prisoner_number, name, section_id FROM inmate ORDER BY prisoner_number DESC");
    Person outsider =
        others.stream()
            .filter(o -> mine.stream().noneMatch(m -> m.name().equals(o.name())))
            .filter(o -> mine.stream().noneMatch(m -> m.number().equals(o.number())))
            .findFirst()
            .orElseThrow();
    driver.get(base + "/ledger/inmate.xhtml");
    WebElement input =
        HeadlessChrome.waiting(driver)
            .until(ExpectedConditions.elementToBeClickable(By.id("inmateForm:inmate_input")));
    input.sendKeys(outsider.number());
    Thread.sleep(2000);
    for (WebElement li :
        driver.findElements(
            By.cssSelector("[id='inmateForm:inmate_panel'] li.ui-autocomplete-item"))) {
      assertFalse(li.getText().contains(outsider.number()), "not his section's: " + li.getText());
    }

    // a link naming the inmate still opens his ledger, the picker showing his line
    driver.get(base + "/ledger/inmate.xhtml?no=" + p.number());
    HeadlessChrome.waiting(driver)
        .until(
            d ->
                p.line()
                    .equals(d.findElement(By.id("inmateForm:inmate_input")).getAttribute("value")));
    assertFalse(driver.findElements(By.id("inmateForm:months")).isEmpty());
  }

  @Test
  void aRiskAssessmentOpensForAnInmatePickedByName() throws Exception {
    List<Person> mine = inSectionsOf("officer1");
    Person p = mine.get(0);
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/risk/assess.xhtml");
    chooseInmate("assessForm:prisoner", p, mine);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("assessForm:assess")));
    // the form's heading (a plain h3, so its id is not the form's) names him as the picker did
    assertEquals(p.line(), driver.findElement(By.id("inmate")).getText().strip());
    noErrorPage();
    HeadlessChrome.shot(driver, "pickers-07-risk");
  }

  @Test
  void anExcusalIsEnteredForAnInmatePickedByName() throws Exception {
    List<Person> mine = inSectionsOf("officer1");
    long section = mine.get(0).section();
    List<Person> ofSection = mine.stream().filter(m -> m.section() == section).toList();
    Person p = ofSection.get(ofSection.size() - 1);
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/ledger/excusals.xhtml?section=" + section);
    chooseInmate("excusalForm:prisoner", p, ofSection);
    // months long closed, so no other test's month changes its split
    driver.findElement(By.id("excusalForm:from")).sendKeys("2018-03");
    driver.findElement(By.id("excusalForm:to")).sendKeys("2018-04");
    driver.findElement(By.id("excusalForm:reason")).sendKeys("经监狱医院诊断，不宜劳动");
    String count =
        "SELECT COUNT(*) FROM labour_excusal x JOIN inmate i ON i.id = x.inmate_id"
            + " WHERE i.prisoner_number = '"
            + p.number()
            + "' AND x.entered_by = 'officer1'";
    long before = RunningPlatform.count(count);
    driver.findElement(By.id("excusalForm:enter")).click();
    HeadlessChrome.waiting(driver).until(d -> countQuietly(count) == before + 1);
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("excusalForm:excusals"), p.number()));
    noErrorPage();
    HeadlessChrome.shot(driver, "pickers-08-excusal");
  }

  @Test
  void aTakeIsUploadedForAnInmatePickedByName() throws Exception {
    List<Person> mine = inSectionsOf("officer1");
    Person p = mine.get(1);
    java.nio.file.Path wav = RunningPlatform.DATA_DIR.resolve("pickers-take.wav");
    java.nio.file.Files.write(
        wav,
        cn.xinsheng.music.domain.synth.WavWriter.pcm16(
            cn.xinsheng.music.domain.synth.TakeSynthesizer.play(
                    cn.xinsheng.music.domain.notation.Jianpu.parse(
                        "key: 1=D\ntempo: 72\ntime: 4/4\n1 2 3 4 | 5 6 7 1' |"),
                    cn.xinsheng.music.domain.notation.Tuning.STANDARD,
                    cn.xinsheng.music.domain.synth.TakeSynthesizer.Playing.clean(
                        22050, cn.xinsheng.music.domain.synth.Tone.BOWED))
                .audio()));
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/music/takes.xhtml");
    chooseInmate("uploadForm:prisoner", p, mine);
    String count =
        "SELECT COUNT(*) FROM music_take t JOIN inmate i ON i.id = t.inmate_id"
            + " WHERE i.prisoner_number = '"
            + p.number()
            + "'";
    long before = RunningPlatform.count(count);
    Thread.sleep(500); // the choice reaches the view by its own request
    driver
        .findElement(By.cssSelector("[id='uploadForm:take'] input[type=file]"))
        .sendKeys(wav.toString());
    HeadlessChrome.waiting(driver).until(d -> countQuietly(count) == before + 1);
    driver.get(base + "/music/takes.xhtml");
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("takes"), p.line()));
    noErrorPage();
    HeadlessChrome.shot(driver, "pickers-09-take");
  }

  @Test
  void anInmatesAuditRecordsExportForAnInmatePickedByName() throws Exception {
    // the administrator exports any inmate the log holds records about
    List<Person> all = people("SELECT prisoner_number, name, section_id FROM inmate");
    List<Person> recorded =
        people(
            "SELECT i.prisoner_number, i.name, i.section_id FROM inmate i WHERE EXISTS (SELECT 1"
                + " FROM audit_entry e WHERE e.inmate = i.prisoner_number) ORDER BY i.id");
    assertFalse(recorded.isEmpty(), "the log holds records about some inmate");
    Person p = recorded.get(0);
    HeadlessChrome.login(driver, base, "sysadmin1");
    driver.get(base + "/admin/audit.xhtml");
    chooseInmate("exportForm:inmate", p, all);
    java.nio.file.Files.createDirectories(HeadlessChrome.DOWNLOADS);
    String prefix = "xinsheng-audit-inmate-" + p.number() + "-";
    try (var old = java.nio.file.Files.list(HeadlessChrome.DOWNLOADS)) {
      for (java.nio.file.Path f :
          old.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        java.nio.file.Files.delete(f);
      }
    }
    driver.findElement(By.id("exportForm:exportInmate")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(90))
        .until(
            d -> {
              try (var files = java.nio.file.Files.list(HeadlessChrome.DOWNLOADS)) {
                return files.anyMatch(
                    f ->
                        f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".zip"));
              } catch (java.io.IOException e) {
                return false;
              }
            });
    noErrorPage();
    HeadlessChrome.shot(driver, "pickers-10-audit-export");
  }

  // The issue 18 walk: a picker value naming nobody left /music/takes and /ledger/excusals silent,
  // and a link naming nobody (?inmate=9999999999) left all five picker pages silent.

  private static final String NOBODY = "9999999999";
  private static final String NO_SUCH_INMATE = "没有这个服刑人员，或其不在您分管的分监区";

  /** A picker page, who opens it, how its value is sent, and the words it says for nobody. */
  private record PickerPage(String login, String path, String picker, String send, String words) {}

  private static final List<PickerPage> PICKER_PAGES =
      List.of(
          new PickerPage(
              "officer1",
              "/ledger/inmate.xhtml",
              "inmateForm:inmate",
              "inmateForm:show",
              NO_SUCH_INMATE),
          new PickerPage(
              "officer1",
              "/risk/assess.xhtml",
              "assessForm:prisoner",
              "assessForm:load",
              NO_SUCH_INMATE),
          // these two send the picker on its own when it is left (there is no button to show him)
          new PickerPage(
              "officer1", "/ledger/excusals.xhtml", "excusalForm:prisoner", null, NO_SUCH_INMATE),
          // the music upload serves a teacher's learners too: its words, the upload's refusal's
          new PickerPage(
              "officer1",
              "/music/takes.xhtml",
              "uploadForm:prisoner",
              null,
              "没有这名服刑人员，或他不是您所教的学员、不在您的监区"),
          new PickerPage(
              "sysadmin1",
              "/admin/audit.xhtml",
              "exportForm:inmate",
              "exportForm:exportInmate",
              NO_SUCH_INMATE));

  private static void says(String words, String where) {
    try {
      HeadlessChrome.waiting(driver)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> d.findElement(By.tagName("body")).getText().contains(words));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          where + " says \"" + words + "\": " + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  @Test
  void aLinkNamingNobodyIsSaidOnEveryPickerPage() throws Exception {
    for (PickerPage page : PICKER_PAGES) {
      HeadlessChrome.login(driver, base, page.login());
      driver.get(base + page.path() + "?inmate=" + NOBODY);
      says(page.words(), page.path() + "?inmate=" + NOBODY);
      noErrorPage();
      // the picker keeps what the link named, for the user to correct
      assertEquals(
          NOBODY, driver.findElement(By.id(page.picker() + "_input")).getAttribute("value"));
    }
    HeadlessChrome.shot(driver, "pickers-11-link-names-nobody");
  }

  @Test
  void aPickerValueNamingNobodyIsSaidOnEveryPickerPage() throws Exception {
    for (PickerPage page : PICKER_PAGES) {
      HeadlessChrome.login(driver, base, page.login());
      driver.get(base + page.path());
      WebElement input =
          HeadlessChrome.waiting(driver)
              .until(ExpectedConditions.elementToBeClickable(By.id(page.picker() + "_input")));
      assertFalse(
          driver.findElement(By.tagName("body")).getText().contains(page.words()),
          page.path() + " says nothing before anything is typed");
      input.sendKeys(NOBODY);
      if (page.send() == null) {
        driver.findElement(By.tagName("h1")).click(); // the picker is left
      } else {
        driver.findElement(By.id(page.send())).click();
      }
      says(page.words(), page.path() + " with " + NOBODY + " typed");
      noErrorPage();
    }
    HeadlessChrome.shot(driver, "pickers-12-typed-names-nobody");
  }

  @Test
  void aLinkNamingAnInmateOfAnotherOfTheOfficersSectionsOpensHisSectionsExcusals()
      throws Exception {
    // the excusal page shows one section; a link naming an inmate of another of the officer's
    // sections shows his, picker filled, rather than his bare number (and that he is nobody)
    List<Person> mine = inSectionsOf("officer1");
    java.util.Map<Long, Person> onePerSection = new java.util.TreeMap<>();
    mine.forEach(m -> onePerSection.putIfAbsent(m.section(), m));
    assertTrue(onePerSection.size() >= 2, "officer1 serves two sections: " + onePerSection);
    HeadlessChrome.login(driver, base, "officer1");
    for (Person p : onePerSection.values()) {
      driver.get(base + "/ledger/excusals.xhtml?inmate=" + p.number());
      HeadlessChrome.waiting(driver)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              d ->
                  p.line()
                      .equals(
                          d.findElement(By.id("excusalForm:prisoner_input"))
                              .getAttribute("value")));
      assertFalse(driver.findElement(By.tagName("body")).getText().contains(NO_SUCH_INMATE));
    }
  }

  @Test
  void theCaseHeaderNamesTheTermsLastDayAndTheReleaseDay() throws Exception {
    long caseId = RunningPlatform.count("SELECT MAX(id) FROM reduction_case");
    HeadlessChrome.login(driver, base, "execution1");
    driver.get(base + "/cases/case.xhtml?id=" + caseId);
    HeadlessChrome.waiting(driver)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:releaseDay")));
    String end = driver.findElement(By.id("caseForm:sentenceEnd")).getText().strip();
    String release = driver.findElement(By.id("caseForm:releaseDay")).getText().strip();
    String header = driver.findElement(By.id("caseForm")).getText();
    assertTrue(header.contains("刑期至") && header.contains("刑满释放日"), header);
    if (!"—".equals(end)) {
      assertEquals(java.time.LocalDate.parse(end).plusDays(1).toString(), release);
    }
  }

  @Test
  void evidenceThatDoesNotExistIsSaidToBeNone() throws Exception {
    HeadlessChrome.login(driver, base, "officer1");
    driver.get(base + "/ledger/evidence.xhtml?id=987654321");
    HeadlessChrome.waiting(driver)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("evidenceUnknown"), "没有这份证据"));
    assertTrue(driver.findElements(By.id("evidenceUnshown")).isEmpty());
  }
}
