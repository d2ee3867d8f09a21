package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.auditlog.application.BoundRecords;
import cn.xinsheng.auditlog.application.SubjectHeads;
import cn.xinsheng.auditlog.infrastructure.AuditExporter;
import cn.xinsheng.evidence.application.EvidenceSettings;
import cn.xinsheng.evidence.infrastructure.EvidenceFiles;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * An exported certificate that a court or an employer checks offline with {@code bin/xinsheng
 * verify}: the inmate's audit extract in the case-package form (the same verifier, no second
 * format), with the certificate PDF among its files. The PDF's SHA-256 is the evidence hash of the
 * certificate's {@code music.certificate.issued} entry, so a changed copy fails and the verifier
 * names the file; the certificate row, as the database holds it, must match the logged fields.
 */
@Stateless
@RolesAllowed({Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
public class CertificatePackageService {

  @Inject ExamService exams;
  @Inject AuditSequencer sequencer;
  @Inject SubjectHeads heads;
  @Inject BoundRecords bindings;
  @Inject EvidenceSettings evidence;
  @Inject Clock clock;

  /** Writes the package; answers its file name. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String write(String code, OutputStream out) throws IOException {
    ExamService.CertificateRecord c = exams.certificateRecord(code);
    String failure = sequencer.selfCheckFailure();
    if (failure != null) {
      throw Refusal.conflict("audit.error.broken", failure);
    }
    long head = heads.head(c.prisonerNumber());
    EvidenceFiles files = new EvidenceFiles(evidence.dir());
    byte[] pdf = Files.readAllBytes(files.path(c.sha256()));
    String pdfName = "case/certificate-" + c.code() + ".pdf";
    AuditExporter.CasePackage p =
        new AuditExporter.CasePackage() {
          @Override
          public Map<String, Object> recordFields(String subject, String action) {
            return subject.equals(c.subject()) && "music.certificate.issued".equals(action)
                ? c.fields()
                : Map.of();
          }

          @Override
          public Map<String, byte[]> files() {
            return Map.of(pdfName, pdf);
          }

          @Override
          public byte[] evidence(String sha256) throws IOException {
            Path path = files.path(sha256);
            return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
          }
        };
    try {
      new AuditExporter(sequencer.store(), sequencer.origin(), clock, bindings.forms())
          .export(new AuditExporter.Inmate(c.prisonerNumber(), head), out, p);
    } catch (SQLException e) {
      throw new IOException("the audit log cannot be read: " + e.getMessage(), e);
    }
    return "certificate-" + c.code() + ".zip";
  }
}
