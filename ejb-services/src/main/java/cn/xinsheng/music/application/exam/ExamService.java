package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.application.EvidenceSettings;
import cn.xinsheng.evidence.application.EvidenceStore;
import cn.xinsheng.evidence.domain.EvidenceKind;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.AudioKind;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.exam.Certificates;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.domain.exam.ExamRules;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.infrastructure.exam.CertificatePdf;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a CNOS exam (DOMAIN §5, issue 19) leaves as evidence: the candidate's performance, recorded
 * before anyone may mark it, its hash in the audit leaf; the result the board publishes; and for a
 * pass a certificate whose PDF's hash is in the audit log, with its verification, its export record
 * and its file. Scheduling, marking and reading are {@link ExamScheduling}, {@link ExamMarking} and
 * {@link ExamQueries}. Every recording and every publication is an audit event; no row is ever
 * changed.
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class ExamService {

  private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ExamCandidates examCandidates;
  @Inject Certificates certificates;
  @Inject ExamSettings settings;
  @Inject EvidenceSettings evidenceSettings;
  @Inject EvidenceStore evidenceStore;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;
  @Inject cn.xinsheng.music.application.TakeService takes;
  @Inject cn.xinsheng.music.application.MusicSettings musicSettings;
  @Inject ExamReadModel model;

  public record ResultView(
      long candidateId, String grade, String gradeName, String total, String certificateCode) {}

  public record Verification(
      boolean genuine,
      String code,
      String prisonerNumber,
      String inmateName,
      String instrumentName,
      String levelName,
      String gradeName,
      LocalDate examDate,
      String sha256) {}

  // --- the performance (evidence first) ---------------------------------------------------------

  /**
   * Records the candidate's performance: checked by decoding it (WAV, and whatever the music
   * context's decoder accepts), stored by its SHA-256, the hash in the audit leaf. Once only.
   */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.EXAMINER_NAME})
  public String recordPerformance(long candidateId, InputStream content) {
    ExamReadModel.Candidate c = model.readableCandidate(candidateId);
    if (c.performanceSha() != null) {
      throw Refusal.conflict("music.exam.error.performanceRecorded");
    }
    EvidenceStore files = evidenceStore;
    EvidenceStore.Received received;
    long max = evidenceSettings.maxBytes(EvidenceKind.AUDIO);
    try {
      received = files.receive(content, max);
    } catch (EvidenceStore.TooLarge e) {
      throw Refusal.invalid("evidence.error.tooLarge", max >> 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = received.file();
    String sha = received.sha256();
    long size = received.size();
    PcmAudio audio;
    AudioKind kind;
    // the bytes for the performance's take (item 3), when the take store can hold them
    byte[] takeBytes = null;
    try {
      kind = AudioKind.sniff(received.head());
      audio = new AudioDecoding().decode(file);
      if (audio.durationSeconds() < 1) {
        throw new MusicRefusal("short", "录音过短（不足 1 秒）", "the recording is shorter than 1 s");
      }
      if (size <= musicSettings.maxTakeBytes()) {
        takeBytes = Files.readAllBytes(file);
      }
      files.keep(received);
    } catch (MusicRefusal r) {
      files.discard(received);
      throw Refusal.invalid("music.exam.error.audio", r.zh(), r.en());
    } catch (IOException e) {
      files.discard(received);
      throw new UncheckedIOException(e);
    }
    Instant now = time.now();
    double seconds = Math.round(audio.durationSeconds() * 100) / 100.0;
    long id =
        examCandidates.insert(
            new ExamCandidates.NewPerformance(
                candidateId, sha, kind.label(), size, seconds, caller.name(), now));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("inmate", c.prisonerNumber());
    p.put("format", kind.label());
    p.put("size", size);
    p.put("seconds", Double.toString(seconds));
    auditLog.record(
        "music.exam.performance.recorded", "music-performance/" + id, p, List.of(sha), now);
    // the same bytes as a take of the candidate's, analysed for the pitch and tempo charts that
    // the inmate, his teacher and the examiners on his panel see (item 3); a file the take store
    // cannot hold leaves the performance without charts, never unrecorded
    if (takeBytes != null) {
      takes.recordPerformance(candidateId, takeBytes);
    }
    return sha;
  }

  /** The recorded performance's file, for the panel and the board. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.EXAMINER_NAME})
  public Path performance(long candidateId) {
    ExamReadModel.Candidate c = model.readableCandidate(candidateId);
    if (c.performanceSha() == null) {
      throw Refusal.notFound("music.exam.error.noPerformance");
    }
    return evidenceStore.path(c.performanceSha());
  }

  // --- publication and certificates -------------------------------------------------------------

  public ResultView publish(long candidateId) {
    ExamReadModel.Candidate c = model.candidate(candidateId);
    if (c.published()) {
      throw Refusal.conflict("music.exam.error.published");
    }
    ExamRules rules = settings.rules();
    MarkSheet sheet = model.sheet(candidateId);
    if (!sheet.complete(rules)) {
      throw Refusal.conflict(
          sheet.thirdNeeded(rules)
              ? "music.exam.error.thirdMissing"
              : "music.exam.error.marksMissing");
    }
    double total = sheet.total(rules).orElseThrow();
    ExamGrade grade = rules.grade(total);
    Instant now = time.now();
    long id =
        examCandidates.insert(
            new ExamCandidates.NewResult(
                candidateId,
                java.math.BigDecimal.valueOf(total),
                grade,
                sheet.thirdNeeded(rules),
                caller.name(),
                now));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("inmate", c.prisonerNumber());
    p.put("instrument", c.instrument());
    p.put("level", c.level());
    p.put("total", Double.toString(total));
    p.put("grade", grade.name());
    p.put("thirdExaminer", sheet.thirdNeeded(rules));
    auditLog.record("music.exam.published", "music-exam-result/" + id, p, List.of(), now);
    String code = grade.passed() ? issueCertificate(c, grade, now) : null;
    return new ResultView(candidateId, grade.name(), grade.zh(), ExamReadModel.fmt(total), code);
  }

  private String issueCertificate(ExamReadModel.Candidate c, ExamGrade grade, Instant now) {
    String code = newCode();
    byte[] pdf;
    try {
      pdf =
          CertificatePdf.render(
              new CertificatePdf.Facts(
                  code,
                  c.prisonerNumber(),
                  c.inmateName(),
                  c.instrumentName(),
                  c.levelName(),
                  grade.zh(),
                  c.date(),
                  time.today()));
    } catch (IOException e) {
      throw new IllegalStateException("certificate", e);
    }
    String sha = keep(pdf);
    long id = certificates.insert(c.id(), code, sha, now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", c.id());
    p.put("inmate", c.prisonerNumber());
    p.put("code", code);
    p.put("instrument", c.instrument());
    p.put("level", c.level());
    p.put("grade", grade.name());
    auditLog.record("music.certificate.issued", "music-certificate/" + id, p, List.of(sha), now);
    return code;
  }

  private String keep(byte[] bytes) {
    EvidenceStore files = evidenceStore;
    try {
      EvidenceStore.Received r = files.receive(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
      files.keep(r);
      return r.sha256();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String newCode() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return b.toString();
  }

  /**
   * Whether a certificate code is genuine, and what it states. Any signed-in reader may ask (staff
   * and the external readers who received a copy); an external reader's read is logged like every
   * read of his.
   */
  @PermitAll
  public Verification verify(String code) {
    String normalised = code == null ? "" : code.strip().toUpperCase();
    if (!normalised.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")) {
      return new Verification(false, normalised, null, null, null, null, null, null, null);
    }
    Optional<Certificates.Certificate> found = certificates.find(normalised);
    if (found.isEmpty()) {
      return new Verification(false, normalised, null, null, null, null, null, null, null);
    }
    ExamQueries.CandidateView v = model.view(model.candidate(found.get().candidateId()));
    return new Verification(
        true,
        normalised,
        v.prisonerNumber(),
        v.inmateName(),
        v.instrumentName(),
        v.levelName(),
        v.gradeName(),
        v.date(),
        found.get().sha256());
  }

  /** What a certificate's export needs: whose it is, its log subject and the fields it logged. */
  public record CertificateRecord(
      String code,
      String prisonerNumber,
      String subject,
      String sha256,
      Map<String, Object> fields) {}

  /** A certificate for its export: the board, and the inmate his own. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
  public CertificateRecord certificateRecord(String code) {
    Certificates.Certificate row = readableCertificate(code);
    ExamReadModel.Candidate c = model.candidate(row.candidateId());
    // the fields as music.certificate.issued logged them, read back from the tables now: a row
    // edited after the fact no longer matches its log entry, and the verifier says so
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("candidate", c.id());
    f.put("inmate", c.prisonerNumber());
    f.put("code", row.code());
    f.put("instrument", c.instrument());
    f.put("level", (long) c.level());
    f.put("grade", c.grade() == null ? null : c.grade().name());
    return new CertificateRecord(
        row.code(), c.prisonerNumber(), "music-certificate/" + row.id(), row.sha256(), f);
  }

  /** A certificate's PDF: the board, and the inmate his own. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
  public byte[] certificatePdf(String code) {
    Certificates.Certificate row = readableCertificate(code);
    try {
      return Files.readAllBytes(evidenceStore.path(row.sha256()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The certificate with this code, if the caller may read it: the board any, an inmate his own.
   */
  private Certificates.Certificate readableCertificate(String code) {
    Certificates.Certificate row =
        certificates
            .find(code == null ? "" : code.strip().toUpperCase())
            .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownCertificate"));
    if (!caller.has(Role.EDU_ADMIN) && scope.ownInmate().getId() != row.inmateId()) {
      throw Refusal.notFound("music.exam.error.unknownCertificate");
    }
    return row;
  }
}
