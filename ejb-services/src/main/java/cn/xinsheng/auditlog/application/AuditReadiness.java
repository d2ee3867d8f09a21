package cn.xinsheng.auditlog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN when the log fails its own check. Anyone may read readiness, so it
 * says only the reason's key ({@code audit.starting}, {@code audit.broken}); what is broken is in
 * the server log and, for the administrator, in the self-check ({@code POST
 * /api/v1/audit/self-check}, the admin page).
 */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

  static final String STARTING = "audit.starting";
  static final String BROKEN = "audit.broken";

  @Inject AuditSequencer sequencer;

  @Override
  public HealthCheckResponse call() {
    String failure;
    try {
      failure = sequencer.selfCheckFailure();
    } catch (jakarta.ejb.EJBException e) {
      // the log is still being read at start-up
      return HealthCheckResponse.named("audit-log").down().withData("reason", STARTING).build();
    }
    if (failure == null) {
      return HealthCheckResponse.named("audit-log").up().build();
    }
    return HealthCheckResponse.named("audit-log").down().withData("reason", BROKEN).build();
  }
}
