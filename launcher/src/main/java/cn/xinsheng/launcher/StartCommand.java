package cn.xinsheng.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starting the platform: embedded database with demo data, or an external MariaDB. */
abstract class StartCommand implements Callable<Integer> {

  static final String SCHEMA = "xinsheng";
  static final String APP_USER = "xinsheng_app";

  @Option(
      names = "--http-port",
      defaultValue = "${env:XINSHENG_HTTP_PORT:-8080}",
      description = "HTTP port (XINSHENG_HTTP_PORT, default 8080)")
  int httpPort;

  @Option(
      names = "--data-dir",
      description =
          "where data, keys and logs live (XINSHENG_DATA_DIR, default: data/ in the install"
              + " folder; a relative path is taken from the current folder)")
  Path dataDir;

  @Option(
      names = "--runtime-dir",
      description = "folder with payara-micro.jar and xinsheng.war (default: next to this jar)")
  Path runtimeDir;

  @Option(
      names = "--heap",
      defaultValue = "${env:XINSHENG_HEAP:-512m}",
      description = "Java heap of the application server (XINSHENG_HEAP, default 512m)")
  String heap;

  @Option(
      names = "--ready-timeout",
      defaultValue = "180",
      description = "seconds to wait for the platform to become ready")
  int readyTimeoutSeconds;

  @Option(
      names = "--https-port",
      defaultValue = "${env:XINSHENG_HTTPS_PORT:-0}",
      description =
          "HTTPS port (XINSHENG_HTTPS_PORT; 0 = no HTTPS); plain HTTP then redirects to it")
  int httpsPort;

  @Option(
      names = "--tls-keystore",
      defaultValue = "${env:XINSHENG_TLS_KEYSTORE}",
      description =
          "PKCS#12 keystore with the server key under alias 'xinsheng' (XINSHENG_TLS_KEYSTORE)")
  Path tlsKeystore;

  @Option(
      names = "--tls-password-file",
      defaultValue = "${env:XINSHENG_TLS_PASSWORD_FILE}",
      description = "file holding the keystore's password (XINSHENG_TLS_PASSWORD_FILE)")
  Path tlsPasswordFile;

  private volatile ApplicationServer server;
  private volatile EmbeddedDatabase database;

  @Override
  public Integer call() throws Exception {
    Ports.requireFree(httpPort, "HTTP", "--http-port / XINSHENG_HTTP_PORT");
    dataDir = Files.createDirectories(InstallFolder.dataDir(dataDir));
    Path runtime = runtimeDir != null ? runtimeDir : defaultRuntimeDir();
    Thread hook = new Thread(this::shutdown, "xinsheng-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long started = System.nanoTime();

    Map<String, String> appEnvironment = new java.util.HashMap<>(prepareDatabase());
    // the audit log's signing key: created by the server at first start, readable by us only
    appEnvironment.put(
        "XINSHENG_AUDIT_KEY_DIR", dataDir.resolve("secrets").resolve("audit").toString());
    // evidence content, content-addressed, beside the database
    appEnvironment.put("XINSHENG_EVIDENCE_DIR", dataDir.resolve("evidence").toString());
    // course content from signed packages
    appEnvironment.put("XINSHENG_CONTENT_DIR", dataDir.resolve("content").toString());

    ApplicationServer.Tls tls = tls();
    if (tls != null) {
      // the web tier redirects plain HTTP to this port (the health probes on loopback excepted)
      appEnvironment.put("XINSHENG_HTTPS_PORT", Integer.toString(tls.port()));
    }
    say("正在启动应用服务器 / starting the application server (Payara Micro) …");
    server = ApplicationServer.start(runtime, dataDir, httpPort, appEnvironment, heap, tls);
    server.awaitReady(Duration.ofSeconds(readyTimeoutSeconds));
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    say("");
    afterReady("http://localhost:" + httpPort);
    say("新生已就绪 / Xinsheng is ready (" + seconds + " s): http://localhost:" + httpPort + "/");
    printLogins();
    say("按 Ctrl-C 停止 / press Ctrl-C to stop");
    int code = server.waitFor();
    // the server stopped by itself (or by a signal): stop the database with it
    shutdown();
    return code == 143 || code == 130 ? 0 : code;
  }

  /** HTTPS settings, checked before anything starts; null when HTTPS is off. */
  ApplicationServer.Tls tls() throws IOException {
    if (httpsPort == 0) {
      return null;
    }
    Ports.requireFree(httpsPort, "HTTPS", "--https-port / XINSHENG_HTTPS_PORT");
    if (tlsKeystore == null || !Files.isRegularFile(tlsKeystore)) {
      throw new LauncherException(
          "HTTPS 需要证书库 --tls-keystore（PKCS#12）：" + tlsKeystore,
          "HTTPS needs a keystore, --tls-keystore (PKCS#12): " + tlsKeystore);
    }
    if (tlsPasswordFile == null || !Files.isRegularFile(tlsPasswordFile)) {
      throw new LauncherException(
          "HTTPS 需要证书库密码文件 --tls-password-file",
          "HTTPS needs the keystore's password file, --tls-password-file");
    }
    return new ApplicationServer.Tls(
        httpsPort, tlsKeystore, Files.readString(tlsPasswordFile).strip());
  }

  /** The application account's password: made once, kept readable by this user only. */
  String applicationPassword() throws IOException {
    Path secrets = Files.createDirectories(dataDir.resolve("secrets"));
    Path file = secrets.resolve("db-app.password");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.writeString(file, password);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the data directory's own permissions apply
    }
    return password;
  }

