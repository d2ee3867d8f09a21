package cn.xinsheng.readiness.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where risk assessments, their overrides with the second officer's signature, and validation
 * reports live (ADR 0013: the repository is the domain's, the SQL the infrastructure's). Rows are
 * only ever added: a new assessment is a new row, an override a row beside the score it overrides.
 */
public interface RiskRecords {

  /** An assessment as stored: the values it was scored on and where each came from. */
  record StoredAssessment(
      long id,
      long inmateId,
      String instrumentId,
      Map<String, String> values,
      Map<String, String> sources,
      double logOdds,
      double probability,
      RiskLevel level,
      String assessedBy,
      Instant assessedAt) {}

  /** An override as requested, with its countersignature once the named officer has signed. */
  record StoredOverride(
      long id,
      long assessmentId,
      RiskLevel scored,
      RiskLevel decided,
      String reason,
      String requestedBy,
      String secondOfficer,
      Instant requestedAt,
      String signedBy,
      Instant signedAt) {

    public boolean signed() {
      return signedBy != null;
    }
  }

  /** A validation report computed on imported outcomes. */
  record StoredValidation(
      long id,
      String instrumentId,
      String source,
      String fileSha256,
      int cases,
      int reoffended,
      Double auc,
      String reportJson,
      String importedBy,
      Instant importedAt) {}

  StoredAssessment addAssessment(
      long inmateId,
      String instrumentId,
      Map<String, String> values,
      Map<String, String> sources,
      RiskScore score,
      String by,
      Instant at);

  Optional<StoredAssessment> assessment(long id);

  /** The inmate's assessments, newest first. */
  List<StoredAssessment> assessmentsOf(long inmateId);

  StoredOverride addOverride(long assessmentId, RiskOverride request, Instant at);

  Optional<StoredOverride> override(long id, boolean lock);

  List<StoredOverride> overridesOf(long assessmentId);

  /** Unsigned overrides naming this login as the second officer, oldest first. */
  List<StoredOverride> awaitingSignatureOf(String login);

  void sign(long overrideId, String by, Instant at);

  StoredValidation addValidation(
      String instrumentId,
      String source,
      String sha256,
      ValidationReport report,
      String reportJson,
      String by,
      Instant at);

  /** Validation reports, newest first. */
  List<StoredValidation> validations();
}
