package cn.xinsheng.launcher;

import cn.xinsheng.identity.domain.PasswordHash;
import cn.xinsheng.identity.domain.Role;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * A new production database has no accounts, so nobody could log in to create one. The first {@code
 * start} on an empty database creates the account {@code sysadmin} with a random initial password,
 * printed once on the console, which must be changed at the first login.
 */
final class FirstAdministrator {

  static final String USERNAME = "sysadmin";
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private FirstAdministrator() {}

  /** Creates the first administrator if there is no account at all; returns his password. */
  static Optional<String> createIfNoAccounts(DatabaseTarget owner, Clock clock) {
    try (Connection c = owner.connect()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM account")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return Optional.empty();
        }
      }
      SecureRandom random = new SecureRandom();
      StringBuilder password = new StringBuilder();
      for (int i = 0; i < 14; i++) {
        password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      password.append("!7");
      c.setAutoCommit(false);
      try (PreparedStatement account =
          c.prepareStatement(
              "INSERT INTO account (username, display_name, password_hash, must_change_password,"
                  + " enabled, failed_attempts, created_at) VALUES (?, ?, ?, TRUE, TRUE, 0, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        account.setString(1, USERNAME);
        account.setString(2, "系统管理员");
        account.setString(3, PasswordHash.create(password.toString().toCharArray()).encoded());
        account.setTimestamp(4, Timestamp.from(clock.instant()));
        account.executeUpdate();
        long id;
        try (ResultSet keys = account.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        try (PreparedStatement role =
            c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)")) {
          role.setLong(1, id);
          role.setString(2, Role.SYS_ADMIN.name());
          role.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
      return Optional.of(password.toString());
    } catch (SQLException e) {
      throw owner.explain(e);
    }
  }
}
