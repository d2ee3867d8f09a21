package cn.xinsheng.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Column values of native queries in Java's types: the JDBC driver and EclipseLink answer numbers,
 * booleans, dates and timestamps in a few shapes; the read models take them through here.
 */
public final class SqlValues {

  /** Whether a failed write broke a unique key (SQLSTATE 23000, MariaDB error 1062). */
  public static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (t instanceof java.sql.SQLException s && s.getErrorCode() == 1062) {
        return true;
      }
    }
    return false;
  }

  private SqlValues() {}

  public static long num(Object o) {
    return ((Number) o).longValue();
  }

  public static Integer integer(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  public static boolean bool(Object o) {
    return o instanceof Boolean b ? b : o != null && ((Number) o).intValue() != 0;
  }

  public static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof java.sql.Date d
        ? d.toLocalDate()
        : o instanceof LocalDate l ? l : LocalDate.parse(o.toString());
  }

  public static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    return (Instant) o;
  }
}
