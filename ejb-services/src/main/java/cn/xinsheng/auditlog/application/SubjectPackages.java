package cn.xinsheng.auditlog.application;

import cn.xinsheng.auditlog.infrastructure.AuditExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * One inmate's extract of the log with files of another context's making beside it, in the case
 * package's format (issue 20: the handover to community corrections), so {@code bin/xinsheng
 * verify} checks it offline as it checks a court's package: every file must be vouched for by a
 * verified entry's hash, and a changed one is named. The caller checks the reader's right and has
 * written, and had signed, the inmate's head ({@link SubjectHeads}).
 */
@ApplicationScoped
public class SubjectPackages {

  @Inject AuditSequencer sequencer;
  @Inject BoundRecords bindings;
  @Inject Clock clock;

  /** What the package holds besides the log extract. */
  public interface Contents {
    /** The record fields a leaf is compared with (empty: the leaf stands for no listed record). */
    Map<String, Object> recordFields(String subject, String action);

    /** The package's own files, by name under {@code case/}. */
    Map<String, byte[]> files();

    /** A file a verified entry names by SHA-256 (evidence, earlier documents), or null. */
    byte[] bySha256(String sha256) throws IOException;
  }

  /** Whether the log has sequenced anything about the inmate yet (his chain has a head). */
  public boolean knows(String prisonerNumber) {
    return sequencer.knowsSubject("inmate/" + prisonerNumber);
  }

  public void write(String prisonerNumber, long headIndex, OutputStream out, Contents contents)
      throws IOException {
    AuditExporter.CasePackage p =
        new AuditExporter.CasePackage() {
          @Override
          public Map<String, Object> recordFields(String subject, String action) {
            return contents.recordFields(subject, action);
          }

          @Override
          public Map<String, byte[]> files() {
            return contents.files();
          }

          @Override
          public byte[] evidence(String sha256) throws IOException {
            return contents.bySha256(sha256);
          }
        };
    try {
      new AuditExporter(sequencer.store(), sequencer.origin(), clock, bindings.forms())
          .export(new ExportScope.Inmate(prisonerNumber, headIndex), out, p);
    } catch (SQLException e) {
      throw new IOException("the audit log cannot be read: " + e.getMessage(), e);
    }
  }

  /** Why the log cannot sign anything now, or null when it is sound. */
  public String failure() {
    return sequencer.selfCheckFailure();
  }
}
