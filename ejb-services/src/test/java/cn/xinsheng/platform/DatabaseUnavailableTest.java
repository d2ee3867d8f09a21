package cn.xinsheng.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void aRefusedConnectionDeepInTheChainIsRecognised() {
    // as EJB, JPA and the pool wrap the driver's failure after kill -9 of mariadbd
    Throwable driver =
        new SQLNonTransientConnectionException(
            "Socket fail to connect to 127.0.0.1:3307. Connection refused",
            "08000",
            new ConnectException("Connection refused"));
    SQLException pool = new SQLException("Error in allocating a connection");
    pool.setNextException(new SQLException("allocation", driver));
    Throwable wrapped = new EJBException(new PersistenceException("EclipseLink-4002", pool));
    assertTrue(DatabaseUnavailable.isCause(wrapped));
  }

  @Test
  void aServerShuttingDownOrACommunicationsFailureIsRecognised() {
    assertTrue(
        DatabaseUnavailable.isCause(new SQLException("shutdown in progress", "HY000", 1053)));
    assertTrue(DatabaseUnavailable.isCause(new SQLException("link failure", "08S01")));
    assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new PoolingException("busy"))));
    // a commit on a connection the server dropped, as the transaction manager reports it
    assertTrue(
        DatabaseUnavailable.isCause(
            new EJBException(
                "Unable to complete container-managed transaction.",
                new Exception(
                    new javax.transaction.xa.XAException(
                        "jakarta.resource.spi.LocalTransactionException: (conn=14) Connection is"
                            + " closed")))));
  }

  @Test
  void aRefusedRowOrABugIsNot() {
    assertFalse(
        DatabaseUnavailable.isCause(
            new EJBException(
                new PersistenceException(
                    new SQLIntegrityConstraintViolationException("duplicate", "23000", 1062)))));
    assertFalse(DatabaseUnavailable.isCause(new NullPointerException()));
    // a cycle in the chain ends the walk
    RuntimeException a = new RuntimeException();
    RuntimeException b = new RuntimeException(a);
    a.initCause(b);
    assertFalse(DatabaseUnavailable.isCause(a));
  }

  /** Stands in for Payara's pool exception, which is matched by its simple name. */
  static final class PoolingException extends Exception {
    private static final long serialVersionUID = 1L;

    PoolingException(String message) {
      super(message);
    }
  }
}