  /** Prepares the database and returns the environment the application server needs. */
  abstract Map<String, String> prepareDatabase() throws IOException;

  void printLogins() {}

  /** What a start does once the server answers, before it says it is ready. */
  void afterReady(String baseUrl) {}

  synchronized void shutdown() {
    if (server != null) {
      say("正在停止 / stopping …");
      server.close();
      server = null;
    }
    if (database != null) {
      database.close();
      database = null;
      say("已停止 / stopped");
    }
  }

  /**
   * Refuses, with the reason, a database and a data directory that do not belong together (see
   * {@link DataDirectoryCheck}); reads both, changes neither.
   */
  void requireDataBelongsTogether(DatabaseTarget owner, String schema) {
    try (var c = owner.connect()) {
      DataDirectoryCheck.require(DataDirectoryCheck.read(c, schema, dataDir), dataDir);
    } catch (java.sql.SQLException e) {
      throw owner.explain(e);
    } catch (IOException e) {
      throw new LauncherException(
          "无法读取数据目录 " + dataDir + "：" + e.getMessage(),
          "cannot read the data directory " + dataDir + ": " + e.getMessage(),
          e);
    }
  }

  void useEmbedded(EmbeddedDatabase db) {
    this.database = db;
  }

  static void say(String line) {
    System.out.println(line);
  }

