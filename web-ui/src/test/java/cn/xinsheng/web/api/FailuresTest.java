package cn.xinsheng.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.platform.Refusal;
import jakarta.ejb.EJBException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * What the mappers read under a failure: a database that cannot be reached (503, retry), a row the
 * database refused (409 or 400), or something else (500). Containers wrap; the innermost cause
 * decides.
 */
class FailuresTest {

  /** Named as Payara's pool names its failure; only the name is known to the application. */
  static final class PoolingException extends Exception {
    PoolingException(String m) {
      super(m);
    }
  }

  private static RuntimeException wrapped(Throwable cause) {
    // as EclipseLink and the EJB container hand it on
    return new EJBException(new RuntimeException("persistence", cause));
  }

  @Test
  void aLostOrRefusedConnectionIsTheDatabaseUnavailable() {
    assertTrue(Failures.databaseUnavailable(wrapped(new SQLNonTransientConnectionException("x"))));
    assertTrue(Failures.databaseUnavailable(wrapped(new SQLTransientConnectionException("x"))));
    assertTrue(Failures.databaseUnavailable(wrapped(new SQLException("socket", "08S01"))));
    assertTrue(Failures.databaseUnavailable(wrapped(new ConnectException("refused"))));
    assertTrue(
        Failures.databaseUnavailable(
            wrapped(
                new SQLException(
                    "Error in allocating a connection", new PoolingException("max")))));
    SQLException chained = new SQLException("batch", "HY000");
    chained.setNextException(new SQLException("gone", "08003"));
    assertTrue(Failures.databaseUnavailable(wrapped(chained)));
  }

  /** Shaped as EclipseLink's exception: the driver's failure is its internal exception only. */
  static final class DatabaseException extends RuntimeException {
    private final Throwable internal;

    DatabaseException(Throwable internal) {
      super("Exception [EclipseLink-4002]");
      this.internal = internal;
    }

    public Throwable getInternalException() {
      return internal;
    }
  }

  /** As the server logged it with the embedded database killed: the access check reading roles. */
  @Test
  void thePoolFailingToConnectUnderEclipseLinkIsTheDatabaseUnavailable() {
    SQLException pool =
        new SQLException(
            "Error in allocating a connection",
            new PoolingException("Connection could not be allocated"));
    pool.getCause().initCause(new SQLNonTransientConnectionException("Socket fail to connect"));
    assertTrue(Failures.databaseUnavailable(new EJBException(new DatabaseException(pool))));
    assertFalse(Failures.databaseUnavailable(new EJBException(new DatabaseException(null))));
  }

  @Test
  void aRefusedRowIsAConflictOrAValueNotAnOutage() {
    SQLException duplicate = new SQLException("Duplicate entry", "23000");
    assertTrue(Failures.conflict(wrapped(duplicate)));
    assertFalse(Failures.databaseUnavailable(wrapped(duplicate)));
    assertTrue(Failures.conflict(wrapped(new SQLException("Deadlock", "40001"))));
    SQLException tooLong = new SQLException("Data too long", "22001");
    assertTrue(Failures.valueRejected(wrapped(tooLong)));
    assertFalse(Failures.conflict(wrapped(tooLong)));
  }

  @Test
  void aBugIsNoneOfThese() {
    RuntimeException bug = wrapped(new NullPointerException());
    assertFalse(Failures.databaseUnavailable(bug));
    assertFalse(Failures.conflict(bug));
    assertFalse(Failures.valueRejected(bug));
  }

  @Test
  void aRefusalUnderAContainerExceptionIsFound() {
    Refusal r = Refusal.invalid("ledger.error.fact");
    assertTrue(Failures.find(new EJBException(new RuntimeException(r)), Refusal.class).isPresent());
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(Failures.databaseUnavailable(a));
  }
}
