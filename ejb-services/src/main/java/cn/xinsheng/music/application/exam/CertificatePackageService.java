package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.auditlog.application.SubjectHeads;
import cn.xinsheng.auditlog.application.SubjectPackages;
import cn.xinsheng.evidence.application.EvidenceBytes;
import cn.xinsheng.evidence.application.EvidenceStore;
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
  @Inject SubjectPackages packages;
  @Inject EvidenceStore evidenceStore;
  @Inject EvidenceBytes evidenceBytes;

  /** Writes the package; answers its file name. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String write(String code, OutputStream out) throws IOException {
    ExamService.CertificateRecord c = exams.certificateRecord(code);
    String failure = sequencer.selfCheckFailure();
    if (failure != null) {
      throw Refusal.conflict("audit.error.broken", failure);
    }
    long head = heads.head(c.prisonerNumber());
    byte[] pdf = Files.readAllBytes(evidenceStore.path(c.sha256()));
    String pdfName = "case/certificate-" + c.code() + ".pdf";
    packages.write(
        c.prisonerNumber(),
        head,
        out,
        new SubjectPackages.Contents() {
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
          public byte[] bySha256(String sha256) throws IOException {
            return evidenceBytes.bySha256(sha256);
          }
        });
    return "certificate-" + c.code() + ".zip";
  }
}
