package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 21: {@code bin/xinsheng start} against an external MariaDB, as an operator runs it (the
 * launcher jar in a process of its own, the database given by XINSHENG_DB_URL / _USER / _PASSWORD),
 * then {@code backup} and {@code restore} of that database.
 *
 * <p>The server is a real one outside the build ({@code -Dxinsheng.it.external-db}, default {@code
 * jdbc:mariadb://127.0.0.1:3306/} as root with an empty password); without it the class is skipped
 * and says why. On it the test makes, and drops at the end: two schemas with a unique name, and an
 * owner account with the least rights the launcher needs (ALL on the schemas WITH GRANT OPTION, and
 * CREATE USER for the application's own account {@code xinsheng_app}, which {@code start} makes).
 *
 * <p>Two platform starts, no more: the first migrates, makes exactly one first administrator with a
 * one-time password, answers health and lets him log in; the second changes nothing. A backup taken
 * while it runs restores into a second, empty schema with the same tables and rows, the same
 * signing key and the audit log's root at backup time; a schema with tables and a wrong passphrase
 * are refused in both languages, before anything is written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalDatabaseSystemIT {

  private static final String SERVER =
      System.getProperty("xinsheng.it.external-db", "jdbc:mariadb://127.0.0.1:3306/");
  private static final String ROOT = System.getProperty("xinsheng.it.external-db-user", "root");
  private static final String ROOT_PASSWORD =
      System.getProperty("xinsheng.it.external-db-password", "");
  private static final String APP_USER = "xinsheng_app";
  private static final String PREFIX = "xs_it_";
  // a port of its own, next to the shared platform's (+2 ClockSystemIT, +7 DataSurvivesSystemIT)
  private static final int HTTP_PORT = RunningPlatform.HTTP_PORT + 9;
  private static final String BASE = "http://localhost:" + HTTP_PORT;
  private static final String PASSPHRASE = "correct horse battery staple";

  private static String skipped;
  private static String schema;
  private static String restored;
  private static String owner;
  private static String ownerPassword;
  private static String clientHost;
  private static boolean appUserOurs;
  private static Path root;
  private static Path data;
  private static Path data2;
  private static Process launcher;
  private static Path launcherLog;
  private static String adminPassword;
  private static Map<String, String> before;
  private static String backupRoot;
  private static Path backup;

  @BeforeAll
  static void freshSchemaOnTheExternalServer() throws Exception {
    try (Connection c = admin()) {
      assertTrue(c.isValid(5));
    } catch (SQLException e) {
      // said by every test as its reason to skip (an abort here shows as "Tests run: 0")
      skipped =
          "没有外部 MariaDB / no external MariaDB at "
              + SERVER
              + " ("
              + ROOT
              + "): "
              + e.getMessage()
              + " — ExternalDatabaseSystemIT needs one (-Dxinsheng.it.external-db=jdbc:mariadb://host:port/)";
      return;
    }
    String id =
        Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString(new java.security.SecureRandom().nextInt(1 << 20), 36);
    schema = PREFIX + id;
    restored = schema + "_r";
    owner = PREFIX + id;
    ownerPassword = "Ow-" + id + "\"q\\z"; // a quote and a backslash: the option file must cope
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      clientHost = single(s, "SELECT SUBSTRING_INDEX(USER(), '@', -1)");
      // the launcher's application account is one per server: never re-key someone else's
      List<String> grants = grantsOf(s, APP_USER, clientHost);
      if (!grants.stream().allMatch(g -> !g.contains(" ON `") || g.contains(" ON `" + PREFIX))) {
        skipped =
            APP_USER
                + "@"
                + clientHost
                + " already serves another Xinsheng on this server; this test would re-key it: "
                + grants;
        schema = null;
        return;
      }
      appUserOurs = true;
      for (String name : List.of(schema, restored)) {
        s.execute(
            "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      String account = "'" + owner + "'@'" + clientHost + "'";
      s.execute("CREATE USER " + account + " IDENTIFIED BY '" + sql(ownerPassword) + "'");
      for (String name : List.of(schema, restored)) {
        s.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO " + account + " WITH GRANT OPTION");
      }
      s.execute("GRANT CREATE USER ON *.* TO " + account);
    }
    root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-db-");
    data = root.resolve("data");
    data2 = root.resolve("data-restored");
  }

  @BeforeEach
  void onlyWithTheExternalServer() {
    assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void dropEverything() throws Exception {
    stop();
    if (schema != null) {
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        s.execute("DROP DATABASE IF EXISTS `" + restored + "`");
        s.execute("DROP USER IF EXISTS '" + owner + "'@'" + clientHost + "'");
        if (appUserOurs) {
          s.execute("DROP USER IF EXISTS '" + APP_USER + "'@'" + clientHost + "'");
        }
      }
    }
    if (root != null && Files.exists(root)) {
      Path keep = Files.createDirectories(Path.of("target", "external-db-logs"));
      try (var logs = Files.list(root)) {
        for (Path p : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
          Files.copy(p, keep.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  @Order(1)
  void theFirstStartMigratesMakesOneAdministratorAndHeLogsIn() throws Exception {
    String out = start(1);
    Matcher applied = Pattern.compile("migrations applied: (\\d+)").matcher(out);
    assertTrue(applied.find(), out);
    assertTrue(Integer.parseInt(applied.group(1)) > 0, out);
    assertEquals(
        count("SELECT COUNT(*) FROM flyway_schema_history"),
        count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"),
        "every migration succeeded");
    assertTrue(count("SELECT COUNT(*) FROM flyway_schema_history") > 0);
    assertTrue(out.contains("application database account: " + APP_USER + "@" + clientHost), out);

    Matcher admin = Pattern.compile("sysadmin / (\\S+)").matcher(out);
    assertTrue(admin.find(), "the one-time password is printed: " + out);
    adminPassword = admin.group(1);
    assertFalse(admin.find(), "printed once");
    assertEquals(1, count("SELECT COUNT(*) FROM account"), "exactly one account");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id"
                + " WHERE a.username = 'sysadmin' AND a.must_change_password AND r.role = 'SYS_ADMIN'"));

    HttpResponse<String> ready = new WebClient(BASE).get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    HttpResponse<String> login = new WebClient(BASE).login("sysadmin", adminPassword);
    assertEquals(200, login.statusCode(), login.body());
    assertTrue(login.body().contains("\"mustChangePassword\":true"), login.body());
    HttpResponse<String> wrong = new WebClient(BASE).login("sysadmin", adminPassword + "x");
    assertTrue(wrong.statusCode() >= 400, wrong.statusCode() + " " + wrong.body());
    before = snapshot();
  }

  @Test
  @Order(2)
  void theSecondStartChangesNothing() throws Exception {
    int code = stop();
    assertTrue(code == 0 || code == 143, "a clean stop on SIGTERM, code " + code);
    String out = start(2);
    assertTrue(out.contains("migrations applied: 0"), out);
    assertFalse(out.contains("first administrator"), out);
    assertFalse(out.contains("sysadmin /"), out);
    assertEquals(before, snapshot(), "accounts, migrations and the application's rights");
    assertEquals(200, new WebClient(BASE).get("/health/ready").statusCode());
    assertEquals(200, new WebClient(BASE).login("sysadmin", adminPassword).statusCode());
  }

  @Test
  @Order(3)
  void aBackupTakenWhileItRunsHoldsTheSignedRoot() throws Exception {
    awaitEverythingSigned();
    Path passphrase = Files.writeString(root.resolve("backup.passphrase"), PASSPHRASE);
    backup = root.resolve("backup.tar.gz");
    // as the installed service's settings give it: the environment start reads
    LauncherProcess.Result r =
        LauncherProcess.runWith(
            environment(schema),
            "backup",
            "--data-dir=" + data,
            "--out=" + backup,
            "--passphrase-file=" + passphrase);
    Files.writeString(root.resolve("backup.log"), r.output());
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("external database: " + owner + "@"), r.output());
    Matcher m = Pattern.compile("audit log: size (\\d+), root (\\S+)").matcher(r.output());
    assertTrue(m.find(), r.output());
    assertTrue(Long.parseLong(m.group(1)) > 0, "the log had begun: " + r.output());
    backupRoot = m.group(2);
    assertFalse(r.output().contains(ownerPassword), "no password on the console");
    int code = stop();
    assertTrue(code == 0 || code == 143, "code " + code);
  }

  @Test
  @Order(4)
  void restoreRefusesAFullSchemaAndAWrongPassphraseBeforeWritingAnything() throws Exception {
    Path passphrase = root.resolve("backup.passphrase");
    LauncherProcess.Result full =
        LauncherProcess.runWith(
            environment(schema),
            "restore",
            backup.toString(),
            "--data-dir=" + root.resolve("unused"),
            "--passphrase-file=" + passphrase);
    assertEquals(1, full.code(), full.output());
    assertTrue(full.output().contains("已有"), full.output());
    assertTrue(full.output().contains("already holds"), full.output());
    assertNoStackTrace(full.output());

    Path wrong = Files.writeString(root.resolve("wrong.passphrase"), "not the right passphrase");
    LauncherProcess.Result refused =
        LauncherProcess.runWith(
            environment(restored),
            "restore",
            backup.toString(),
            "--data-dir=" + data2,
            "--passphrase-file=" + wrong);
    assertEquals(1, refused.code(), refused.output());
    assertTrue(refused.output().contains("口令不对"), refused.output());
    assertTrue(refused.output().contains("wrong passphrase"), refused.output());
    assertNoStackTrace(refused.output());
    assertEquals(0, tables(restored).size(), "nothing was written to the database");
    assertFalse(Files.exists(data2.resolve("secrets")), "nor to the data directory");
    assertFalse(Files.exists(data2.resolve("evidence")));

    LauncherProcess.Result badUrl =
        LauncherProcess.runWith(
            Map.of("XINSHENG_DB_URL", "jdbc:postgresql://127.0.0.1/x", "XINSHENG_DB_USER", "u"),
            "restore",
            backup.toString(),
            "--data-dir=" + data2,
            "--passphrase-file=" + passphrase);
    assertEquals(1, badUrl.code(), badUrl.output());
    assertTrue(badUrl.output().contains("错误 / error: 数据库地址须为"), badUrl.output());
    assertNoStackTrace(badUrl.output());
  }

  @Test
  @Order(5)
  void restoreIntoAFreshSchemaGivesTheSameTablesRowsKeyAndRoot() throws Exception {
    // the password from a file this time, the URL and the account as options
    Path password = Files.writeString(root.resolve("db.password"), ownerPassword + "\n");
    LauncherProcess.Result r =
        LauncherProcess.runWith(
            Map.of(),
            "restore",
            backup.toString(),
            "--data-dir=" + data2,
            "--passphrase-file=" + root.resolve("backup.passphrase"),
            "--db-url=" + url(restored),
            "--db-user=" + owner,
            "--db-password-file=" + password);
    Files.writeString(root.resolve("restore.log"), r.output());
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("size") && r.output().contains(backupRoot), r.output());

    Map<String, Long> original = tables(schema);
    Map<String, Long> copy = tables(restored);
    assertEquals(original.keySet(), copy.keySet(), "the same tables");
    for (var t : original.entrySet()) {
      // the platform ran on after the backup (its audit log may have grown), never backwards
      assertTrue(
          copy.get(t.getKey()) <= t.getValue(), t.getKey() + ": " + copy + " vs " + original);
    }
    for (String t : List.of("account", "account_role", "flyway_schema_history")) {
      assertEquals(original.get(t), copy.get(t), t);
    }
    String note =
        single(restored, "SELECT note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
    assertNotNull(note);
    assertEquals(backupRoot, note.split("\n")[2], "the audit log's root at backup time");
    assertEquals(
        Files.readString(data.resolve("secrets/audit/signing-key")),
        Files.readString(data2.resolve("secrets/audit/signing-key")),
        "the signing key came back");
    assertEquals(
        Files.readString(data.resolve("secrets/db-app.password")),
        Files.readString(data2.resolve("secrets/db-app.password")));
  }

  // --- the launcher ------------------------------------------------------------------------------

  private static Map<String, String> environment(String database) {
    return Map.of(
        "XINSHENG_DB_URL", url(database),
        "XINSHENG_DB_USER", owner,
        "XINSHENG_DB_PASSWORD", ownerPassword);
  }

  private static String url(String database) {
    return SERVER + database;
  }

  /** {@code bin/xinsheng start} in its own process; waits until it says it is ready. */
  private static String start(int round) throws Exception {
    launcherLog = root.resolve("launcher-" + round + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-jar");
    cmd.add(Path.of("target", "xinsheng-launcher.jar").toAbsolutePath().toString());
    cmd.addAll(
        List.of(
            "start",
            "--http-port=" + HTTP_PORT,
            "--data-dir=" + data,
            "--heap=512m",
            "--ready-timeout=300"));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(launcherLog.toFile());
    // a production start refuses the demonstration's clocks: none may leak in from the build
    pb.environment().remove("XINSHENG_TEST_CLOCK");
    pb.environment().remove("XINSHENG_CASES_DEMO_CLOCK");
    pb.environment().putAll(environment(schema));
    launcher = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(420).toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(launcherLog);
      if (out.contains("Xinsheng is ready")) {
        assertFalse(out.contains(ownerPassword), "no password on the console");
        return out;
      }
      if (!launcher.isAlive()) {
        throw new AssertionError("start exited early:\n" + out);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not ready:\n" + Files.readString(launcherLog));
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

  private static void assertNoStackTrace(String output) {
    assertFalse(output.contains("\tat "), output);
    assertFalse(output.contains("Exception"), output);
  }

  // --- the database ------------------------------------------------------------------------------

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(SERVER + "?connectTimeout=3000", ROOT, ROOT_PASSWORD);
  }

  /** What a second start must leave as it found it. */
  private static Map<String, String> snapshot() throws SQLException {
    Map<String, String> s = new TreeMap<>();
    s.put(
        "accounts",
        rows(
            schema,
            "SELECT id, username, password_hash, must_change_password, enabled FROM account"
                + " ORDER BY id"));
    s.put("roles", rows(schema, "SELECT account_id, role FROM account_role ORDER BY 1, 2"));
    s.put(
        "migrations",
        rows(
            schema,
            "SELECT installed_rank, version, checksum FROM flyway_schema_history ORDER BY 1"));
    try (Connection c = admin();
        Statement st = c.createStatement()) {
      s.put(
          "grants",
          String.join("\n", grantsOf(st, APP_USER, clientHost).stream().sorted().toList()));
    }
    return s;
  }

  private static List<String> grantsOf(Statement s, String user, String host) throws SQLException {
    List<String> grants = new ArrayList<>();
    if (count(
            s,
            "SELECT COUNT(*) FROM mysql.user WHERE User = '"
                + user
                + "' AND Host = '"
                + sql(host)
                + "'")
        == 0) {
      return grants;
    }
    try (ResultSet rs = s.executeQuery("SHOW GRANTS FOR '" + user + "'@'" + sql(host) + "'")) {
      while (rs.next()) {
        // the password hash changes with nothing else; the rights are what must stay
        grants.add(rs.getString(1).replaceAll("IDENTIFIED BY PASSWORD '[^']*'", ""));
      }
    }
    return grants;
  }

  private static Map<String, Long> tables(String database) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                  + sql(database)
                  + "'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String t : names) {
        counts.put(t, count(s, "SELECT COUNT(*) FROM `" + database + "`.`" + t + "`"));
      }
    }
    return counts;
  }

  private static void awaitEverythingSigned() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      long entries = count("SELECT COUNT(*) FROM audit_entry");
      if (entries > 0
          && count("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint") >= entries) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no signed checkpoint covers the audit log");
  }

  private static long count(String query) throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("USE `" + schema + "`");
      return count(s, query);
    }
  }

  private static long count(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String single(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String single(String database, String query) throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("USE `" + database + "`");
      return single(s, query);
    }
  }

  private static String rows(String database, String query) throws SQLException {
    StringBuilder b = new StringBuilder();
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("USE `" + database + "`");
      try (ResultSet rs = s.executeQuery(query)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            b.append(rs.getString(i)).append(i < n ? "|" : "\n");
          }
        }
      }
    }
    return b.toString();
  }

  private static String sql(String value) {
    return value.replace("\\", "\\\\").replace("'", "''");
  }
}
