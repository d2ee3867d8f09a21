package cn.xinsheng.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mariadb-secure-installation} would do, done by the launcher to the embedded database
 * at every start (issue 14, finding 12): the anonymous accounts go, the {@code test} database and
 * the grants every user had on {@code test} and {@code test_%} go, and {@code root} exists only as
 * {@code root@localhost}, reachable over the unix socket by the operating system's root alone. Each
 * step is a no-op the second time, so a data directory from before this rule is mended too.
 */
final class DatabaseHygiene {

  private DatabaseHygiene() {}

  /** What was removed, for the start-up message; empty when there was nothing to do. */
  static List<String> apply(DatabaseTarget server) {
    List<String> done = new ArrayList<>();
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      for (String[] account : accounts(s, "User = '' OR (User = 'root' AND Host <> 'localhost')")) {
        s.execute("DROP USER '" + sql(account[0]) + "'@'" + sql(account[1]) + "'");
        done.add("account '" + account[0] + "'@'" + account[1] + "'");
      }
      if (!accounts(s, "User = 'root' AND Host = 'localhost'").isEmpty()) {
        // no password at all: only the unix socket, only for the operating system's root
        s.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket");
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'test'")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          s.execute("DROP DATABASE test");
          done.add("database test");
        }
      }
      int grants =
          s.executeUpdate(
              "DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\\\_%' OR Db LIKE 'test\\\\_%'");
      if (grants > 0) {
        done.add(grants + " grants on test databases");
      }
      s.execute("FLUSH PRIVILEGES");
    } catch (SQLException e) {
      throw server.explain(e);
    }
    return done;
  }

  private static List<String[]> accounts(Statement s, String where) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT User, Host FROM mysql.user WHERE " + where)) {
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return out;
  }

  private static String sql(String value) {
    return value.replace("\\", "\\\\").replace("'", "''");
  }
}
