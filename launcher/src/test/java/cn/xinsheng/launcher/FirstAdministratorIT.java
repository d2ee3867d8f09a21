package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.PasswordHash;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a production installation ({@code start}, {@code start-embedded}, the air-gap bundle
 * without {@code --training}) has no demo accounts, so the first start on an empty database must
 * make the one account that lets anyone in: {@code sysadmin}, with a one-time password that must be
 * changed at the first login. Run on a real embedded MariaDB with every migration applied, as the
 * launcher runs it; no application server is needed for this.
 */
class FirstAdministratorIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);

  private static EmbeddedDatabase database;
  private static DatabaseTarget owner;

  @BeforeAll
  static void emptyProductionDatabase() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "first-admin-");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    database = new EmbeddedDatabase(data.toAbsolutePath(), port);
    database.start();
    try (Connection c = database.owner("").connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE `"
              + StartCommand.SCHEMA
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    owner = database.owner(StartCommand.SCHEMA);
    assertTrue(SchemaMigration.migrate(owner) > 0, "the migrations ran on the empty database");
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theFirstStartMakesOneAdministratorWithAOneTimePasswordAndTheSecondMakesNone()
      throws Exception {
    Optional<String> first = FirstAdministrator.createIfNoAccounts(owner, CLOCK);
    assertTrue(first.isPresent(), "an empty database gets its first administrator");
    String password = first.get();
    assertTrue(password.length() >= 16, "long enough to guess by no one: " + password.length());
    // no look-alike characters (0/O, 1/l/I) on a password read off a console and typed by hand
    assertTrue(password.chars().noneMatch(ch -> "0O1lI".indexOf(ch) >= 0), password);

    try (Connection c = owner.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.username, a.password_hash, a.must_change_password, a.enabled,"
                    + " r.role FROM account a JOIN account_role r ON r.account_id = a.id")) {
      assertTrue(rs.next(), "the account and its role were written");
      assertEquals(FirstAdministrator.USERNAME, rs.getString(1));
      PasswordHash hash = PasswordHash.parse(rs.getString(2));
      assertTrue(hash.matches(password.toCharArray()), "the printed password logs in");
      assertFalse(hash.matches((password + "x").toCharArray()), "another does not");
      assertTrue(rs.getBoolean(3), "the password must be changed at the first login");
      assertTrue(rs.getBoolean(4), "the account is enabled");
      assertEquals("SYS_ADMIN", rs.getString(5));
      assertFalse(rs.next(), "one account with one role, nothing else");
    }

    assertEquals(
        Optional.empty(),
        FirstAdministrator.createIfNoAccounts(owner, CLOCK),
        "a second start finds an account and prints no password");
    try (Connection c = owner.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM account")) {
      rs.next();
      assertEquals(1, rs.getLong(1));
    }
  }
}
