package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.AccessMatrix;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole product over HTTP, as {@code bin/xinsheng start-dev} starts it: health, every demo
 * login, the lockout, the officer's section scoping, CSRF, and the complete access matrix, role by
 * role and entry by entry. Ends by stopping the platform as Ctrl-C would.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class StartDevSystemIT {

  private static final String PASSWORD = "demo123!";
  private static String base;
  private static final Map<Role, WebClient> sessions = new EnumMap<>(Role.class);

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    for (Role role : Role.values()) {
      WebClient client = new WebClient(base);
      HttpResponse<String> r = client.login(role.demoUsername(), PASSWORD);
      assertEquals(200, r.statusCode(), role + ": " + r.body());
      sessions.put(role, client);
    }
  }

  @Test
  void healthIsUpWithTheDatabaseCheck() {
    HttpResponse<String> ready = new WebClient(base).get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
    assertTrue(ready.body().contains("database"), ready.body());
    assertTrue(ready.body().contains("audit-log"), ready.body());
    assertEquals(200, new WebClient(base).get("/health/live").statusCode());
    assertTrue(new WebClient(base).get("/openapi").body().contains("/api/v1/session"));
  }

  @Test
  void startDevPrintsTheUrlAndEveryDemoLogin() {
    String out = RunningPlatform.startOutput();
    assertTrue(out.contains("http://localhost:" + RunningPlatform.HTTP_PORT + "/"), out);
    for (Role role : Role.values()) {
      assertTrue(out.contains(role.demoUsername()), role.demoUsername());
    }
  }

  @Test
  void everyDemoRoleReachesItsHomePage() {
    for (Role role : Role.values()) {
      WebClient client = sessions.get(role);
      HttpResponse<String> root = client.get("/");
      assertEquals(302, root.statusCode(), role + " /");
      String home = "/" + role.homeFolder() + "/home.xhtml";
      assertTrue(root.headers().firstValue("Location").orElse("").endsWith(home), role + " lands");
      HttpResponse<String> page = client.get(home);
      assertEquals(200, page.statusCode(), role + " " + home);
      assertTrue(page.body().contains("lang=\"zh-CN\""), role + " page in Chinese");
    }
  }

  @Test
  void theSessionAnswerCarriesIdAndRoles() {
    WebClient client = new WebClient(base);
    HttpResponse<String> r = client.login("officer1", PASSWORD);
    assertTrue(r.body().contains("\"roles\":[\"OFFICER\"]"), r.body());
    assertTrue(r.body().matches(".*\"id\":\\d+.*"), r.body());
    assertTrue(
        r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")));
    assertTrue(client.get("/api/v1/session").body().contains("\"username\":\"officer1\""));
    assertEquals(204, client.delete("/api/v1/session").statusCode());
    assertEquals(401, client.get("/api/v1/inmates").statusCode());
    assertTrue(client.get("/api/v1/session").body().contains("\"authenticated\":false"));
  }

  @Test
  void aWrongPasswordIsRefusedInBothLanguages() {
    HttpResponse<String> r = new WebClient(base).login("officer2", "wrong-password");
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("用户名或密码不正确"), r.body());
    assertTrue(r.body().contains("Wrong username or password"), r.body());
    assertEquals(401, new WebClient(base).login("nosuchuser", "x").statusCode());
    assertEquals(400, new WebClient(base).postJson("/api/v1/session", "{}").statusCode());
  }

  @Test
  void fiveWrongPasswordsLockTheAccount() {
    // an account no other test uses: a locked teacher2 failed LmsSystemIT when this class ran first
    String login = "inmate300";
    WebClient client = new WebClient(base);
    for (int i = 1; i <= 4; i++) {
      HttpResponse<String> r = client.login(login, "wrong" + i);
      assertTrue(r.body().contains("INVALID_CREDENTIALS"), i + ": " + r.body());
    }
    assertTrue(client.login(login, "wrong5").body().contains("login.error.LOCKED"));
    // now even the right password is refused
    HttpResponse<String> locked = client.login(login, PASSWORD);
    assertEquals(401, locked.statusCode());
    assertTrue(locked.body().contains("login.error.LOCKED"), locked.body());
  }

  @Test
  void anOfficerSeesOnlyTheInmatesOfHisSections() {
    WebClient officer = sessions.get(Role.OFFICER);
    String list = officer.get("/api/v1/inmates").body();
    // officer1 holds sections 11 and 12: 50 inmates each in the demo prison
    assertEquals(100, list.split("\"prisonerNumber\"").length - 1);
    assertFalse(list.contains("\"sectionId\":21"), "no inmate of another section");
    assertEquals(200, officer.get("/api/v1/inmates/3301000001").statusCode());
    // inmate 3 lives in section 21, not officer1's
    assertEquals(404, officer.get("/api/v1/inmates/3301000003").statusCode());
    assertEquals(200, sessions.get(Role.REVIEWER).get("/api/v1/inmates/3301000003").statusCode());
  }

  @Test
  void aNewAccountMustChangeItsInitialPasswordFirst() {
    WebClient admin = sessions.get(Role.SYS_ADMIN);
    String create =
        "{\"username\":\"newofficer\",\"displayName\":\"新民警\",\"roles\":[\"OFFICER\"],"
            + "\"sections\":[11]}";
    HttpResponse<String> created = admin.postJson("/api/v1/accounts", create);
    assertEquals(201, created.statusCode(), created.body());
    String initial = created.body().replaceAll(".*\"initialPassword\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> again = admin.postJson("/api/v1/accounts", create);
    assertEquals(400, again.statusCode());
    assertTrue(again.body().contains("admin.error.taken"), again.body());
    assertEquals(
        400,
        admin
            .postJson(
                "/api/v1/accounts",
                "{\"username\":\"x\",\"displayName\":\"X\",\"roles\":[\"OFFICER\"]}")
            .statusCode());

    WebClient user = new WebClient(base);
    HttpResponse<String> login = user.login("newofficer", initial);
    assertEquals(200, login.statusCode(), login.body());
    assertTrue(login.body().contains("\"mustChangePassword\":true"));
    HttpResponse<String> page = user.get("/officer/home.xhtml");
    assertEquals(302, page.statusCode());
    assertTrue(
        page.headers().firstValue("Location").orElse("").endsWith("/account/password.xhtml"));
    HttpResponse<String> api = user.get("/api/v1/inmates");
    assertEquals(403, api.statusCode());
    assertTrue(api.body().contains("error.passwordChangeRequired"));

    // the initial password may hold '%', so no format strings here
    String change = "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"";
    HttpResponse<String> weak = user.postJson("/api/v1/session/password", change + "abc\"}");
    assertEquals(400, weak.statusCode());
    assertTrue(weak.body().contains("password.rule.length"), weak.body());
    assertTrue(weak.body().contains("新密码太短"), weak.body());
    HttpResponse<String> wrongCurrent =
        user.postJson(
            "/api/v1/session/password",
            "{\"currentPassword\":\"nope\",\"newPassword\":\"Str0ng!pass\"}");
    assertTrue(wrongCurrent.body().contains("password.rule.current"), wrongCurrent.body());
    assertEquals(
        204, user.postJson("/api/v1/session/password", change + "Str0ng!pass\"}").statusCode());
    String mine = user.get("/api/v1/inmates").body();
    assertEquals(50, mine.split("\"prisonerNumber\"").length - 1, "section 11 only");

    assertEquals(401, new WebClient(base).login("newofficer", initial).statusCode());
    HttpResponse<String> relogin = new WebClient(base).login("newofficer", "Str0ng!pass");
    assertTrue(relogin.body().contains("\"mustChangePassword\":false"), relogin.body());
  }

  @Test
  void everyReadByAnExternalReaderIsRecorded() throws Exception {
    WebClient judge = new WebClient(base);
    judge.login("judge1", PASSWORD);
    String marker = "/judge/home.xhtml";
    assertEquals(200, judge.get(marker).statusCode());
    assertEquals(403, judge.get("/officer/home.xhtml").statusCode());
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/xinsheng",
                "xinsheng_app",
                RunningPlatform.applicationDbPassword());
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM read_event WHERE username = 'judge1' AND path = ?")) {
      ps.setString(1, marker);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertTrue(rs.getLong(1) >= 1, "the judge's read of his home page is recorded");
      }
      // and the application's own account cannot erase it
      java.sql.SQLException denied =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class,
              () -> c.createStatement().executeUpdate("DELETE FROM read_event"));
      assertEquals(1142, denied.getErrorCode());
    }
  }

  /** What a procuratorate's witness does: fetch, verify signature, inclusion and consistency. */
  @Test
  void theAuditLogIsSignedAndProvable() throws Exception {
    WebClient prosecutor = sessions.get(Role.PROSECUTOR);
    cn.xinsheng.audit.NoteKey prisonKey =
        cn.xinsheng.audit.NoteKey.parseVerifierKey(prosecutor.get("/api/v1/audit/key").body());
    cn.xinsheng.audit.SignedCheckpoint first = awaitCheckpoint(prosecutor, 2);
    assertTrue(first.isSignedBy(prisonKey), first.format());
    long size = first.checkpoint().size();

    HttpResponse<String> leaves =
        prosecutor.get("/api/v1/audit/leaves?start=0&end=" + Math.min(size, 20));
    assertEquals(200, leaves.statusCode());
    // issue 14: the prosecutor gets every leaf's hash, the content only of what he may read; the
    // log's own first leaves are the administrator's to read
    java.util.regex.Matcher h =
        java.util.regex.Pattern.compile("\"index\":0,\"hash\":\"([0-9a-f]{64})\"")
            .matcher(leaves.body());
    assertTrue(h.find(), leaves.body());
    HttpResponse<String> adminLeaves =
        sessions.get(Role.SYS_ADMIN).get("/api/v1/audit/leaves?start=0&end=1");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"hash\":\"([0-9a-f]{64})\",\"data\":\"([^\"]+)\"")
            .matcher(adminLeaves.body());
    assertTrue(m.find(), adminLeaves.body());
    assertEquals(h.group(1), m.group(1));
    byte[] data = java.util.Base64.getDecoder().decode(m.group(2));
    byte[] leaf0 = cn.xinsheng.audit.MerkleTree.leafHash(data);
    assertEquals(m.group(1), cn.xinsheng.audit.MerkleTree.hex(leaf0), "leaf hash is over its data");
    assertTrue(new String(data, java.nio.charset.StandardCharsets.UTF_8).contains("\"action\":"));

    String inclusion = prosecutor.get("/api/v1/audit/proof/inclusion?index=0&size=" + size).body();
    assertTrue(
        cn.xinsheng.audit.MerkleTree.verifyInclusion(
            0, size, leaf0, hexList(inclusion), first.checkpoint().rootHash()),
        inclusion);

    // more events (a login is audited), then a later checkpoint that extends the first
    new WebClient(base).login("committee2", PASSWORD);
    cn.xinsheng.audit.SignedCheckpoint later = awaitCheckpoint(prosecutor, size + 1);
    String consistency =
        prosecutor
            .get(
                "/api/v1/audit/proof/consistency?from=" + size + "&to=" + later.checkpoint().size())
            .body();
    assertTrue(
        cn.xinsheng.audit.MerkleTree.verifyConsistency(
            size,
            later.checkpoint().size(),
            hexList(consistency),
            first.checkpoint().rootHash(),
            later.checkpoint().rootHash()),
        consistency);

    assertEquals(403, sessions.get(Role.INMATE).get("/api/v1/audit/checkpoint").statusCode());
    assertEquals(
        400, prosecutor.get("/api/v1/audit/proof/inclusion?index=0&size=999999999").statusCode());
  }

  private static cn.xinsheng.audit.SignedCheckpoint awaitCheckpoint(WebClient client, long minSize)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> r = client.get("/api/v1/audit/checkpoint");
      if (r.statusCode() == 200) {
        cn.xinsheng.audit.SignedCheckpoint c = cn.xinsheng.audit.SignedCheckpoint.parse(r.body());
        if (c.checkpoint().size() >= minSize) {
          return c;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no signed checkpoint of size " + minSize + " within 15 s");
  }

  private static java.util.List<byte[]> hexList(String json) {
    java.util.List<byte[]> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([0-9a-f]{64})\"").matcher(json);
    while (m.find()) {
      out.add(cn.xinsheng.audit.MerkleTree.unhex(m.group(1)));
    }
    return out;
  }

  @Test
  void anInmateGetsNoOfficerPage() {
    WebClient inmate = sessions.get(Role.INMATE);
    assertEquals(403, inmate.get("/officer/home.xhtml").statusCode());
    assertEquals(403, inmate.get("/api/v1/inmates").statusCode());
    assertEquals(403, inmate.get("/admin/accounts.xhtml").statusCode());
    String home = inmate.get("/inmate/home.xhtml").body();
    assertTrue(home.contains("3301000001"), "his own record");
    assertFalse(home.contains("3301000007"), "nobody else's");
  }

  @Test
  void protectedEndpointsRefuseAnonymousRequests() {
    WebClient anonymous = new WebClient(base);
    assertEquals(401, anonymous.get("/api/v1/inmates").statusCode());
    HttpResponse<String> page = anonymous.get("/officer/home.xhtml");
    assertEquals(302, page.statusCode());
    assertTrue(page.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
    assertTrue(anonymous.get("/login.xhtml").body().contains("登录"));
  }

  @Test
  void aCrossSitePostIsRefused() {
    WebClient client = new WebClient(base);
    HttpResponse<String> r =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .header("Origin", "http://evil.example")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"officer1\",\"password\":\"demo123!\"}")));
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("error.crossSite"));
  }

  @Test
  void responsesLoadNothingFromOutside() {
    HttpResponse<String> login = new WebClient(base).get("/login.xhtml");
    assertTrue(
        login
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'self'"));
    assertFalse(login.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resource");
  }

  /** Every role against every entry of the matrix, plus anonymous: allowed or refused. */
  @Test
  void theFullAccessMatrixHolds() {
    AccessMatrix matrix = AccessMatrix.load();
    List<String> failures = new ArrayList<>();
    for (AccessMatrix.Entry entry : matrix.entries()) {
      if (entry.pattern().equals("/logout")) {
        continue; // probed below with throw-away sessions
      }
      for (Role role : Role.values()) {
        boolean expected = entry.admits(true, Set.of(role.name()));
        check(failures, role.name(), entry, probe(sessions.get(role), entry), expected);
      }
      check(failures, "anonymous", entry, probe(new WebClient(base), entry), entry.isPublic());
    }
    for (Role role : Role.values()) {
      WebClient throwAway = new WebClient(base);
      throwAway.login(role.demoUsername(), PASSWORD);
      HttpResponse<String> out = throwAway.get("/logout");
      assertEquals(302, out.statusCode());
      assertTrue(out.headers().firstValue("Location").orElse("").contains("bye=true"));
      assertEquals(401, throwAway.get("/api/v1/inmates").statusCode(), role + " logged out");
    }
    assertEquals(List.of(), failures);
  }

  /** GET where the entry allows it; otherwise an empty JSON POST, which the filter judges alike. */
  private static HttpResponse<String> probe(WebClient client, AccessMatrix.Entry entry) {
    return AccessMatrix.probeMethod(entry).equals("GET")
        ? client.get(entry.probe())
        : client.postJson(entry.probe(), "{}");
  }

  private static void check(
      List<String> failures,
      String who,
      AccessMatrix.Entry entry,
      HttpResponse<String> r,
      boolean allowed) {
    int status = r.statusCode();
    boolean toLogin =
        status == 302 && r.headers().firstValue("Location").orElse("").contains("/login.xhtml");
    boolean refused = status == 401 || status == 403 || toLogin;
    if (allowed == refused) {
      failures.add(
          who
              + " "
              + entry.probe()
              + " -> "
              + status
              + (allowed ? " (should be allowed)" : " (should be refused)"));
    }
  }
}