  static Path defaultRuntimeDir() {
    try {
      Path code =
          Path.of(
              XinshengCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // launcher/target/xinsheng-launcher.jar or launcher/target/classes -> launcher/target/runtime
      return code.getParent().resolve("runtime");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> environment(String url, String user, String password) {
    return Map.of(
        "XINSHENG_DB_URL", url,
        "XINSHENG_DB_USER", user,
        "XINSHENG_DB_PASSWORD", password == null ? "" : password);
  }

  /** {@code start-dev}: embedded MariaDB under ./data, migrations, demo data once. */
  @Command(
      name = "start-dev",
      mixinStandardHelpOptions = true,
      description = "启动开发/演示环境：内置数据库与演示数据 / start with the embedded database and demo data")
  static class Dev extends StartCommand {

    @Option(
        names = "--db-port",
        defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}",
        description = "port of the embedded database (never 3306; default 3307)")
    int dbPort;

    @Option(
        names = "--test-clock",
        defaultValue = "${env:XINSHENG_TEST_CLOCK}",
        description =
            "仅供测试：平台时钟固定于此时刻 / tests only: pin the platform's clock at this instant"
                + " (ISO-8601 with an offset, e.g. 2026-06-15T10:00:00+08:00; XINSHENG_TEST_CLOCK);"
                + " `start` refuses it")
    String testClock;

    /** The test clock, checked before anything starts. */
    Optional<Instant> testInstant() {
      if (testClock == null || testClock.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(OffsetDateTime.parse(testClock.strip()).toInstant());
      } catch (DateTimeParseException e) {
        throw new LauncherException(
            "--test-clock 须为带时区偏移的 ISO-8601 时刻，例如 2026-06-15T10:00:00+08:00",
            "--test-clock must be an ISO-8601 instant with an offset, e.g. 2026-06-15T10:00:00+08:00");
      }
    }

    @Override
    Map<String, String> prepareDatabase() throws IOException {
      Optional<Instant> pinned = testInstant();
      Clock clock = LauncherClock.platform(pinned);
      pinned.ifPresent(
          at ->
              say(
                  "警告：测试时钟，平台时间固定于 "
                      + at
                      + " / warning: TEST CLOCK, the platform's clock is pinned at "
                      + at));
      Embedded.Prepared db = Embedded.prepare(this, dbPort);
      DatabaseTarget owner = db.owner();
      String appPassword = db.appPassword();
      boolean fresh;
      try (var c = owner.connect()) {
        fresh = !DemoData.isLoaded(c);
      } catch (java.sql.SQLException e) {
        throw owner.explain(e);
      }
      if (fresh) {
        say("正在载入演示数据 / loading demo data …");
        DemoData.load(owner, clock);
      }
      DemoData.ensureCatalogue(owner, clock);
      DemoData.ensureCaseDesk(owner, clock);
      DemoCommendations.ensure(owner, clock);
      ReadinessDemo.ensure(owner, clock); // issue 20: release ward, offices, community1
      // issue 18 item 10: the demo prison's past is written once, through the services, while
      // the clock replays it (ADR 0010); only on the start that finds it missing
      historyPending = DemoHistory.pending(owner);
      historyOwner = owner;
      Map<String, String> env =
          new java.util.HashMap<>(
              environment(db.database().applicationUrl(SCHEMA), APP_USER, appPassword));
      // a demonstration must walk a case through its waits (5 working days of posting, the
      // court's 5 days) in minutes: the demo may move the case calendar forward, never back,
      // and each move is in the audit log. `start` never sets this.
      env.put("XINSHENG_CASES_DEMO_CLOCK", "true");
      // tests pin the platform's clock, so they never take a business date from the wall clock
      env.put("XINSHENG_TEST_CLOCK", pinned.map(Instant::toString).orElse(""));
      env.put("XINSHENG_DEMO_HISTORY", Boolean.toString(historyPending));
      return env;
    }

    /** Whether this start writes the demo prison's past (its first start). */
    boolean historyPending;

    private DatabaseTarget historyOwner;

    @Override
    void afterReady(String baseUrl) {
      if (historyPending) {
        // first, while nobody else writes: every other demo happens in the present
        say("正在写入演示监狱的一年历史 / writing the demo prison's year of history …");
        try {
          String done = DemoHistory.write(baseUrl);
          DemoHistory.mark(historyOwner, done);
          say(done);
        } catch (IOException e) {
          DemoHistory.mark(historyOwner, "failed: " + e.getMessage());
          say("警告 / warning: 演示历史未能写入 / demo history not written: " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        say(DemoContent.ensure(baseUrl, dataDir));
      } catch (IOException e) {
        say("警告 / warning: 演示课程未能导入 / demo courses not imported: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        say(ReadinessDemo.activity(baseUrl)); // issue 20: plans, handovers, a first report
      } catch (IOException e) {
        say("警告 / warning: 出监计划演示数据未能载入 / release plan demo not loaded: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        say(MusicDemo.ensure(baseUrl, dataDir)); // issue 19 (music-study)
      } catch (IOException e) {
        say("警告 / warning: 民乐演示数据未能导入 / demo music not loaded: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // issue 19: the demo exams (a finished session with certificates, an open one to mark)
      try {
        say(MusicExamDemo.ensure(baseUrl));
      } catch (IOException e) {
        say("警告 / warning: 演示考级未能载入 / demo exams not loaded: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // issue 20 (readiness-risk): risk assessments of inmates near release, one override signed
      try {
        say(RiskDemo.ensure(baseUrl));
      } catch (IOException e) {
        say("警告 / warning: 演示风险评估未能完成 / demo risk assessments not made: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    void printLogins() {
      say(
          "演示账户（密码均为 "
              + DemoData.PASSWORD
              + "）/ demo logins (password "
              + DemoData.PASSWORD
              + "):");
      say("  " + String.join(", ", DemoData.loginsPerRole()));
    }
  }

  /**
   * {@code start-embedded}: the production platform on the embedded database (issue 21: what the
   * air-gap bundle's service runs). Real clock, no demo data; the first administrator is made with
   * a one-time password when there are no accounts, as for {@code start}.
   */
  @Command(
      name = "start-embedded",
      mixinStandardHelpOptions = true,
      description =
          "以内置数据库运行正式平台（无演示数据）/ run the production platform on the embedded database (no demo data)")
  static class Embedded extends StartCommand {

    @Option(
        names = "--db-port",
        defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}",
        description = "port of the embedded database (never 3306; default 3307)")
    int dbPort;

    @Option(
        names = "--training",
        defaultValue = "${env:XINSHENG_TRAINING:-false}",
        description =
            "培训环境：载入演示监狱与演示账户（切勿用于正式环境）/ a training installation: load the demo prison"
                + " and its demo logins (never in production; XINSHENG_TRAINING)")
    boolean training;

    record Prepared(EmbeddedDatabase database, DatabaseTarget owner, String appPassword) {}

    /** Starts the embedded database, applies the hygiene and migrations, grants the app account. */
    static Prepared prepare(StartCommand start, int dbPort) throws IOException {
      Ports.requireFree(dbPort, "内置数据库 embedded database", "--db-port / XINSHENG_DB_EMBEDDED_PORT");
      say("正在启动内置数据库 / starting the embedded database (MariaDB, port " + dbPort + ") …");
      EmbeddedDatabase db = new EmbeddedDatabase(start.dataDir, dbPort);
      start.useEmbedded(db);
      // from here on the launcher restarts a mariadbd that dies, and says so
      db.start();
      DatabaseTarget server = db.owner("");
      start.requireDataBelongsTogether(server, SCHEMA);
      // issue 14: no anonymous accounts, no test database, root over the socket only
      for (String removed : DatabaseHygiene.apply(server)) {
        say("内置数据库已移除 / removed from the embedded database: " + removed);
      }
      try (var c = server.connect();
          var s = c.createStatement()) {
        s.execute(
            "CREATE DATABASE IF NOT EXISTS `"
                + SCHEMA
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      } catch (java.sql.SQLException e) {
        throw server.explain(e);
      }
      DatabaseTarget owner = db.owner(SCHEMA);
      int applied = SchemaMigration.migrate(owner);
      say("数据库迁移 / migrations applied: " + applied);
      String appPassword = start.applicationPassword();
      try {
        SchemaMigration.grantApplicationAccount(owner, SCHEMA, APP_USER, appPassword, "127.0.0.1");
      } catch (java.sql.SQLException e) {
        throw owner.explain(e);
      }
      return new Prepared(db, owner, appPassword);
    }

    @Override
    Map<String, String> prepareDatabase() throws IOException {
      External.refuseDemonstrationClocks();
      Prepared db = prepare(this, dbPort);
      Clock clock = LauncherClock.platform(Optional.empty());
      if (training) {
        // a training server for officers and teachers: the demo prison on the real clock (the
        // demonstration's movable case calendar stays start-dev's)
        say(
            "警告：培训环境，含演示账户（密码 "
                + DemoData.PASSWORD
                + "）/ warning: TRAINING installation with demo logins");
        try (var c = db.owner().connect()) {
          if (!DemoData.isLoaded(c)) {
            DemoData.load(db.owner(), clock);
          }
        } catch (java.sql.SQLException e) {
          throw db.owner().explain(e);
        }
        DemoData.ensureCatalogue(db.owner(), clock);
        DemoData.ensureCaseDesk(db.owner(), clock);
        DemoCommendations.ensure(db.owner(), clock);
      } else {
        FirstAdministrator.createIfNoAccounts(db.owner(), clock)
            .ifPresent(External::printFirstAdministrator);
      }
      return environment(db.database().applicationUrl(SCHEMA), APP_USER, db.appPassword());
    }
  }

  /** {@code start}: an external MariaDB given by XINSHENG_DB_URL / _USER / _PASSWORD. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "连接外部 MariaDB 启动 / start against an external MariaDB (XINSHENG_DB_URL, XINSHENG_DB_USER, XINSHENG_DB_PASSWORD)")
  static class External extends StartCommand {

    /**
     * A production platform runs on the real clock: the demonstration's and tests' are start-dev's.
     */
    static void refuseDemonstrationClocks() {
      for (String setting :
          List.of("XINSHENG_TEST_CLOCK", "XINSHENG_CASES_DEMO_CLOCK", "XINSHENG_DEMO_HISTORY")) {
        String value = System.getenv(setting);
        if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("false")) {
          throw new LauncherException(
              setting + " 只用于 start-dev（演示与测试）；start 拒绝启动",
              setting + " is for start-dev (demonstrations and tests) only; start refuses it");
        }
      }
    }

    static void printFirstAdministrator(String initial) {
      say("已创建首个管理员账户 / created the first administrator account:");
      say("  " + FirstAdministrator.USERNAME + " / " + initial);
      say(
          "  请记下此初始密码；首次登录时必须修改 / note this initial password; it must be changed at the first login");
    }

    @Override
    Map<String, String> prepareDatabase() throws IOException {
      refuseDemonstrationClocks();
      String url = System.getenv("XINSHENG_DB_URL");
      String user = System.getenv("XINSHENG_DB_USER");
      String password = System.getenv("XINSHENG_DB_PASSWORD");
      if (url == null || url.isBlank() || user == null || user.isBlank()) {
        throw new LauncherException(
            "请设置 XINSHENG_DB_URL 和 XINSHENG_DB_USER（以及 XINSHENG_DB_PASSWORD）",
            "set XINSHENG_DB_URL and XINSHENG_DB_USER (and XINSHENG_DB_PASSWORD)");
      }
      if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
        throw new LauncherException(
            "XINSHENG_DB_URL 须为 jdbc:mariadb://主机:端口/库名",
            "XINSHENG_DB_URL must be jdbc:mariadb://host:port/database");
      }
      DatabaseTarget owner = new DatabaseTarget(url, user, password);
      say("正在连接数据库 / connecting to " + url + " …");
      try (var c = owner.connect()) {
        c.isValid(5);
      } catch (java.sql.SQLException e) {
        throw owner.explain(e);
      }
      requireDataBelongsTogether(owner, SchemaMigration.schemaAndClientHost(owner)[0]);
      int applied = SchemaMigration.migrate(owner);
      say("数据库迁移 / migrations applied: " + applied);
      FirstAdministrator.createIfNoAccounts(owner, LauncherClock.platform(Optional.empty()))
          .ifPresent(External::printFirstAdministrator);
      // the site's own application account, if it made one
      String siteAppUser = System.getenv("XINSHENG_DB_APP_USER");
      if (siteAppUser != null && !siteAppUser.isBlank()) {
        return environment(url, siteAppUser, System.getenv("XINSHENG_DB_APP_PASSWORD"));
      }
      // otherwise the launcher makes a least-privilege account, as for the embedded database
      String[] schemaAndHost = SchemaMigration.schemaAndClientHost(owner);
      try {
        String appPassword = applicationPassword();
        SchemaMigration.grantApplicationAccount(
            owner, schemaAndHost[0], APP_USER, appPassword, schemaAndHost[1]);
        say("应用数据库账户 / application database account: " + APP_USER + "@" + schemaAndHost[1]);
        return environment(url, APP_USER, appPassword);
      } catch (java.sql.SQLException | IOException e) {
        throw new LauncherException(
            "无法创建应用数据库账户（"
                + e.getMessage()
                + "）；请授予 "
                + user
                + " CREATE USER 权限，或设置 XINSHENG_DB_APP_USER 和 XINSHENG_DB_APP_PASSWORD",
            "cannot create the application's database account ("
                + e.getMessage()
                + "); grant "
                + user
                + " CREATE USER, or set XINSHENG_DB_APP_USER and XINSHENG_DB_APP_PASSWORD");
      }
    }
  }
}
