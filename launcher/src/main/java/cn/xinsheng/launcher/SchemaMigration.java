package cn.xinsheng.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway (the migrations ship in the services jar), and gives the
 * application's own database account exactly the rights it needs: no UPDATE or DELETE on tables
 * whose comment is {@code append-only}.
 */
public final class SchemaMigration {

  static final String APPEND_ONLY = "append-only";

  private SchemaMigration() {}

  public static int migrate(DatabaseTarget owner) {
    try {
      MigrateResult result =
          Flyway.configure()
              .dataSource(owner.url(), owner.user(), owner.password())
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              // migrations are named by issue (V<issue>_<n>) and issues land in any order: a
              // database that already has V16_1 must still take a V12_2 or V14_1 that landed
              // after it, instead of refusing to start
              .outOfOrder(true)
              .load()
              .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof SQLException)) {
        cause = cause.getCause();
      }
      if (cause instanceof SQLException sql) {
        throw owner.explain(sql);
      }
      throw new LauncherException(
          "数据库迁移失败：" + e.getMessage(), "database migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Creates (or re-keys) the application account and grants it table by table. Run after every
   * migration so that a new append-only table never starts with UPDATE or DELETE rights.
   */
  static void grantApplicationAccount(
      DatabaseTarget owner, String schema, String appUser, String appPassword, String clientHost)
      throws SQLException {
    String account = "'" + appUser + "'@'" + sqlString(clientHost) + "'";
    String identified = " IDENTIFIED BY '" + sqlString(appPassword) + "'";
    try (Connection c = owner.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE USER IF NOT EXISTS " + account + identified);
      s.execute("ALTER USER " + account + identified);
      // start from nothing, then grant per table
      s.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account);
      for (String[] table : tables(c, schema)) {
        boolean appendOnly = APPEND_ONLY.equalsIgnoreCase(table[1]);
        String rights = appendOnly ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
        s.execute("GRANT " + rights + " ON `" + schema + "`.`" + table[0] + "` TO " + account);
      }
      // no FLUSH PRIVILEGES: CREATE USER, GRANT and REVOKE take effect at once, and FLUSH needs
      // the RELOAD right, which an external database's schema owner has no reason to hold
    }
  }

  /** The schema and the client host the server sees for the owner's connection. */
  static String[] schemaAndClientHost(DatabaseTarget owner) {
    try (Connection c = owner.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DATABASE(), SUBSTRING_INDEX(USER(), '@', -1)")) {
      rs.next();
      return new String[] {rs.getString(1), rs.getString(2)};
    } catch (SQLException e) {
      throw owner.explain(e);
    }
  }

  private static List<String[]> tables(Connection c, String schema) throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          // Flyway's history is the owner's business, not the application's
          if (!name.equals("flyway_schema_history")) {
            tables.add(new String[] {name, rs.getString(2)});
          }
        }
      }
    }
    return tables;
  }

  private static String sqlString(String value) {
    return value.replace("\\", "\\\\").replace("'", "''");
  }
}
