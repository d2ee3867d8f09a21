package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the embedded database's backup and restore round trip, on real embedded MariaDB servers
 * and without an application server: a restore loads the dump into the schema it names (the dump's
 * own CREATE DATABASE and USE lines are left out, so embedded and external backups restore into
 * either kind).
 */
class EmbeddedBackupIT {

  @Test
  void aBackupRestoresIntoANewDataDirectory() throws Exception {
    Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "embedded-backup-");
    Path data = root.resolve("data");
    Path data2 = root.resolve("data2");
    Path passphrase = Files.writeString(root.resolve("pass"), "correct horse battery staple");
    Path backup = root.resolve("b.tar.gz");
    int port = freePort();
    try (EmbeddedDatabase db = new EmbeddedDatabase(data, port)) {
      db.start();
      try (Connection c = db.owner("").connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE `xinsheng` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      assertTrue(SchemaMigration.migrate(db.owner("xinsheng")) > 0);
      assertTrue(
          FirstAdministrator.createIfNoAccounts(db.owner("xinsheng"), Clock.systemUTC())
              .isPresent());
      Files.createDirectories(data.resolve("secrets"));
      Files.writeString(data.resolve("secrets/db-app.password"), "app-secret");
      assertEquals(
          0,
          XinshengCommand.run(
              "backup",
              "--data-dir=" + data,
              "--db-port=" + port,
              "--out=" + backup,
              "--passphrase-file=" + passphrase));
    }
    int port2 = freePort();
    assertEquals(
        0,
        XinshengCommand.run(
            "restore",
            backup.toString(),
            "--data-dir=" + data2,
            "--db-port=" + port2,
            "--passphrase-file=" + passphrase));
    assertEquals("app-secret", Files.readString(data2.resolve("secrets/db-app.password")));
    try (EmbeddedDatabase db = new EmbeddedDatabase(data2, port2)) {
      db.start();
      try (Connection c = db.owner("xinsheng").connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT username FROM account")) {
        assertTrue(rs.next());
        assertEquals(FirstAdministrator.USERNAME, rs.getString(1));
      }
    }
    BackupCommand.deleteTree(root);
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }
}
