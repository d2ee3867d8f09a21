package cn.xinsheng.launcher;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the Xinsheng WAR in a child JVM. The database credentials reach it as
 * environment variables, never on the command line where {@code ps} would show them.
 */
final class ApplicationServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  /** The JVM argument file holding the keystore password, deleted once the server is up. */
  private Path secretArgs;

  private ApplicationServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * HTTPS on the LAN (issue 21): a PKCS#12 keystore with the server's key under {@link #TLS_ALIAS},
   * made offline by the installer (a prison CA) or imported from the site's own certificate.
   */
  record Tls(int port, Path keystore, String password) {}

  static final String TLS_ALIAS = "xinsheng";

  static ApplicationServer start(
      Path runtimeDir, Path dataDir, int port, Map<String, String> environment, String heap) {
    return start(runtimeDir, dataDir, port, environment, heap, null);
  }

  static ApplicationServer start(
      Path runtimeDir,
      Path dataDir,
      int port,
      Map<String, String> environment,
      String heap,
      Tls tls) {
    Path micro = runtimeDir.resolve("payara-micro.jar");
    Path war = runtimeDir.resolve("xinsheng.war");
    if (!Files.isRegularFile(micro) || !Files.isRegularFile(war)) {
      throw new LauncherException(
          "找不到运行文件 " + micro + " 或 " + war + "；请先运行 mvn -DskipTests package",
          "runtime files missing (" + micro + ", " + war + "); run mvn -DskipTests package first");
    }
    try {
      Path logDir = Files.createDirectories(dataDir.resolve("logs"));
      Path log = logDir.resolve("payara.log");
      Path logging = dataDir.resolve("payara-logging.properties");
      try (var in = ApplicationServer.class.getResourceAsStream("/payara-logging.properties")) {
        Files.write(logging, in.readAllBytes());
      }
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.add("-Xmx" + heap);
      command.add("-XX:MaxMetaspaceSize=384m");
      command.add("-XX:+UseSerialGC");
      command.add("-Xss512k");
      command.add("-Dfile.encoding=UTF-8");
      // thumbnails are drawn without a display
      command.add("-Djava.awt.headless=true");
      // log levels in English whatever the host's locale; pages take their language per session
      command.add("-Duser.language=en");
      Path secretArgs = null;
      if (tls != null) {
        command.add("-Djavax.net.ssl.keyStore=" + tls.keystore().toAbsolutePath());
        command.add("-Djavax.net.ssl.keyStoreType=PKCS12");
        // the password goes in a JVM argument file only the service user can read, not on the
        // command line, which every local user sees in the process list (issue 21); the file
        // is deleted as soon as the server answers
        secretArgs = writeSecretArgs(dataDir, tls.password());
        command.add("@" + secretArgs.toAbsolutePath());
      }
      command.add("-jar");
      command.add(micro.toString());
      command.add("--deploy");
      command.add(war.toString());
      command.add("--contextroot");
      command.add("/");
      command.add("--port");
      command.add(Integer.toString(port));
      if (tls != null) {
        command.add("--sslport");
        command.add(Integer.toString(tls.port()));
        command.add("--sslcert");
        command.add(TLS_ALIAS);
      }
      command.add("--nocluster");
      command.add("--disablephonehome");
      command.add("--logproperties");
      command.add(logging.toString());
      // its working folder is the data directory, never the operator's: a stray relative path
      // in the server lands among the data, not wherever bin/xinsheng was called from
      ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile());
      builder.environment().putAll(environment);
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      ApplicationServer server = new ApplicationServer(builder.start(), port, log);
      server.secretArgs = secretArgs;
      return server;
    } catch (IOException e) {
      throw new LauncherException(
          "无法启动 Payara Micro：" + e.getMessage(), "cannot start Payara Micro: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code -Djavax.net.ssl.keyStorePassword=…} into a JVM argument file readable by its
   * owner alone. Quoted, with backslashes and quotes escaped as the java launcher reads them.
   */
  static Path writeSecretArgs(Path dataDir, String password) throws IOException {
    if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
      throw new LauncherException(
          "证书库密码不能含换行", "the keystore password must not contain a line break");
    }
    Path file = dataDir.resolve("tls-jvm.args");
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    String escaped = password.replace("\\", "\\\\").replace("\"", "\\\"");
    Files.writeString(
        file,
        "\"-Djavax.net.ssl.keyStorePassword=" + escaped + "\"\n",
        java.nio.charset.StandardCharsets.UTF_8);
    return file;
  }

  private void forgetSecretArgs() {
    if (secretArgs != null) {
      try {
        Files.deleteIfExists(secretArgs);
      } catch (IOException e) {
        // tried again on close
        return;
      }
      secretArgs = null;
    }
  }

  /** Waits until {@code /health/ready} answers UP, the process dies, or the time runs out. */
  void awaitReady(Duration timeout) {
    // HTTP/1.1: a cleartext HTTP/2 connection upgraded while the application was still deploying
    // stayed wedged on a loaded machine, every later request on it timing out (seen in issue 14's
    // runs: health UP for curl, the launcher waiting until its time-out); the tests' WebClient
    // speaks HTTP/1.1 for the same reason
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LauncherException(
            "Payara Micro 意外退出，详见 " + log, "Payara Micro exited unexpectedly; see " + log);
      }
      try {
        HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
        // Payara answers UP with no checks at all for a moment before the application is
        // deployed; ready means the application's own database check is there and UP
        String body = response.body().replace(" ", "");
        if (response.statusCode() == 200
            && body.startsWith("{\"status\":\"UP\"")
            && body.contains("\"name\":\"database\"")) {
          forgetSecretArgs();
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LauncherException("启动被中断", "start-up interrupted");
      }
      sleep(500);
    }
    throw new LauncherException(
        "平台在 " + timeout.toSeconds() + " 秒内未就绪，详见 " + log,
        "the platform was not ready within " + timeout.toSeconds() + " s; see " + log);
  }

  /** Blocks until the server exits; returns its exit code. */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM first, so Payara shuts down cleanly; forcibly after 30 s. */
  @Override
  public void close() {
    forgetSecretArgs();
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
