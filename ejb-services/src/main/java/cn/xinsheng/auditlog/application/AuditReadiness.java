package cn.xinsheng.auditlog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is DOWN when the log fails its own check or a business record it binds no
 * longer matches its entry. Anyone may read readiness, so it says only the reason's key ({@code
 * audit.starting}, {@code audit.broken}, {@code audit.record-changed}) and, for a changed record,
 * which row (table and id) — never what was found in it; the details are in the server log and, for
 * the administrator and the witness, in the self-check and {@code /api/v1/audit/alerts}.
 */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

  static final String STARTING = "audit.starting";
  static final String BROKEN = "audit.broken";
  static final String RECORD_CHANGED = "audit.record-changed";

  @Inject AuditSequencer sequencer;
  @Inject RecordCheck records;

  @Override
  public HealthCheckResponse call() {
    String failure;
    try {
      failure = sequencer.selfCheckFailure();
    } catch (jakarta.ejb.EJBException e) {
      // the log is still being read at start-up
      return HealthCheckResponse.named("audit-log").down().withData("reason", STARTING).build();
    }
    if (failure != null) {
      return HealthCheckResponse.named("audit-log").down().withData("reason", BROKEN).build();
    }
    java.util.List<RecordCheck.Mismatch> changed = records.mismatches();
    if (changed.isEmpty()) {
      return HealthCheckResponse.named("audit-log").up().build();
    }
    return HealthCheckResponse.named("audit-log")
        .down()
        .withData("reason", RECORD_CHANGED)
        .withData("record", changed.get(0).row())
        .withData("records", changed.size())
        .build();
  }
}
