package cn.xinsheng.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code bin/xinsheng start-dev} starts, started once for the whole integration-test run: the
 * launcher jar in its own process with its own ports and data directory under target/. Every system
 * test and the Arquillian tests share it (one boot of each server).
 */
public final class RunningPlatform {

  public static final int HTTP_PORT = Integer.getInteger("xinsheng.it.http-port", 18080);
  public static final int DB_PORT = Integer.getInteger("xinsheng.it.db-port", 13307);
  public static final Path DATA_DIR = Path.of("target", "it-data").toAbsolutePath();

  /**
   * The instant the platform's clock is pinned at ({@code start-dev --test-clock}): no test takes a
   * business date from the wall clock, so the suite passes at any hour. Another instant with {@code
   * -Dxinsheng.it.clock=2026-06-30T23:59:59+08:00} runs the whole suite there.
   */
  public static final String TEST_CLOCK =
      System.getProperty("xinsheng.it.clock", "2026-06-10T10:00:00+08:00");

  private static final int READY_SECONDS = Integer.getInteger("xinsheng.it.ready-seconds", 480);

  private static final Pattern CLOCK_FIELD = Pattern.compile("\"(\\w+)\":\"?([^\",}]*)");

  private static Process process;
  private static boolean started;
  private static long startMillis;
  private static String startOutput = "";

  private RunningPlatform() {}

  public static String baseUrl() {
    return "http://localhost:" + HTTP_PORT;
  }

