package cn.xinsheng.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code bin/xinsheng start-dev} starts, started once for the whole integration-test run: the
 * launcher jar in its own process with its own ports and data directory under target/. Every system
 * test and the Arquillian tests share it (one boot of each server).
 */
public final class RunningPlatform {

  public static final int HTTP_PORT = Integer.getInteger("xinsheng.it.http-port", 18080);
  public static final int DB_PORT = Integer.getInteger("xinsheng.it.db-port", 13307);
  public static final Path DATA_DIR = Path.of("target", "it-data").toAbsolutePath();

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
    long deadline = System.currentTimeMillis() + 240_000;
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
    throw new IllegalStateException(
        "start-dev not ready in 240 s:\n" + tail(Files.readString(log)));
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
