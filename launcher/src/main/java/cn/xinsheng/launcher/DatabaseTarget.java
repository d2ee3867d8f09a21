package cn.xinsheng.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Where the database is and which account owns the schema. */
public record DatabaseTarget(String url, String user, String password) {

  public Connection connect() {
    try {
      return DriverManager.getConnection(url, user, password == null ? "" : password);
    } catch (SQLException e) {
      throw explain(e);
    }
  }

  /** Turns a driver error into the one-line message an operator can act on. */
  LauncherException explain(SQLException e) {
    int code = e.getErrorCode();
    if (code == 1045
        || e instanceof SQLInvalidAuthorizationSpecException
        || "28000".equals(e.getSQLState())) {
      return new LauncherException(
          "数据库拒绝了用户名或密码（" + user + "@" + url + "）；请检查 XINSHENG_DB_USER 和 XINSHENG_DB_PASSWORD",
          "the database refused the username or password ("
              + user
              + " at "
              + url
              + "); check XINSHENG_DB_USER and XINSHENG_DB_PASSWORD");
    }
    if (code == 1049) {
      return new LauncherException(
          "数据库不存在：" + url + "；请先创建它（CREATE DATABASE … CHARACTER SET utf8mb4）",
          "the database does not exist: "
              + url
              + "; create it first (CREATE DATABASE … CHARACTER SET utf8mb4)");
    }
    if (e instanceof SQLNonTransientConnectionException
        || e instanceof SQLTransientConnectionException
        || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
      return new LauncherException(
          "无法连接数据库 " + url + "；请确认数据库已启动、地址和端口正确",
          "cannot reach the database at "
              + url
              + "; check that it is running and the address and port are right");
    }
    return new LauncherException("数据库出错：" + e.getMessage(), "database error: " + e.getMessage(), e);
  }
}