  /** Starts the platform unless it is running; returns the base URL. */
  public static synchronized String ensureStarted() {
    if (process != null && process.isAlive()) {
      return baseUrl();
    }
    try {
      Path jar = Path.of("target", "xinsheng-launcher.jar").toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " missing: the package phase builds it");
      }
      if (process == null && !started) {
        // a fresh prison for every test run: locked accounts from an earlier run must not leak in
        deleteTree(DATA_DIR);
      }
      started = true;
      Files.createDirectories(DATA_DIR);
      Path log = DATA_DIR.resolve("launcher.log");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx256m");
      cmd.add("-jar");
      cmd.add(jar.toString());
      cmd.add("start-dev");
      cmd.add("--http-port=" + HTTP_PORT);
      cmd.add("--db-port=" + DB_PORT);
      cmd.add("--data-dir=" + DATA_DIR);
      cmd.add("--heap=512m");
      cmd.add("--test-clock=" + TEST_CLOCK);
      // on a busy machine (two cores shared by several builds) a first boot took over 180 s
      cmd.add("--ready-timeout=" + READY_SECONDS);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      startMillis = System.currentTimeMillis();
      process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(RunningPlatform::stopQuietly));
      awaitReady(log);
      return baseUrl();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitReady(Path log) throws IOException {
    // the launcher's own time-out counts from after the database and the demo data: wait longer
    // than it, so that it gives up (and says why) first
    long deadline = System.currentTimeMillis() + (READY_SECONDS + 300) * 1000L;
    while (System.currentTimeMillis() < deadline) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains("Xinsheng is ready")) {
        startOutput = out;
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("start-dev exited early:\n" + tail(out));
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    // never leave a half-started platform behind: the next test class would take it for ready
    try {
      stop(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(
        "start-dev not ready in " + (READY_SECONDS + 300) + " s:\n" + tail(Files.readString(log)));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String tail(String s) {
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  /** The platform's time as the prison reads it, from {@code GET /api/v1/clock}. */
  public record PlatformTime(
      Instant instant, LocalDate today, YearMonth month, String prisonTime, long demoOffsetDays) {

    /** The prison's wall-clock time now to the minute, as an officer types it: never ahead. */
    public String minute() {
      return prisonTime.replace(' ', 'T');
    }
  }

  public static PlatformTime time() {
    String body = new WebClient(ensureStarted()).get("/api/v1/clock").body();
    java.util.Map<String, String> f = new java.util.HashMap<>();
    Matcher m = CLOCK_FIELD.matcher(body);
    while (m.find()) {
      f.put(m.group(1), m.group(2));
    }
    if (!"true".equals(f.get("pinned"))) {
      throw new IllegalStateException("the platform's clock is not pinned: " + body);
    }
    return new PlatformTime(
        Instant.parse(f.get("instant")),
        LocalDate.parse(f.get("today")),
        YearMonth.parse(f.get("month")),
        f.get("prisonTime"),
        Long.parseLong(f.get("demoOffsetDays")));
  }

  /** Sets the pinned clock to this instant, as the administrator; answers the platform's time. */
  public static PlatformTime pin(Instant at) {
    WebClient admin = new WebClient(ensureStarted());
    if (admin.login("sysadmin1", "demo123!").statusCode() != 200) {
      throw new IllegalStateException("sysadmin1 cannot log in");
    }
    HttpResponse<String> r = admin.postJson("/api/v1/clock", "{\"instant\":\"" + at + "\"}");
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "the clock was not pinned: " + r.statusCode() + " " + r.body());
    }
    PlatformTime now = time();
    if (!now.instant().equals(at)) {
      throw new IllegalStateException("pinned at " + at + " but the platform says " + now);
    }
    return now;
  }

  /** What start-dev printed up to "ready": the URL and the demo logins. */
  public static String startOutput() {
    return startOutput;
  }

  public static long startedAtMillis() {
    return startMillis;
  }

  /** The embedded database's application password, made by start-dev. */
  public static String applicationDbPassword() throws IOException {
    return Files.readString(DATA_DIR.resolve("secrets").resolve("db-app.password")).strip();
  }

  /**
   * The schema owner's connection, as a database administrator has it: over the embedded server's
   * unix socket, with every right the application account lacks. What the tamper drill uses.
   */
  public static java.sql.Connection ownerConnection() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        "jdbc:mariadb://localhost:"
            + DB_PORT
            + "/xinsheng?localSocket=/tmp/xinsheng-mariadb."
            + DB_PORT
            + ".sock",
        System.getProperty("user.name"),
        "");
  }

  /** The first column of the first row of a query, read as the database administrator. */
  /**
   * Waits until a signed checkpoint covers every entry logged so far. The record self-check reads
   * the entries the sequencer has taken in, so a test that edits a bound row as root must wait for
   * the row's entry first, or the check may not have reached it yet.
   */
  public static void awaitEverythingSigned() throws java.sql.SQLException {
    long size = count("SELECT COUNT(*) FROM audit_entry");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint") >= size);
  }

  /**
   * A closed assessment cycle with an approved commendation (表扬) for a demo inmate, as the ledger's
   * monthly close and the prison's grading leave one, written as the database owner since the demo
   * holds none: what a proposal cites (a proposal citing none is refused, case.error.noCycle).
   * Answers the cycle's id.
   */
  public static synchronized long commendation(String prisonerNumber) {
    return COMMENDATIONS.computeIfAbsent(prisonerNumber, RunningPlatform::newCommendation);
  }

  private static final java.util.Map<String, Long> COMMENDATIONS = new java.util.HashMap<>();

  private static long newCommendation(String prisonerNumber) {
    try (java.sql.Connection c = ownerConnection();
        java.sql.Statement s = c.createStatement()) {
      long inmate = count("SELECT id FROM inmate WHERE prisoner_number = '" + prisonerNumber + "'");
      long section = count("SELECT section_id FROM inmate WHERE id = " + inmate);
      long number =
          // far from the numbers other tests write for their own inmates (1, 2, ...)
          count(
              "SELECT COALESCE(MAX(number), 0) + 90 FROM assessment_cycle WHERE inmate_id = "
                  + inmate);
      s.executeUpdate(
          "INSERT INTO month_close (section_id, month, split, computed_by, computed_at) VALUES ("
              + section
              + ", '2025-11', '35/35/30', 'it', NOW(3))",
          java.sql.Statement.RETURN_GENERATED_KEYS);
      long close;
      try (java.sql.ResultSet k = s.getGeneratedKeys()) {
        k.next();
        close = k.getLong(1);
      }
      s.executeUpdate(
          "INSERT INTO assessment_cycle (inmate_id, number, closed_month, close_id, first_month)"
              + " VALUES ("
              + inmate
              + ", "
              + number
              + ", '2025-11', "
              + close
              + ", '2025-06')",
          java.sql.Statement.RETURN_GENERATED_KEYS);
      long cycle;
      try (java.sql.ResultSet k = s.getGeneratedKeys()) {
        k.next();
        cycle = k.getLong(1);
      }
      s.executeUpdate(
          "INSERT INTO cycle_decision (cycle_id, result, reason, decided_by, decided_at) VALUES ("
              + cycle
              + ", 'PRAISE', '考核满600分，集体评议给予表扬', 'reviewer1', NOW(3))");
      return cycle;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("a commendation for " + prisonerNumber, e);
    }
  }

  public static long count(String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = ownerConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Sends SIGTERM as an operator's Ctrl-C would; returns the exit code, or -1 on time-out. */
  public static synchronized int stop(Duration timeout) throws InterruptedException {
    if (process == null) {
      return 0;
    }
    process.destroy();
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    int code = exited ? process.exitValue() : -1;
    if (!exited) {
      process.destroyForcibly();
    }
    process = null;
    return code;
  }

  private static void stopQuietly() {
    try {
      stop(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True when something answers HTTP on the platform's port. */
  public static boolean answers() {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/health/live"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
