package cn.xinsheng.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: {@code /health/ready}. Anyone may call it, so a DOWN says
 * only the reason's key ({@code database.unavailable}); the driver's own words (host, port, socket
 * error) go to the server log, once when the database goes away and once when it is back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  private volatile boolean down;

  @Override
  public HealthCheckResponse call() {
    String failure;
    try (Connection c = dataSource.getConnection()) {
      if (c.isValid(2)) {
        if (down) {
          down = false;
          LOG.warning("the database answers again");
        }
        return HealthCheckResponse.named("database").up().build();
      }
      failure = "the connection did not answer within 2 s";
    } catch (SQLException e) {
      failure = e.toString();
    }
    if (!down) {
      down = true;
      LOG.log(Level.WARNING, "readiness DOWN, the database cannot be reached: {0}", failure);
    } else {
      LOG.log(Level.FINE, "the database still cannot be reached: {0}", failure);
    }
    return HealthCheckResponse.named("database")
        .down()
        .withData("reason", DatabaseUnavailable.READINESS_REASON)
        .build();
  }
}
