package cn.xinsheng.auditlog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN, with the reason, when the log fails its own check or a business
 * record it binds no longer matches its entry (named by table, row and field).
 */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

  @Inject AuditSequencer sequencer;
  @Inject RecordCheck records;

  @Override
  public HealthCheckResponse call() {
    String failure;
    try {
      failure = sequencer.selfCheckFailure();
    } catch (jakarta.ejb.EJBException e) {
      // the log is still being read at start-up
      return HealthCheckResponse.named("audit-log").down().withData("reason", "starting").build();
    }
    if (failure == null) {
      failure = records.failure();
    }
    if (failure == null) {
      return HealthCheckResponse.named("audit-log").up().build();
    }
    return HealthCheckResponse.named("audit-log").down().withData("reason", failure).build();
  }
}
