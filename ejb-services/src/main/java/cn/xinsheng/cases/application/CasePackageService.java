package cn.xinsheng.cases.application;

import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.auditlog.application.SubjectHeads;
import cn.xinsheng.auditlog.application.SubjectPackages;
import cn.xinsheng.cases.infrastructure.CaseDocuments;
import cn.xinsheng.evidence.application.EvidenceBytes;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The case package a court receives, in one file: the proposal PDF with its tables, the evidence
 * files, and every log entry about the inmate with its inclusion proof, ending at his head (so the
 * package proves it holds all of them), plus the list of records as the database holds them. The
 * PDF's hash goes into the log first, then the head, which is waited for until a checkpoint signs
 * it, so the verifier can vouch for the PDF as for every evidence file.
 */
@Stateless
@RolesAllowed({
  Role.EXECUTION_NAME,
  Role.WARDEN_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.HIGH_JUDGE_NAME
})
public class CasePackageService {

  @Inject CaseFiles caseFiles;
  @Inject CasePackageLog log;
  @Inject AuditSequencer sequencer;
  @Inject SubjectHeads heads;
  @Inject SubjectPackages packages;
  @Inject EvidenceBytes evidenceBytes;
  @Inject Caller caller;
  @Inject PrisonTime time;

  /** Writes the package; answers its file name. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String write(long caseId, OutputStream out) throws IOException {
    CaseFile f = caseFiles.fileForPackage(caseId);
    Instant now = time.now();
    byte[] pdf =
        CaseDocuments.proposal(f, caller.name(), now, time.zone(), caseFiles.peopleNames(f));
    String pdfSha = cn.xinsheng.audit.MerkleTree.sha256Hex(pdf);
    String failure = sequencer.selfCheckFailure();
    if (failure != null) {
      // the real reason: a broken log signs nothing, so the package could never be made
      throw Refusal.conflict("audit.error.broken", failure);
    }
    String marker = "case-package/" + caseId + "/" + UUID.randomUUID();
    log.produced(f.summary().prisonerNumber(), caseId, f.summary().number(), pdfSha, marker);
    long head = heads.head(f.summary().prisonerNumber());
    Map<String, Map<String, Object>> records = caseFiles.recordsForPackage(caseId);
    String pdfName = "case/" + f.summary().number() + ".pdf";
    packages.write(
        f.summary().prisonerNumber(),
        head,
        out,
        new SubjectPackages.Contents() {
          @Override
          public Map<String, Object> recordFields(String subject, String action) {
            // a point entry's leaves are its recording and its reviews: only the recording holds
            // the entry's own fields
            if (subject.startsWith("point-entry/")
                && !action.startsWith("ledger.entry.recorded")
                && !action.equals("ledger.entry.amended")
                && !action.equals("ledger.entry.correction")) {
              return Map.of();
            }
            if (subject.startsWith("case/") && !action.equals("case.proposed")) {
              return Map.of();
            }
            return records.getOrDefault(subject, Map.of());
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
    return f.summary().number() + "-package.zip";
  }
}
