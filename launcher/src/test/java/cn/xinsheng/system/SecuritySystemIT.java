package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the outside probe of issue 14 got through, run again the way it was found, from outside
 * against the running platform. Uses inmates 201 to 220 and names no other test uses.
 */
class SecuritySystemIT {

  static final String PASSWORD = "demo123!";
  private static String base;
  private static WebClient admin;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    admin = loggedIn("sysadmin1");
    openThisTerminal();
  }

  @AfterAll
  static void openTheTerminalForTheTestsAfter() {
    openThisTerminal();
  }

  /** The tests all come from this machine: its count as a source is theirs to reset. */
  static void openThisTerminal() {
    for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
      HttpResponse<String> r =
          admin.postJson("/api/v1/accounts/sources/unlock", "{\"address\":\"" + address + "\"}");
      assertEquals(204, r.statusCode(), r.body());
    }
  }

  static WebClient loggedIn(String user) {
    WebClient c = new WebClient(base);
    HttpResponse<String> r = c.login(user, PASSWORD);
    assertEquals(200, r.statusCode(), user + ": " + r.body());
    return c;
  }

  static String outcome(HttpResponse<String> login) {
    if (login.statusCode() == 200) {
      return "SUCCESS";
    }
    for (String o : List.of("INVALID_CREDENTIALS", "LOCKED", "DISABLED")) {
      if (login.body().contains("login.error." + o)) {
        return o;
      }
    }
    return login.statusCode() + " " + login.body();
  }

  /** Runs the calls all at once (released together) and answers their results in order. */
  static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.apply(k);
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(360, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A login for the bursts: its own client and a long time-out, since every answer, a refusal of a
   * locked name included, costs a password hash, and a hundred of them queue on a busy machine.
   */
  static String burstLogin(String user, String password) {
    try {
      java.net.http.HttpClient http =
          java.net.http.HttpClient.newBuilder()
              .version(java.net.http.HttpClient.Version.HTTP_1_1)
              .connectTimeout(java.time.Duration.ofSeconds(30))
              .build();
      return outcome(
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/session"))
                  .timeout(java.time.Duration.ofSeconds(300))
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Integer> tally(List<String> outcomes) {
    Map<String, Integer> t = new TreeMap<>();
    outcomes.forEach(o -> t.merge(o, 1, Integer::sum));
    return t;
  }

  static long accountId(String username) {
    String list = admin.get("/api/v1/accounts").body();
    int at = list.indexOf("\"username\":\"" + username + "\"");
    int id = list.lastIndexOf("\"id\":", at);
    return Long.parseLong(list.substring(id + 5, list.indexOf(',', id)).strip());
  }

  // finding 1 -------------------------------------------------------------------------------

  @Test
  void aHundredParallelGuessesAreAllCountedAndTheLockHoldsFromTheFifth() throws Exception {
    List<String> outcomes = inParallel(100, i -> burstLogin("inmate201", "guess-" + i));
    Map<String, Integer> t = tally(outcomes);
    // five passwords looked at: four wrong answers, the fifth locks; the other 95 are refused
    assertEquals(Map.of("INVALID_CREDENTIALS", 4, "LOCKED", 96), t, outcomes.toString());
    assertEquals("LOCKED", outcome(new WebClient(base).login("inmate201", PASSWORD)));
    // the account row is no longer written by a login: nothing to collide on
    String log = Files.readString(RunningPlatform.DATA_DIR.resolve("launcher.log"));
    assertFalse(log.contains("OptimisticLockException"), "an optimistic lock collided");
    // the administrator opens it
    assertEquals(
        204,
        admin
            .postJson("/api/v1/accounts/" + accountId("inmate201") + "/unlock", "{}")
            .statusCode());
    assertEquals("SUCCESS", outcome(new WebClient(base).login("inmate201", PASSWORD)));
  }

  @Test
  void tenParallelLoginsWithTheRightPasswordAllSucceed() throws Exception {
    List<String> outcomes = inParallel(10, i -> burstLogin("inmate202", PASSWORD));
    assertEquals(Map.of("SUCCESS", 10), tally(outcomes), outcomes.toString());
  }

  @Test
  void rightPasswordsAmongParallelGuessesAreNotLostAndTheCountStaysExact() throws Exception {
    // 3 right and 3 wrong at once: the right ones succeed, and a success forgets the failures, so
    // four more wrong ones in a row are still needed for the lock
    List<String> outcomes =
        inParallel(6, i -> burstLogin("inmate203", i % 2 == 0 ? PASSWORD : "no" + i));
    assertEquals(3, tally(outcomes).getOrDefault("SUCCESS", 0), outcomes.toString());
  }

  // finding 2 -------------------------------------------------------------------------------

  @Test
  void anUnknownNameAnswersLikeAKnownOneInWordAndTime() {
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<Long> knownMillis = new ArrayList<>();
    List<Long> unknownMillis = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String guess = "wrong" + i;
      known.add(timed(knownMillis, () -> new WebClient(base).login("inmate204", guess)));
      unknown.add(timed(unknownMillis, () -> new WebClient(base).login("nosuch14x", guess)));
    }
    List<String> expected =
        List.of(
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "LOCKED",
            "LOCKED",
            "LOCKED");
    assertEquals(expected, known);
    assertEquals(expected, unknown);
    // a locked name costs a password hash like any other answer: no quick "locked" to tell by
    long lockedKnown = median(knownMillis.subList(5, 7));
    long openUnknown = median(unknownMillis.subList(0, 4));
    assertTrue(
        lockedKnown * 3 >= openUnknown,
        "locked " + knownMillis + " against unknown " + unknownMillis);
    System.out.println(
        "[issue 14] login times ms, known " + knownMillis + " unknown " + unknownMillis);
  }

  private static String timed(List<Long> millis, Supplier<HttpResponse<String>> call) {
    long t0 = System.nanoTime();
    HttpResponse<String> r = call.get();
    millis.add((System.nanoTime() - t0) / 1_000_000);
    return outcome(r);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  @Test
  void aBrowserThatLoggedInBeforeStillGetsInWhileStrangersHaveShutTheName() {
    WebClient own = new WebClient(base);
    HttpResponse<String> first = own.login("inmate205", PASSWORD);
    assertEquals(200, first.statusCode());
    String cookie = String.join("\n", first.headers().allValues("Set-Cookie"));
    assertTrue(cookie.contains("XS_BROWSER="), cookie);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    own.delete("/api/v1/session");
    WebClient stranger = new WebClient(base);
    for (int i = 0; i < 5; i++) {
      stranger.login("inmate205", "guess" + i);
    }
    assertEquals("LOCKED", outcome(stranger.login("inmate205", PASSWORD)));
    // the owner's browser has a count of its own
    assertEquals("SUCCESS", outcome(own.login("inmate205", PASSWORD)));
    // and guesses from it lock it too, and the administrator's unlock opens both
    own.delete("/api/v1/session");
    for (int i = 0; i < 5; i++) {
      own.login("inmate205", "mine" + i);
    }
    assertEquals("LOCKED", outcome(own.login("inmate205", PASSWORD)));
    admin.postJson("/api/v1/accounts/" + accountId("inmate205") + "/unlock", "{}");
    assertEquals("SUCCESS", outcome(own.login("inmate205", PASSWORD)));
    assertEquals("SUCCESS", outcome(new WebClient(base).login("inmate205", PASSWORD)));
  }

  @Test
  void oneTerminalGuessingAcrossManyNamesIsShutAndTheAdministratorOpensIt() {
    openThisTerminal();
    // thirty wrong passwords, each on another name: no name reaches its own limit
    for (int i = 0; i < 30; i++) {
      assertEquals(
          "INVALID_CREDENTIALS", outcome(new WebClient(base).login("spray" + i, "x" + i)), "" + i);
    }
    // now this terminal is shut, even for a right password on a good account
    assertEquals("LOCKED", outcome(new WebClient(base).login("inmate206", PASSWORD)));
    openThisTerminal();
    assertEquals("SUCCESS", outcome(new WebClient(base).login("inmate206", PASSWORD)));
  }

  // finding 5 -------------------------------------------------------------------------------

  /** Pages and endpoints to reach the wrong way, and the ways: every form the probe used. */
  @Test
  void noPathTrickReachesAPageAndEachIsRefusedOutrightForEveryRole() throws Exception {
    List<String> targets =
        List.of(
            "/admin/audit.xhtml",
            "/admin/accounts.xhtml",
            "/prosecutor/home.xhtml",
            "/inmate/home.xhtml",
            "/api/v1/accounts");
    List<String> paths = new ArrayList<>();
    for (String t : targets) {
      String rest = t.substring(1);
      paths.add("/inmate/home.xhtml;/../../" + rest);
      paths.add("/prosecutor/home.xhtml;/../../" + rest);
      paths.add("/inmate/../" + rest);
      paths.add("/inmate/./../" + rest);
      paths.add("/inmate/%2e%2e/" + rest);
      paths.add("/inmate/%2E%2E/" + rest);
      paths.add("/inmate/.%2e/" + rest);
      paths.add("/inmate/..%2f" + rest);
      paths.add("/inmate/..%2F" + rest);
      paths.add("/inmate/%2e%2e%2f" + rest);
      paths.add("/inmate/..%5c" + rest);
      paths.add("/inmate/%252e%252e/" + rest);
      paths.add(t + ";x=1");
      paths.add(t.replace("/", "//"));
    }
    long readsBefore = RunningPlatform.count("SELECT COUNT(*) FROM read_event");
    List<String> wrong = new ArrayList<>();
    Map<String, WebClient> callers = new TreeMap<>();
    callers.put("anonymous", new WebClient(base));
    for (cn.xinsheng.identity.domain.Role role : cn.xinsheng.identity.domain.Role.values()) {
      callers.put(role.name(), loggedIn(role.demoUsername()));
    }
    int requests = 0;
    for (Map.Entry<String, WebClient> caller : callers.entrySet()) {
      for (String p : paths) {
        HttpResponse<String> r = caller.getValue().get(p);
        requests++;
        if (r.statusCode() != 400) {
          wrong.add(caller.getKey() + " " + p + " -> " + r.statusCode());
        } else if (p.startsWith("/api/") || r.body().startsWith("{")) {
          assertTrue(r.body().contains("error.pathRefused"), r.body());
        }
      }
    }
    long readsAfterSweep = RunningPlatform.count("SELECT COUNT(*) FROM read_event");
    // two forms the container answers before the application sees them: "..;" it redirects
    // (301, and the browser's next request is judged as any other), and a session id in the
    // path it strips (this platform tracks sessions by cookie only), so the page answers as
    // without it. Neither ever serves a page the role may not see.
    for (Map.Entry<String, WebClient> caller : callers.entrySet()) {
      for (String t : targets) {
        HttpResponse<String> dots = caller.getValue().get("/inmate/..;" + t);
        requests++;
        if (dots.statusCode() != 400 && dots.statusCode() != 301) {
          wrong.add(caller.getKey() + " /inmate/..;" + t + " -> " + dots.statusCode());
        }
        int plain = caller.getValue().get(t).statusCode();
        int withId = caller.getValue().get(t + ";jsessionid=0123456789").statusCode();
        requests++;
        if (withId != plain && withId != 400) {
          wrong.add(caller.getKey() + " " + t + ";jsessionid -> " + withId + ", plain " + plain);
        }
      }
    }
    assertEquals(List.of(), wrong, "of " + requests + " requests");
    // nothing was served, so nothing was read: the read log holds no entry for these requests
    assertEquals(readsBefore, readsAfterSweep);
    // the pages themselves still answer as the matrix says
    assertEquals(200, callers.get("INMATE").get("/inmate/home.xhtml").statusCode());
    assertEquals(403, callers.get("PROSECUTOR").get("/admin/audit.xhtml").statusCode());
    assertEquals(200, callers.get("SYS_ADMIN").get("/admin/audit.xhtml").statusCode());
  }

  @Test
  void theReadLogRecordsThePageServed() throws Exception {
    WebClient prosecutor = loggedIn("prosecutor1");
    String served =
        "SELECT COUNT(*) FROM read_event WHERE username = 'prosecutor1'"
            + " AND path = '/prosecutor/home.xhtml'";
    long before = RunningPlatform.count(served);
    assertEquals(200, prosecutor.get("/prosecutor/home.xhtml").statusCode());
    assertEquals(before + 1, RunningPlatform.count(served));
  }

  // finding 6 -------------------------------------------------------------------------------

  private static final java.util.regex.Pattern LEAF =
      java.util.regex.Pattern.compile(
          "\\{\"index\":(\\d+),\"hash\":\"([0-9a-f]{64})\"(?:,\"data\":\"([^\"]*)\")?,"
              + "\"withheld\":(true|false)\\}");
  private static final java.util.regex.Pattern NAMED_CASE =
      java.util.regex.Pattern.compile("\"case\":(\\d+)");
  private static final java.util.regex.Pattern NAMED_INMATE =
      java.util.regex.Pattern.compile("\"inmate\":\"([^\"]+)\"");
  private static final java.util.regex.Pattern CASE_ROW =
      java.util.regex.Pattern.compile("\"id\":(\\d+),[^{}]*?\"prisonerNumber\":\"([^\"]+)\"");

  @Test
  void eachReaderGetsEveryHashButOnlyTheContentHeMayReadAndTheTreeStillVerifies() throws Exception {
    // something about a case a judge may not read must be in the log: the probe's case 8
    WebClient prosecutor = loggedIn("prosecutor1");
    java.util.Set<Long> allCases = new java.util.HashSet<>();
    java.util.regex.Matcher all = CASE_ROW.matcher(prosecutor.get("/api/v1/cases").body());
    while (all.find()) {
      allCases.add(Long.parseLong(all.group(1)));
    }
    // the cases come from CaseSystemIT earlier in the run (one judges may not read among them,
    // as the probe's case 8); alone, this test checks the inmates' and the log's own leaves
    System.out.println("[issue 14] cases in the log: " + allCases.size());
    cn.xinsheng.audit.SignedCheckpoint cp =
        cn.xinsheng.audit.SignedCheckpoint.parse(prosecutor.get("/api/v1/audit/checkpoint").body());
    long size = cp.checkpoint().size();
    for (String reader : List.of("judge1", "supervisor1", "prosecutor1", "sysadmin1")) {
      WebClient c = loggedIn(reader);
      java.util.Set<Long> cases = new java.util.HashSet<>();
      java.util.Set<String> inmates = new java.util.HashSet<>();
      if (!reader.equals("sysadmin1")) {
        java.util.regex.Matcher m = CASE_ROW.matcher(c.get("/api/v1/cases").body());
        while (m.find()) {
          cases.add(Long.parseLong(m.group(1)));
          inmates.add(m.group(2));
        }
      }
      List<byte[]> hashes = new ArrayList<>();
      int shown = 0;
      List<String> leaks = new ArrayList<>();
      for (long from = 0; from < size; from += 1000) {
        long to = Math.min(size, from + 1000);
        HttpResponse<String> r = c.get("/api/v1/audit/leaves?start=" + from + "&end=" + to);
        assertEquals(200, r.statusCode(), r.body());
        java.util.regex.Matcher leaf = LEAF.matcher(r.body());
        while (leaf.find()) {
          hashes.add(cn.xinsheng.audit.MerkleTree.unhex(leaf.group(2)));
          if (leaf.group(3) == null) {
            assertEquals("true", leaf.group(4));
            continue;
          }
          shown++;
          String json =
              new String(
                  java.util.Base64.getDecoder().decode(leaf.group(3)),
                  java.nio.charset.StandardCharsets.UTF_8);
          java.util.regex.Matcher named = NAMED_CASE.matcher(json);
          if (named.find() && !cases.contains(Long.parseLong(named.group(1)))) {
            leaks.add(reader + " leaf " + leaf.group(1) + " of case " + named.group(1));
          } else if (!named.find(0)) {
            java.util.regex.Matcher who = NAMED_INMATE.matcher(json);
            if (who.find() && !inmates.contains(who.group(1))) {
              leaks.add(reader + " leaf " + leaf.group(1) + " of inmate " + who.group(1));
            }
          }
        }
      }
      assertEquals(List.of(), leaks.size() > 20 ? leaks.subList(0, 20) : leaks);
      assertEquals(size, hashes.size(), reader + ": every leaf's hash");
      assertTrue(
          java.util.Arrays.equals(
              cp.checkpoint().rootHash(), cn.xinsheng.audit.MerkleTree.rootHash(hashes)),
          reader + " rebuilds the signed root from hashes alone");
      System.out.println("[issue 14] " + reader + " sees the content of " + shown + " of " + size);
      if (reader.equals("judge1") && !allCases.isEmpty()) {
        assertTrue(cases.size() < allCases.size(), "the judge may not read every case");
      }
      if (reader.equals("sysadmin1")) {
        assertTrue(shown > 0, "the administrator reads the log's own leaves");
      }
    }
  }

  /**
   * Finding 6 for exports: each reader's download of the whole log gives the content of the leaves
   * he may read and the hash alone of every other (no records of them either), and still verifies
   * offline against the pinned key; an inmate's export for a supervisor who may read no case of his
   * is his entries' hashes ending at the head, and proves it is complete.
   */
  @Test
  void eachReadersExportCarriesOnlyTheContentHeMayReadAndStillVerifies() throws Exception {
    WebClient any = loggedIn("prosecutor1");
    cn.xinsheng.audit.NoteKey key =
        cn.xinsheng.audit.NoteKey.parseVerifierKey(any.get("/api/v1/audit/key").body());
    cn.xinsheng.audit.export.Trust trust = cn.xinsheng.audit.export.Trust.ofLogKey(key);
    java.nio.file.Path dir = RunningPlatform.DATA_DIR.resolve("issue14-exports");
    java.nio.file.Files.createDirectories(dir);
    for (String reader : List.of("judge1", "supervisor1", "prosecutor1", "sysadmin1")) {
      WebClient c = loggedIn(reader);
      java.util.Set<Long> cases = new java.util.HashSet<>();
      java.util.Set<String> inmates = new java.util.HashSet<>();
      if (!reader.equals("sysadmin1")) {
        java.util.regex.Matcher m = CASE_ROW.matcher(c.get("/api/v1/cases").body());
        while (m.find()) {
          cases.add(Long.parseLong(m.group(1)));
          inmates.add(m.group(2));
        }
      }
      java.nio.file.Path zip = dir.resolve(reader + ".zip");
      assertEquals(200, c.download("/api/v1/audit/export", zip));
      cn.xinsheng.audit.export.ExportVerifier.Report report =
          cn.xinsheng.audit.export.ExportVerifier.verify(zip, trust, 0);
      assertTrue(report.verified(), reader + ": " + report.failures());
      String leaves;
      String records = "";
      try (var z = new java.util.zip.ZipFile(zip.toFile())) {
        leaves =
            new String(
                z.getInputStream(z.getEntry("leaves.txt")).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        if (z.getEntry("records.txt") != null) {
          records =
              new String(
                  z.getInputStream(z.getEntry("records.txt")).readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      String[] lines = leaves.split("\n");
      assertEquals(report.treeSize(), lines.length, reader + ": every leaf, by hash at least");
      java.util.Set<String> shownIndexes = new java.util.HashSet<>();
      List<String> leaks = new ArrayList<>();
      int withheld = 0;
      for (String line : lines) {
        String[] f = line.split("\t", 4);
        if (f[3].equals("-")) {
          withheld++;
          continue;
        }
        shownIndexes.add(f[0]);
        java.util.regex.Matcher named = NAMED_CASE.matcher(f[3]);
        if (named.find() && !cases.contains(Long.parseLong(named.group(1)))) {
          leaks.add(reader + " leaf " + f[0] + " of case " + named.group(1));
        } else if (!named.find(0) && !f[3].contains("\"action\":\"audit.subject.head\"")) {
          java.util.regex.Matcher who = NAMED_INMATE.matcher(f[3]);
          if (who.find() && !inmates.contains(who.group(1))) {
            leaks.add(reader + " leaf " + f[0] + " of inmate " + who.group(1));
          }
        }
      }
      assertEquals(List.of(), leaks.size() > 20 ? leaks.subList(0, 20) : leaks);
      assertTrue(withheld > 0, reader + " may not read every leaf");
      for (String r : records.split("\n")) {
        if (!r.isEmpty()) {
          assertTrue(
              shownIndexes.contains(r.substring(0, r.indexOf('\t'))),
              reader + ": a record only of a leaf he may read: " + r);
        }
      }
      System.out.println(
          "[issue 14] " + reader + "'s export withholds " + withheld + " of " + lines.length);
    }
    // an inmate of whom the supervisor may read no case: his entries' hashes, ending at his head
    WebClient supervisor = loggedIn("supervisor1");
    java.util.Set<String> readable = new java.util.HashSet<>();
    java.util.regex.Matcher m = CASE_ROW.matcher(supervisor.get("/api/v1/cases").body());
    while (m.find()) {
      readable.add(m.group(2));
    }
    StringBuilder not = new StringBuilder("'-'");
    readable.forEach(n -> not.append(",'").append(n.replaceAll("[^0-9A-Za-z]", "")).append("'"));
    long known =
        RunningPlatform.count(
            "SELECT COALESCE(MIN(CAST(inmate AS UNSIGNED)), 0) FROM audit_entry"
                + " WHERE inmate REGEXP '^[0-9]{10}$' AND inmate NOT IN ("
                + not
                + ")");
    assertTrue(known > 0, "an inmate the log knows and the supervisor may read no case of");
    String inmate = Long.toString(known);
    java.nio.file.Path zip = dir.resolve("supervisor-inmate.zip");
    assertEquals(200, supervisor.download("/api/v1/audit/export?inmate=" + inmate, zip));
    cn.xinsheng.audit.export.ExportVerifier.Report report =
        cn.xinsheng.audit.export.ExportVerifier.verify(zip, trust, 0);
    assertTrue(report.verified(), report.failures().toString());
    assertTrue(report.scope().contains("inmate/" + inmate + ", complete"), report.scope());
    String leaves;
    try (var z = new java.util.zip.ZipFile(zip.toFile())) {
      leaves =
          new String(
              z.getInputStream(z.getEntry("leaves.txt")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
    }
    String[] lines = leaves.split("\n");
    int withheld = 0;
    for (String line : lines) {
      // his entries by their hash alone; only the heads (this one's and earlier exports') shown
      if (line.endsWith("\t-")) {
        withheld++;
      } else {
        assertTrue(line.contains("\"action\":\"audit.subject.head\""), "withheld: " + line);
      }
    }
    assertTrue(withheld > 0, "his entries are withheld");
    assertTrue(lines[lines.length - 1].contains("audit.subject.head"), "the head is shown");
  }

  // finding 7 -------------------------------------------------------------------------------

  @Test
  void theReadLogNamesTheCaseAndTheInmateRead() throws Exception {
    WebClient prosecutor = loggedIn("prosecutor1");
    // which case does not matter: a read is recorded before anything is looked up
    java.util.regex.Matcher first = CASE_ROW.matcher(prosecutor.get("/api/v1/cases").body());
    String caseId = first.find() ? first.group(1) : "1";
    String inmate = "3301000001";
    prosecutor.get("/cases/case.xhtml?id=" + caseId);
    prosecutor.get("/ledger/inmate.xhtml?no=" + inmate);
    prosecutor.get("/api/v1/audit/export?inmate=" + inmate);
    for (String[] read :
        List.of(
            new String[] {"/cases/case.xhtml", "case/" + caseId, "id=" + caseId},
            new String[] {"/ledger/inmate.xhtml", "inmate/" + inmate, "no=" + inmate},
            new String[] {"/api/v1/audit/export", "inmate/" + inmate, "inmate=" + inmate})) {
      assertTrue(
          RunningPlatform.count(
                  "SELECT COUNT(*) FROM read_event WHERE username = 'prosecutor1' AND path = '"
                      + read[0]
                      + "' AND subject = '"
                      + read[1]
                      + "' AND query = '"
                      + read[2]
                      + "'")
              >= 1,
          "read of " + read[0] + " names " + read[1]);
    }
  }

  // finding 8 -------------------------------------------------------------------------------

  @Test
  void theSessionCookieLeavesWithSameSiteStrictOnEveryWayIn() {
    HttpResponse<String> login = new WebClient(base).login("inmate207", PASSWORD);
    assertEquals(200, login.statusCode());
    List<String> cookies = login.headers().allValues("Set-Cookie");
    String session =
        cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertTrue(session.contains("HttpOnly"), session);
    assertTrue(session.contains("SameSite=Strict"), session);
    // plain HTTP here: Secure would keep the browser from sending it back at all
    assertFalse(session.toLowerCase(java.util.Locale.ROOT).contains("secure"), session);
    // the login page's own session (server-side view state), before anyone logs in
    HttpResponse<String> page = new WebClient(base).get("/login.xhtml");
    assertEquals(200, page.statusCode());
    for (String c : page.headers().allValues("Set-Cookie")) {
      assertTrue(c.contains("SameSite=Strict"), c);
    }
    assertFalse(
        page.headers().allValues("Set-Cookie").isEmpty(), "the login page starts a session");
  }

  // finding 10 ------------------------------------------------------------------------------

  @Test
  void rolesThatMustNotMeetOnOneAccountAreRefusedAndNothingIsWritten() {
    String[][] refused = {
      {"mixed14a", "\"INMATE\",\"SYS_ADMIN\"", "admin.error.inmateWithOtherRole"},
      {"mixed14b", "\"INMATE\",\"TEACHER\"", "admin.error.inmateWithOtherRole"},
      {"mixed14c", "\"JUDGE\",\"OFFICER\"", "admin.error.externalWithInternalRole"},
      {"mixed14d", "\"LAWYER\",\"SYS_ADMIN\"", "admin.error.externalWithInternalRole"}
    };
    for (String[] r : refused) {
      HttpResponse<String> create =
          admin.postJson(
              "/api/v1/accounts",
              "{\"username\":\"" + r[0] + "\",\"displayName\":\"混合\",\"roles\":[" + r[1] + "]}");
      assertEquals(400, create.statusCode(), create.body());
      assertTrue(create.body().contains(r[2]), create.body());
      assertTrue(create.body().contains("message_zh") && create.body().contains("message_en"));
      assertFalse(admin.get("/api/v1/accounts").body().contains(r[0]), r[0] + " was stored");
    }
  }

  // finding 12 ------------------------------------------------------------------------------

  @Test
  void theEmbeddedDatabaseHasNoAnonymousAccountsNoTestDatabaseAndRootOnlyOverTheSocket()
      throws Exception {
    assertEquals(0, RunningPlatform.count("SELECT COUNT(*) FROM mysql.user WHERE User = ''"));
    assertEquals(
        0,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'test'"));
    assertEquals(0, RunningPlatform.count("SELECT COUNT(*) FROM mysql.db WHERE Db LIKE 'test%'"));
    assertEquals(
        0,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM mysql.user WHERE User = 'root' AND Host <> 'localhost'"));
    // over TCP, neither an anonymous caller nor root gets in, with or without a password
    for (String[] login : new String[][] {{"", ""}, {"root", ""}, {"root", "root"}, {"x", ""}}) {
      try (java.sql.Connection c =
          java.sql.DriverManager.getConnection(
              "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/", login[0], login[1])) {
        org.junit.jupiter.api.Assertions.fail("'" + login[0] + "' logged in over TCP");
      } catch (java.sql.SQLException expected) {
        assertTrue(
            expected.getMessage().contains("Access denied")
                || expected.getMessage().contains("1045")
                || expected.getMessage().contains("1698"),
            expected.getMessage());
      }
    }
  }

  // finding 3 -------------------------------------------------------------------------------

  @Test
  void anInmateGetsTheLessonsFilesButNeverAQuizOrBankSource() throws Exception {
    WebClient inmate = loggedIn("inmate1");
    long lesson = RunningPlatform.count("SELECT l.id FROM lesson l WHERE l.lesson_key = 'kj-1-1'");
    String files = "/api/v1/lms/lessons/" + lesson + "/file/";
    for (String source :
        List.of(
            "quiz/chapter1.txt",
            "bank/accounting-bank.txt",
            "course.json",
            "manifest.json",
            "manifest.sig",
            "QUIZ/chapter1.txt",
            "quiz/chapter1.txt?x=1")) {
      HttpResponse<String> r = inmate.get(files + source);
      assertEquals(404, r.statusCode(), source + ": " + r.body());
      assertFalse(r.body().contains("答案") || r.body().contains("ANSWER"), source);
    }
    assertEquals(200, inmate.get(files + "media/equation.svg").statusCode());
    assertEquals(200, inmate.get(files + "lessons/what-is-accounting.html").statusCode());
  }

  // finding 4 -------------------------------------------------------------------------------

  @Test
  void aTeacherReadsAndGradesOnlyHisOwnCohortsLearners() throws Exception {
    // teacher2 gets a class of his own on the programme teacher1 teaches (inmate208)
    String mine = "3301000208";
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM inmate i JOIN account a ON a.id = i.account_id"
                + " WHERE a.username = 'inmate208' AND i.prisoner_number = '"
                + mine
                + "'"));
    WebClient office = loggedIn("eduadmin1");
    HttpResponse<String> cohort =
        office.postJson(
            "/api/v1/lms/cohorts",
            "{\"name\":\"issue 14 class\",\"programme\":\"OU-DZ-KJ\",\"teacher\":\"teacher2\","
                + "\"inmates\":[\""
                + mine
                + "\"]}");
    assertEquals(201, cohort.statusCode(), cohort.body());
    long assignment =
        RunningPlatform.count("SELECT id FROM assignment WHERE assignment_key = 'kj-a1'");
    String handIn = "/api/v1/lms/assignments/" + assignment + "/submissions";
    HttpResponse<String> theirs = loggedIn("inmate1").postJson(handIn, "{\"text\":\"借：原材料\"}");
    assertEquals(201, theirs.statusCode(), theirs.body());
    HttpResponse<String> his = loggedIn("inmate208").postJson(handIn, "{\"text\":\"借：银行存款\"}");
    assertEquals(201, his.statusCode(), his.body());
    long teacher1s =
        RunningPlatform.count(
            "SELECT MAX(s.id) FROM submission s JOIN inmate i ON i.id = s.inmate_id"
                + " WHERE i.prisoner_number = '3301000001'");

    WebClient teacher2 = loggedIn("teacher2");
    String list = teacher2.get("/api/v1/lms/submissions").body();
    assertTrue(list.contains(mine), list);
    assertFalse(list.contains("3301000001"), "teacher1's learner in teacher2's list: " + list);
    String essays = teacher2.get("/api/v1/lms/essays").body();
    assertFalse(essays.contains("3301000001"), essays);
    long gradesBefore =
        RunningPlatform.count(
            "SELECT COUNT(*) FROM submission_grade WHERE submission_id = " + teacher1s);
    HttpResponse<String> grade =
        teacher2.postJson(
            "/api/v1/lms/submissions/" + teacher1s + "/grade",
            "{\"points\":[50,30,20],\"feedback\":\"x\"}");
    assertEquals(404, grade.statusCode(), grade.body());
    assertEquals(
        gradesBefore,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM submission_grade WHERE submission_id = " + teacher1s));
    // a re-grade touches his own learners' attempts only
    long quiz = RunningPlatform.count("SELECT id FROM quiz WHERE quiz_key = 'kj-q1'");
    String theirGradings =
        "SELECT COUNT(*) FROM quiz_grading g JOIN quiz_attempt a ON a.id = g.attempt_id"
            + " JOIN inmate i ON i.id = a.inmate_id WHERE i.prisoner_number <> '"
            + mine
            + "'";
    long before = RunningPlatform.count(theirGradings);
    HttpResponse<String> regrade = teacher2.postJson("/api/v1/lms/regrades/" + quiz, "{}");
    assertEquals(200, regrade.statusCode(), regrade.body());
    assertEquals(before, RunningPlatform.count(theirGradings), "other classes' attempts re-graded");
    // a course he does not teach at all: as if it did not exist
    long other =
        RunningPlatform.count(
            "SELECT q.id FROM quiz q JOIN course c ON c.id = q.course_id"
                + " JOIN programme p ON p.id = c.programme_id WHERE p.code <> 'OU-DZ-KJ' LIMIT 1");
    if (other > 0) {
      assertEquals(404, teacher2.postJson("/api/v1/lms/regrades/" + other, "{}").statusCode());
    }
    // and teacher1 sees his own, not teacher2's
    String list1 = loggedIn("teacher1").get("/api/v1/lms/submissions").body();
    assertTrue(list1.contains("3301000001"), list1);
    assertFalse(list1.contains(mine), list1);
  }

  // finding 9 -------------------------------------------------------------------------------

  private static byte[] bombDocx() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void anInmatesAttachmentPassesTheSameUploadPolicy() throws Exception {
    WebClient inmate = loggedIn("inmate2");
    long assignment =
        RunningPlatform.count("SELECT id FROM assignment WHERE assignment_key = 'kj-a1'");
    String handIn = "/api/v1/lms/assignments/" + assignment + "/submissions";
    byte[] elf = new byte[64];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    byte[] svg =
        "<svg xmlns='http://www.w3.org/2000/svg'><script>fetch('/api/v1/session')</script></svg>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Object[][] corpus = {
      {"tool", elf, "evidence.error.executable"},
      {"作业.docx", bombDocx(), "upload.error.unpacked"},
      {"作业.svg", svg, "upload.error.markup"}
    };
    String before = "SELECT COUNT(*) FROM submission";
    long count = RunningPlatform.count(before);
    for (Object[] c : corpus) {
      HttpResponse<String> r =
          inmate.postJson(
              handIn,
              "{\"text\":\"作业\",\"fileName\":\""
                  + c[0]
                  + "\",\"fileBase64\":\""
                  + java.util.Base64.getEncoder().encodeToString((byte[]) c[1])
                  + "\"}");
      assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
      assertTrue(r.body().contains((String) c[2]), r.body());
    }
    assertEquals(count, RunningPlatform.count(before), "nothing stored");
    // a plain-text answer still goes in
    HttpResponse<String> ok =
        inmate.postJson(
            handIn,
            "{\"text\":\"作业\",\"fileName\":\"answer.txt\",\"fileBase64\":\""
                + java.util.Base64.getEncoder()
                    .encodeToString("借：原材料 5000".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"}");
    assertEquals(201, ok.statusCode(), ok.body());
  }

  @Test
  void evidenceRefusesPolyglotPhotosMarkupBombsAndBadNames() throws Exception {
    WebClient officer = loggedIn("officer1");
    byte[] polyglot =
        ("\u00ff\u00d8\u00ff\u00e0<html><script>alert(1)</script></html>")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Object[][] corpus = {
      {"photo.jpg", polyglot, "upload.error.image"},
      {"a.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), "upload.error.markup"},
      {"a.html", "<!DOCTYPE html><p>x".getBytes(), "upload.error.markup"},
      {"bomb.docx", bombDocx(), "upload.error.unpacked"},
      // refused at the boundary or by the policy: either way it is the name that is wrong
      {"a\r\nb.pdf", "%PDF-1.4\n".getBytes(), "name"},
      {"a\u0000b.pdf", "%PDF-1.4\n".getBytes(), "name"},
      {"evil\u202Efdp.exe", "%PDF-1.4\n".getBytes(), "evidence.error.name"}
    };
    for (Object[] c : corpus) {
      HttpResponse<String> r =
          officer.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          base
                              + "/api/v1/evidence?section=11&source=cam&description=x&name="
                              + java.net.URLEncoder.encode(
                                  (String) c[0], java.nio.charset.StandardCharsets.UTF_8)))
                  .header("Content-Type", "application/octet-stream")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray((byte[]) c[1])));
      assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
      assertTrue(r.body().contains((String) c[2]), c[0] + ": " + r.body());
    }
  }

  // finding 11 (the part done) --------------------------------------------------------------

  @Test
  void aLessonsMarkupOpenedByItsUrlRunsSandboxedWithoutTheSession() throws Exception {
    WebClient inmate = loggedIn("inmate1");
    long lesson = RunningPlatform.count("SELECT l.id FROM lesson l WHERE l.lesson_key = 'kj-1-1'");
    String files = "/api/v1/lms/lessons/" + lesson + "/file/";
    for (String markup : List.of("media/equation.svg", "lessons/what-is-accounting.html")) {
      HttpResponse<String> r = inmate.get(files + markup);
      assertEquals(200, r.statusCode(), markup);
      assertTrue(
          r.headers().allValues("Content-Security-Policy").stream()
              .anyMatch(v -> v.startsWith("sandbox")),
          markup + ": " + r.headers().allValues("Content-Security-Policy"));
    }
    // the video is not markup: no sandbox needed, and range requests still work
    long video = RunningPlatform.count("SELECT l.id FROM lesson l WHERE l.lesson_key = 'kj-1-2'");
    HttpResponse<String> v =
        inmate.get("/api/v1/lms/lessons/" + video + "/file/media/accounting-equation.mp4");
    assertEquals(200, v.statusCode());
    assertFalse(
        v.headers().allValues("Content-Security-Policy").stream()
            .anyMatch(h -> h.startsWith("sandbox")));
  }
}
