package cn.xinsheng.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure that means "the database cannot be reached right now" (it is down, being
 * restarted, or every connection is taken) rather than a fault in the request or a bug. Such a
 * failure is answered 503 with {@code service.unavailable}, on the API and on the screens, and not
 * logged as an unexpected error: the launcher brings an embedded database back by itself, and the
 * caller may simply try again.
 *
 * <p>What it looks for anywhere in the cause chain (EJB, JPA and pool exceptions wrap the driver's
 * several times over): the driver's connection exceptions, SQLSTATE class 08 (connection
 * exception), MariaDB's "server shutdown in progress" (1053) and "too many connections" (1040), a
 * refused socket, and the pool's "no connection could be allocated" (Payara's {@code
 * PoolingException}, matched by name: it is not on the application's class path).
 */
public final class DatabaseUnavailable {

  /** The message key of the 503 answer, for the API's JSON and the screens' page. */
  public static final String KEY = "service.unavailable";

  /** The readiness check's reason while the database cannot be reached. */
  public static final String READINESS_REASON = "database.unavailable";

  private DatabaseUnavailable() {}

  public static boolean isCause(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        int code = sql.getErrorCode();
        if ((state != null && state.startsWith("08")) || code == 1053 || code == 1040) {
          return true;
        }
      }
      if (t instanceof javax.transaction.xa.XAException
          && String.valueOf(t.getMessage()).contains("LocalTransactionException")) {
        // the pool reports a commit on a dropped connection as an XAException carrying the
        // LocalTransactionException's text only, not as its cause
        return true;
      }
      String type = t.getClass().getSimpleName();
      if (type.equals("PoolingException")
          || type.equals("ResourceAllocationException")
          // a commit on a connection the server dropped ("Connection is closed")
          || type.equals("LocalTransactionException")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    // the pool and EclipseLink chain the driver's exception as the "next" SQL exception
    return t instanceof SQLException sql ? sql.getNextException() : null;
  }
}
