package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A CNOS exam end to end over REST on a running {@code start-dev} (issue 19): registration refused
 * without the level below and allowed by a placement; recusal refused with its reason recorded;
 * grading refused until the performance is recorded as evidence; independent marks hidden until
 * both are in; a third examiner on disagreement; publication; the certificate issued, verified by
 * its code, exported and verified offline, a changed copy failing; the pass proposed to the ledger
 * under JY-04 and reviewed by a second officer; who sees which results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class MusicExamSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("music-exam-it");
  private static String base;
  private static WebClient board;
  private static WebClient ex1;
  private static WebClient ex2;
  private static WebClient ex3;
  private static WebClient exSection;
  private static String p1;
  private static String p1Login;
  private static String p2;
  private static long level1;
  private static long level2;
  private static long cand1;
  private static long cand2;
  private static String code;
  private static byte[] wav;
  private static long performanceTake;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    board = login("eduadmin1");
    ex1 = login("examiner1");
    ex2 = login("examiner2");
    WebClient admin = login("sysadmin1");
    ex3 = newAccount(admin, "examiner-it3", "[\"EXAMINER\"]", "[]");
    // an examiner who is also an officer of section 11: he must recuse for its inmates
    exSection = newAccount(admin, "examiner-it4", "[\"EXAMINER\",\"OFFICER\"]", "[11]");
    // two inmates of section 11 that no other test uses (the highest numbers)
    String[] a =
        row(
            "SELECT i.prisoner_number, a.username FROM inmate i JOIN account a ON a.id = i.account_id"
                + " WHERE i.section_id = 11 ORDER BY i.id DESC LIMIT 1");
    p1 = a[0];
    p1Login = a[1];
    p2 =
        row(
            "SELECT prisoner_number FROM inmate WHERE section_id = 11 ORDER BY id DESC LIMIT 1 OFFSET 1")[
            0];
    // a short etude played by the synthesizer (no recorded music)
    var piece = Jianpu.parse("key: 1=D\ntempo: 96\n1 2 3 5 | 6 5 3 2 | 1 - - - |");
    wav =
        WavWriter.pcm16(
            TakeSynthesizer.play(
                    piece,
                    Tuning.STANDARD,
                    TakeSynthesizer.Playing.clean(22050, Tone.BOWED).withIntonation(8, 7))
                .audio());
  }

  private static WebClient newAccount(WebClient admin, String user, String roles, String sections) {
    HttpResponse<String> created =
        admin.postJson(
            "/api/v1/accounts",
            "{\"username\":\""
                + user
                + "\",\"displayName\":\"测试考官\",\"roles\":"
                + roles
                + ",\"sections\":"
                + sections
                + "}");
    assertTrue(created.statusCode() == 201, created.body());
    String initial = (String) object(created).get("initialPassword");
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, initial).statusCode());
    assertEquals(
        204,
        c.postJson(
                "/api/v1/session/password",
                "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"Kaoguan-2026-ok!\"}")
            .statusCode());
    return c;
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parseLenient(r.body());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return (List<Map<String, Object>>) CanonicalJson.parseLenient(r.body());
  }

  private static String[] row(String sql) throws Exception {
    try (var c = RunningPlatform.ownerConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      String[] out = new String[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = rs.getString(i + 1);
      }
      return out;
    }
  }

  /** Audit entries of this action whose leaf holds every fragment. */
  private static long audited(String action, String... fragments) throws Exception {
    StringBuilder sql =
        new StringBuilder(
            "SELECT COUNT(*) FROM audit_entry WHERE CONVERT(leaf_data USING utf8mb4) LIKE '%\"action\":\""
                + action
                + "\"%'");
    for (String f : fragments) {
      sql.append(" AND CONVERT(leaf_data USING utf8mb4) LIKE '%")
          .append(f.replace("'", "''"))
          .append("%'");
    }
    return count(sql.toString());
  }

  private static long count(String sql) throws Exception {
    return RunningPlatform.count(sql);
  }

  /** A refusal with its key and a message in both languages. */
  private static void refused(HttpResponse<String> r, int status, String key) {
    assertEquals(status, r.statusCode(), r.body());
    Map<String, Object> e = object(r);
    assertEquals(key, e.get("error"), r.body());
    assertFalse(String.valueOf(e.get("message_zh")).isBlank(), r.body());
    assertFalse(String.valueOf(e.get("message_en")).isBlank(), r.body());
    assertFalse(String.valueOf(e.get("message_zh")).equals(key), r.body());
  }

  private static HttpResponse<String> upload(WebClient c, long candidate, byte[] body) {
    return c.send(
        HttpRequest.newBuilder(
                URI.create(base + "/api/v1/music/exams/candidates/" + candidate + "/performance"))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static String marks(int intonation, int rest) {
    return "{\"marks\":{\"INTONATION\":"
        + intonation
        + ",\"RHYTHM\":"
        + rest
        + ",\"TECHNIQUE\":"
        + rest
        + ",\"EXPRESSION\":"
        + rest
        + ",\"COMPLETENESS\":"
        + rest
        + "}}";
  }

  @Test
  @Order(1)
  void registrationNeedsTheLevelBelowOrAPlacement() throws Exception {
    HttpResponse<String> s1 =
        board.postJson(
            "/api/v1/music/exams/sessions",
            "{\"date\":\"2026-11-20\",\"room\":\"教学楼三楼排练厅\",\"instrument\":\"ERHU\",\"level\":1}");
    assertEquals(201, s1.statusCode(), s1.body());
    level1 = ((Number) object(s1).get("id")).longValue();
    HttpResponse<String> s2 =
        board.postJson(
            "/api/v1/music/exams/sessions",
            "{\"date\":\"2026-12-18\",\"room\":\"教学楼三楼排练厅\",\"instrument\":\"ERHU\",\"level\":2}");
    assertEquals(201, s2.statusCode(), s2.body());
    level2 = ((Number) object(s2).get("id")).longValue();
    refused(
        board.postJson(
            "/api/v1/music/exams/sessions",
            "{\"date\":\"2026-12-18\",\"room\":\"一\",\"instrument\":\"BANJO\",\"level\":2}"),
        400,
        "music.exam.error.instrument");
    refused(
        board.postJson(
            "/api/v1/music/exams/registrations",
            "{\"session\":" + level2 + ",\"prisonerNumber\":\"" + p2 + "\"}"),
        409,
        "music.exam.error.notEligible");
    assertEquals(
        0, count("SELECT COUNT(*) FROM music_exam_candidate WHERE session_id = " + level2));
    assertEquals(
        403,
        ex1.postJson("/api/v1/music/exams/placements", "{}").statusCode(),
        "an examiner makes no placement");
    refused(
        board.postJson(
            "/api/v1/music/exams/placements",
            "{\"prisonerNumber\":\""
                + p2
                + "\",\"instrument\":\"ERHU\",\"level\":2,\"reason\":\" \"}"),
        400,
        "music.exam.error.reason");
    assertEquals(
        201,
        board
            .postJson(
                "/api/v1/music/exams/placements",
                "{\"prisonerNumber\":\""
                    + p2
                    + "\",\"instrument\":\"ERHU\",\"level\":2,\"reason\":\"入监前已在文工团演奏二胡八年，经试奏定为二级\"}")
            .statusCode());
    HttpResponse<String> r2 =
        board.postJson(
            "/api/v1/music/exams/registrations",
            "{\"session\":" + level2 + ",\"prisonerNumber\":\"" + p2 + "\"}");
    assertEquals(201, r2.statusCode(), r2.body());
    cand2 = ((Number) object(r2).get("id")).longValue();
    HttpResponse<String> r1 =
        board.postJson(
            "/api/v1/music/exams/registrations",
            "{\"session\":" + level1 + ",\"prisonerNumber\":\"" + p1 + "\"}");
    assertEquals(201, r1.statusCode(), r1.body());
    cand1 = ((Number) object(r1).get("id")).longValue();
    refused(
        board.postJson(
            "/api/v1/music/exams/registrations",
            "{\"session\":" + level1 + ",\"prisonerNumber\":\"" + p1 + "\"}"),
        409,
        "music.exam.error.alreadyRegistered");
    assertEquals("PLACEMENT", row("SELECT basis FROM music_exam_candidate WHERE id = " + cand2)[0]);
    assertEquals(
        "FIRST_LEVEL", row("SELECT basis FROM music_exam_candidate WHERE id = " + cand1)[0]);
  }

  @Test
  @Order(2)
  void recusalIsRefusedAndItsReasonRecorded() throws Exception {
    // an examiner who works in the candidate's section
    List<Map<String, Object>> options = list(board.get("/api/v1/music/exams/panel/" + cand1));
    Map<String, Object> it4 =
        options.stream()
            .filter(o -> "examiner-it4".equals(o.get("username")))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("SAME_SECTION"), it4.get("recusalReasons"));
    refused(
        board.postJson("/api/v1/music/exams/panel/" + cand1, "{\"examiner\":\"examiner-it4\"}"),
        409,
        "music.exam.error.recused");
    assertEquals(
        "SAME_SECTION",
        row(
            "SELECT reasons FROM music_recusal WHERE candidate_id = "
                + cand1
                + " AND examiner = 'examiner-it4'")[0]);
    assertEquals(0, count("SELECT COUNT(*) FROM music_panel_seat WHERE candidate_id = " + cand1));
    // an examiner who declares that he knows the candidate
    assertEquals(
        201,
        ex2.postJson("/api/v1/music/exams/conflicts/" + cand2, "{\"note\":\"考生是本人同乡旧识\"}")
            .statusCode());
    refused(
        board.postJson("/api/v1/music/exams/panel/" + cand2, "{\"examiner\":\"examiner2\"}"),
        409,
        "music.exam.error.recused");
    assertEquals(
        "DECLARED",
        row(
            "SELECT reasons FROM music_recusal WHERE candidate_id = "
                + cand2
                + " AND examiner = 'examiner2'")[0]);
    assertTrue(audited("music.exam.recusal", "\"examiner\":\"examiner-it4\"") >= 1);
    assertTrue(audited("music.exam.recusal", "\"examiner\":\"examiner2\"") >= 1);
    // the panel: two examiners, a third refused while they agree (nobody has marked yet)
    assertEquals(
        201,
        board
            .postJson("/api/v1/music/exams/panel/" + cand1, "{\"examiner\":\"examiner1\"}")
            .statusCode());
    assertEquals(
        201,
        board
            .postJson("/api/v1/music/exams/panel/" + cand1, "{\"examiner\":\"examiner2\"}")
            .statusCode());
    refused(
        board.postJson("/api/v1/music/exams/panel/" + cand1, "{\"examiner\":\"examiner-it3\"}"),
        409,
        "music.exam.error.panelFull");
    refused(
        board.postJson("/api/v1/music/exams/panel/" + cand1, "{\"examiner\":\"eduadmin1\"}"),
        400,
        "music.exam.error.notExaminer");
  }

  @Test
  @Order(3)
  void nothingIsGradedBeforeThePerformanceIsEvidence() throws Exception {
    refused(
        ex1.postJson("/api/v1/music/exams/marks/" + cand1, marks(10, 18)),
        409,
        "music.exam.error.noPerformance");
    // an examiner off the panel sees nothing of the candidate
    assertEquals(404, ex3.get("/api/v1/music/exams/candidates/" + cand1).statusCode());
    assertEquals(404, upload(ex3, cand1, wav).statusCode());
    assertTrue(list(ex3.get("/api/v1/music/exams/candidates")).isEmpty());
    // not audio: refused, nothing kept
    refused(
        upload(ex1, cand1, "这不是录音".getBytes(StandardCharsets.UTF_8)),
        400,
        "music.exam.error.audio");
    assertEquals(0, count("SELECT COUNT(*) FROM music_performance WHERE candidate_id = " + cand1));
    HttpResponse<String> up = upload(ex1, cand1, wav);
    assertEquals(201, up.statusCode(), up.body());
    String sha = (String) object(up).get("sha256");
    assertEquals(cn.xinsheng.audit.MerkleTree.sha256Hex(wav), sha, "content-addressed");
    refused(upload(board, cand1, wav), 409, "music.exam.error.performanceRecorded");
    assertEquals(
        1, audited("music.exam.performance.recorded", "\"candidate\":" + cand1 + ",", sha));
    assertEquals(
        200,
        ex2.download(
            "/api/v1/music/exams/candidates/" + cand1 + "/performance", WORK.resolve("p.wav")));
    assertEquals(
        sha, cn.xinsheng.audit.MerkleTree.sha256Hex(Files.readAllBytes(WORK.resolve("p.wav"))));
    // the same bytes are the candidate's exam take, analysed for the pitch and tempo charts
    Object take = object(ex1.get("/api/v1/music/exams/candidates/" + cand1)).get("performanceTake");
    assertNotNull(take, "the performance's take");
    performanceTake = ((Number) take).longValue();
    assertEquals(
        sha,
        row("SELECT sha256 FROM music_take WHERE purpose = 'EXAM' AND id = " + performanceTake)[0]);
    String api = "/api/v1/music/takes/" + performanceTake;
    long until = System.currentTimeMillis() + 120_000;
    String state = "";
    while (!"DONE".equals(state) && !"FAILED".equals(state)) {
      assertTrue(System.currentTimeMillis() < until, "the analysis did not finish: " + state);
      Thread.sleep(500);
      state = (String) object(ex1.get(api + "/job")).get("state");
    }
    assertEquals("DONE", state);
    // the examiners on the panel read it, charts and all; the candidate reads his own
    assertEquals(200, ex1.get(api + "/analysis").statusCode());
    assertEquals(200, ex2.get(api).statusCode());
    assertEquals(200, login(p1Login).get(api + "/analysis").statusCode());
    // an examiner off the panel (item 10): as if the take did not exist, on every way in
    for (String way : List.of("", "/job", "/analysis", "/audio", "/feedback")) {
      refused(ex3.get(api + way), 404, "music.error.noTake");
    }
    assertTrue(
        list(ex3.get("/api/v1/music/takes")).stream()
            .noneMatch(t -> ((Number) t.get("id")).longValue() == performanceTake));
    // nor does another inmate
    assertEquals(404, login("inmate1").get(api).statusCode());
  }

  @Test
  @Order(4)
  void marksAreIndependentAndADisagreementBringsAThirdExaminer() throws Exception {
    long waiting =
        ((Number) object(ex1.get("/api/v1/music/exams/queue")).get("toMark")).longValue();
    HttpResponse<String> m1 = ex1.postJson("/api/v1/music/exams/marks/" + cand1, marks(10, 18));
    assertEquals(201, m1.statusCode(), m1.body());
    refused(
        ex1.postJson("/api/v1/music/exams/marks/" + cand1, marks(12, 18)),
        409,
        "music.exam.error.alreadyMarked");
    // the first examiner sees his own marks only; the second sees none before he marks
    assertEquals(List.of("examiner1"), List.copyOf(marksOf(ex1).keySet()));
    assertTrue(marksOf(ex2).isEmpty());
    assertTrue(marksOf(board).isEmpty(), "nor does the board");
    refused(
        board.postJson("/api/v1/music/exams/publications/" + cand1, "{}"),
        409,
        "music.exam.error.marksMissing");
    refused(
        ex2.postJson("/api/v1/music/exams/marks/" + cand1, marks(15, 21)),
        400,
        "music.exam.error.markRange");
    HttpResponse<String> m2 = ex2.postJson("/api/v1/music/exams/marks/" + cand1, marks(15, 18));
    assertEquals(201, m2.statusCode(), m2.body());
    // both in: each sees both; intonation differs by 5 > 4, so a third examiner is needed
    assertEquals(List.of("examiner1", "examiner2"), List.copyOf(marksOf(ex1).keySet()));
    assertEquals(
        Boolean.TRUE, object(ex1.get("/api/v1/music/exams/marks/" + cand1)).get("thirdNeeded"));
    refused(
        board.postJson("/api/v1/music/exams/publications/" + cand1, "{}"),
        409,
        "music.exam.error.thirdMissing");
    assertEquals(
        201,
        board
            .postJson("/api/v1/music/exams/panel/" + cand1, "{\"examiner\":\"examiner-it3\"}")
            .statusCode());
    assertTrue(marksOf(ex3).isEmpty(), "the third sees nothing before he marks");
    // seated, he reads the performance's take and its charts
    assertEquals(200, ex3.get("/api/v1/music/takes/" + performanceTake + "/analysis").statusCode());
    assertEquals(
        201, ex3.postJson("/api/v1/music/exams/marks/" + cand1, marks(12, 17)).statusCode());
    assertEquals(3, marksOf(ex3).size());
    assertEquals(3, audited("music.exam.marked", "\"candidate\":" + cand1 + ","));
    Map<String, Object> queue = object(ex1.get("/api/v1/music/exams/queue"));
    assertEquals(waiting - 1, ((Number) queue.get("toMark")).longValue(), queue.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> marksOf(WebClient c) {
    HttpResponse<String> r = c.get("/api/v1/music/exams/marks/" + cand1);
    assertEquals(200, r.statusCode(), r.body());
    return (Map<String, Object>) object(r).get("marks");
  }

  @Test
  @Order(5)
  void theBoardPublishesAndAPassGetsACertificate() throws Exception {
    assertEquals(403, ex1.postJson("/api/v1/music/exams/publications/" + cand1, "{}").statusCode());
    HttpResponse<String> pub = board.postJson("/api/v1/music/exams/publications/" + cand1, "{}");
    assertEquals(201, pub.statusCode(), pub.body());
    Map<String, Object> result = object(pub);
    // the median of three per item: 12 + 4 × 18 = 84 → 良好
    assertEquals("GOOD", result.get("grade"));
    assertEquals("良好", result.get("gradeName"));
    assertEquals("84", result.get("total"));
    code = (String) result.get("certificateCode");
    assertNotNull(code);
    refused(
        board.postJson("/api/v1/music/exams/publications/" + cand1, "{}"),
        409,
        "music.exam.error.published");
    assertEquals(
        1,
        audited(
            "music.certificate.issued",
            "\"code\":\"" + code + "\"",
            row("SELECT sha256 FROM music_certificate WHERE code = '" + code + "'")[0]));
    assertEquals(1, audited("music.exam.published", "\"candidate\":" + cand1 + ","));
    // verified by its code, by staff and by an external reader (whose read is logged)
    Map<String, Object> v =
        object(login("officer1").get("/api/v1/music/certificates/verification/" + code));
    assertEquals(Boolean.TRUE, v.get("genuine"), v.toString());
    assertEquals("良好", v.get("gradeName"));
    long reads = count("SELECT COUNT(*) FROM read_event WHERE username = 'prosecutor1'");
    Map<String, Object> pv =
        object(login("prosecutor1").get("/api/v1/music/certificates/verification/" + code));
    assertEquals(Boolean.TRUE, pv.get("genuine"));
    assertTrue(count("SELECT COUNT(*) FROM read_event WHERE username = 'prosecutor1'") > reads);
    Map<String, Object> fake =
        object(login("judge1").get("/api/v1/music/certificates/verification/ABCD-EFGH-JKLM"));
    assertEquals(Boolean.FALSE, fake.get("genuine"));
    // the risk assessment reads the published pass (MusicGrades), and no pass for p2
    assertEquals("GRADED", musicFactor(p1));
    assertEquals("NOT_TAKING_PART", musicFactor(p2));
    // the pass opens the next level
    assertEquals(
        201,
        board
            .postJson(
                "/api/v1/music/exams/registrations",
                "{\"session\":" + level2 + ",\"prisonerNumber\":\"" + p1 + "\"}")
            .statusCode());
  }

  /** The risk form's platform value of the music factor, as section 11's officer sees it. */
  @SuppressWarnings("unchecked")
  private static String musicFactor(String prisonerNumber) {
    HttpResponse<String> form =
        exSection.get("/api/v1/readiness/risk/inmates/" + prisonerNumber + "/form");
    assertEquals(200, form.statusCode(), form.body());
    return ((List<Map<String, Object>>) object(form).get("factors"))
        .stream()
            .filter(f -> "MUSIC_PROGRAMME".equals(f.get("code")))
            .map(f -> (String) f.get("platformValue"))
            .findFirst()
            .orElseThrow();
  }

  @Test
  @Order(6)
  void theExportedCertificateVerifiesOfflineAndAChangedCopyFails() throws Exception {
    Path zip = WORK.resolve("certificate.zip");
    assertEquals(200, board.download("/api/v1/music/certificates/export/" + code, zip));
    Path key = WORK.resolve("prison-key.txt");
    Files.writeString(key, login("sysadmin1").get("/api/v1/audit/key").body());
    LauncherProcess.Result ok =
        LauncherProcess.run("verify", zip.toString(), "--key", key.toString());
    assertEquals(0, ok.code(), ok.output());
    Map<String, byte[]> entries = ExportDrill.unzip(zip);
    String pdfName = "case/certificate-" + code + ".pdf";
    byte[] pdf = entries.get(pdfName);
    assertNotNull(pdf, entries.keySet().toString());
    assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    // one byte changed in the certificate: the verifier names the file
    byte[] changed = pdf.clone();
    changed[changed.length / 2] ^= 0x01;
    entries.put(pdfName, changed);
    Path bad = ExportDrill.zip(WORK.resolve("certificate-changed.zip"), entries);
    LauncherProcess.Result fails =
        LauncherProcess.run("verify", bad.toString(), "--key", key.toString());
    assertEquals(1, fails.code(), fails.output());
    assertTrue(fails.output().contains(pdfName), fails.output());
    // the inmate downloads his own certificate; another inmate cannot
    WebClient me = login(p1Login);
    assertEquals(
        200, me.download("/api/v1/music/certificates/pdf/" + code, WORK.resolve("mine.pdf")));
    assertEquals(404, login("inmate1").get("/api/v1/music/certificates/pdf/" + code).statusCode());
  }

  @Test
  @Order(7)
  void aPassIsProposedToTheLedgerAndReviewedByASecondOfficer() throws Exception {
    WebClient officer = login("officer1");
    List<Map<String, Object>> passes = list(officer.get("/api/v1/music/exams/achievements"));
    Map<String, Object> pass =
        passes.stream()
            .filter(a -> ((Number) a.get("candidateId")).longValue() == cand1)
            .findFirst()
            .orElseThrow(() -> new AssertionError(passes.toString()));
    assertEquals("JY-04", pass.get("clause"));
    assertEquals(
        404,
        login("officer2")
            .postJson("/api/v1/music/exams/achievements/" + cand1, "{\"amount\":\"3\"}")
            .statusCode(),
        "another section's officer");
    HttpResponse<String> confirmed =
        officer.postJson("/api/v1/music/exams/achievements/" + cand1, "{\"amount\":\"3\"}");
    assertEquals(201, confirmed.statusCode(), confirmed.body());
    long entry = ((Number) object(confirmed).get("entry")).longValue();
    refused(
        officer.postJson("/api/v1/music/exams/achievements/" + cand1, "{\"amount\":\"3\"}"),
        409,
        "music.exam.error.noAchievement");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM point_entry e JOIN rule_clause c ON c.id = e.clause_id WHERE e.id = "
                + entry
                + " AND c.code = 'JY-04' AND c.part = 'EDUCATION'"));
    // the certificate is the entry's evidence, and the entry waits for another officer's review
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM point_entry_evidence pe JOIN evidence ev ON ev.id = pe.evidence_id"
                + " WHERE pe.entry_id = "
                + entry
                + " AND ev.sha256 = (SELECT sha256 FROM music_certificate WHERE code = '"
                + code
                + "')"));
    assertEquals(0, count("SELECT COUNT(*) FROM entry_review WHERE entry_id = " + entry));
    assertEquals(
        200,
        login("reviewer1")
            .postJson("/api/v1/ledger/reviews/" + entry, "{\"decision\":\"APPROVED\"}")
            .statusCode());
  }

  @Test
  @Order(8)
  void eachReaderSeesOnlyTheResultsHeMay() throws Exception {
    List<Map<String, Object>> mine = list(login(p1Login).get("/api/v1/music/exams/results/mine"));
    assertEquals(1, mine.size(), mine.toString());
    assertEquals("良好", mine.get(0).get("gradeName"));
    assertTrue(
        list(login("inmate1").get("/api/v1/music/exams/results/mine")).stream()
            .noneMatch(r -> p1.equals(r.get("prisonerNumber"))));
    assertTrue(
        list(board.get("/api/v1/music/exams/results")).stream()
            .anyMatch(r -> p1.equals(r.get("prisonerNumber"))));
    // examiners see only their candidates: examiner2 is on cand1's panel, not on cand2's
    List<Long> seen = new ArrayList<>();
    list(ex2.get("/api/v1/music/exams/candidates"))
        .forEach(c -> seen.add(((Number) c.get("id")).longValue()));
    assertTrue(seen.contains(cand1) && !seen.contains(cand2), seen.toString());
    assertEquals(404, ex2.get("/api/v1/music/exams/marks/" + cand2).statusCode());
    assertEquals(403, login("inmate1").get("/api/v1/music/exams/results").statusCode());
    assertEquals(403, login("officer1").get("/api/v1/music/exams/candidates").statusCode());
    assertEquals(200, login("lawyer1").get("/api/v1/music/exams/results").statusCode());
    assertEquals(200, login("teacher1").get("/api/v1/music/exams/results").statusCode());
    // statistics, and their spreadsheet
    List<Map<String, Object>> stats = list(board.get("/api/v1/music/exams/statistics"));
    assertTrue(
        stats.stream()
            .anyMatch(
                s ->
                    "ERHU".equals(s.get("instrument"))
                        && ((Number) s.get("level")).intValue() == 1
                        && ((Number) s.get("passes")).intValue() >= 1),
        stats.toString());
    Path xlsx = WORK.resolve("stats.xlsx");
    assertEquals(200, board.download("/api/v1/music/exams/statistics.xlsx", xlsx));
    byte[] head = Files.readAllBytes(xlsx);
    assertTrue(head.length > 100 && head[0] == 'P' && head[1] == 'K', "an XLSX (zip)");
  }
}
