package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.application.EvidenceSettings;
import cn.xinsheng.evidence.domain.EvidenceKind;
import cn.xinsheng.evidence.infrastructure.EvidenceFiles;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.AudioKind;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.music.domain.exam.Certificates;
import cn.xinsheng.music.domain.exam.Eligibility;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.domain.exam.ExamPanels;
import cn.xinsheng.music.domain.exam.ExamRefusal;
import cn.xinsheng.music.domain.exam.ExamRules;
import cn.xinsheng.music.domain.exam.ExamSessions;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.domain.exam.Placements;
import cn.xinsheng.music.domain.exam.Recusal;
import cn.xinsheng.music.domain.exam.RubricItem;
import cn.xinsheng.music.infrastructure.exam.CertificatePdf;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.domain.Inmate;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CNOS graded exams (DOMAIN §5, issue 19). The exam board (education administrator) opens sessions,
 * registers eligible candidates, seats two examiners per candidate (recusal refused), and publishes
 * results; the candidate's performance is recorded as evidence before anyone may mark it; each
 * examiner marks alone and sees the other's marks only once both are in; a pass gets a certificate
 * whose hash is in the audit log. Every mark and every publication is an audit event; no row is
 * ever changed.
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class ExamService {

  private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ExamSessions examSessions;
  @Inject Placements placements;
  @Inject ExamCandidates examCandidates;
  @Inject ExamPanels panels;
  @Inject Certificates certificates;
  @Inject MusicCatalogue catalogue;
  @Inject ExamSettings settings;
  @Inject EvidenceSettings evidenceSettings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;
  @Inject RecusalLog recusals;
  @Inject TaughtLearners taught;
  @Inject AccountDirectory accounts;
  @Inject InmateDirectory inmates;
  @Inject cn.xinsheng.music.application.TakeService takes;
  @Inject cn.xinsheng.music.application.MusicSettings musicSettings;
  @Inject jakarta.enterprise.inject.Instance<cn.xinsheng.cases.application.CaseLists> cases;

  // --- views ------------------------------------------------------------------------------------

  public record SessionView(
      long id,
      LocalDate date,
      String room,
      String instrument,
      String instrumentName,
      int level,
      String levelName,
      int candidates,
      int published) {}

  public record CandidateView(
      long id,
      long sessionId,
      LocalDate date,
      String room,
      String instrument,
      String instrumentName,
      int level,
      String levelName,
      String prisonerNumber,
      String inmateName,
      String basis,
      boolean performanceRecorded,
      String performanceSha256,
      Long performanceTake,
      List<String> panel,
      int marksIn,
      boolean markedByMe,
      boolean thirdNeeded,
      boolean complete,
      String grade,
      String gradeName,
      String total,
      String certificateCode) {}

  public record ExaminerOption(String username, String name, List<String> recusalReasons) {}

  public record MarksView(
      long candidateId,
      boolean bothIn,
      boolean thirdNeeded,
      Map<String, Map<String, Integer>> marks) {}

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

  public record StatLine(
      int year, String instrument, String instrumentName, int level, int candidates, int passes) {}

  /** An instrument or a level as a screen offers it. */
  public record Choice(String value, String nameZh, String nameEn) {}

  /** The active instruments, in the catalogue's order (V19_1). */
  public List<Choice> instruments() {
    return catalogue.instruments().stream()
        .map(i -> new Choice(i.code(), i.nameZh(), i.nameEn()))
        .toList();
  }

  /** The levels with their names (settings in music_level). */
  public List<Choice> levels() {
    return catalogue.levels().stream()
        .map(l -> new Choice(String.valueOf(l.level()), l.nameZh(), l.nameEn()))
        .toList();
  }

  // --- sessions, placement, registration --------------------------------------------------------

  public long createSession(LocalDate date, String room, String instrument, int level) {
    if (date == null) {
      throw Refusal.invalid("music.exam.error.date");
    }
    if (room == null || room.isBlank() || room.strip().length() > 60) {
      throw Refusal.invalid("music.exam.error.room");
    }
    instrument(instrument);
    level(level);
    Instant now = time.now();
    long id =
        examSessions.insert(
            new ExamSessions.NewSession(date, room.strip(), instrument, level, caller.name(), now));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("session", id);
    p.put("date", date.toString());
    p.put("room", room.strip());
    p.put("instrument", instrument);
    p.put("level", level);
    auditLog.record("music.exam.session.created", "music-exam-session/" + id, p, List.of(), now);
    return id;
  }

  /**
   * A placement decision: the board lets an inmate sit a level without the one below, for a reason.
   */
  public long place(String prisonerNumber, String instrument, int level, String reason) {
    Inmate inmate = inmate(prisonerNumber);
    instrument(instrument);
    level(level);
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw Refusal.invalid("music.exam.error.reason");
    }
    Instant now = time.now();
    long id =
        placements.insert(inmate.getId(), instrument, level, reason.strip(), caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("instrument", instrument);
    p.put("level", level);
    p.put("reason", reason.strip());
    auditLog.record("music.exam.placement", "music-placement/" + id, p, List.of(), now);
    return id;
  }

  public long register(long sessionId, String prisonerNumber) {
    ExamSessions.Examined s =
        examSessions
            .examined(sessionId)
            .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownSession"));
    String instrument = s.instrumentCode();
    int level = s.level();
    Inmate inmate = inmate(prisonerNumber);
    if (examCandidates.registered(sessionId, inmate.getId())) {
      throw Refusal.conflict("music.exam.error.alreadyRegistered");
    }
    Optional<Integer> passed = examCandidates.highestPassedLevel(inmate.getId(), instrument);
    Optional<Placements.Placement> placement = placements.latest(inmate.getId(), instrument, level);
    Eligibility.Basis basis;
    try {
      basis = Eligibility.decide(level, passed, placement.map(Placements.Placement::level));
    } catch (ExamRefusal r) {
      throw refusal(r);
    }
    Instant now = time.now();
    Long placementId =
        basis == Eligibility.Basis.PLACEMENT
            ? placement.map(Placements.Placement::id).orElse(null)
            : null;
    long id =
        examCandidates.insert(
            new ExamCandidates.NewCandidate(
                sessionId, inmate.getId(), basis, placementId, caller.name(), now));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", id);
    p.put("session", sessionId);
    p.put("inmate", prisonerNumber);
    p.put("basis", basis.name());
    auditLog.record("music.exam.registered", "music-exam-candidate/" + id, p, List.of(), now);
    return id;
  }

  // --- the panel --------------------------------------------------------------------------------

  /** Every examiner, with what keeps him off this candidate's panel (empty: he may sit). */
  public List<ExaminerOption> examinerOptions(long candidateId) {
    Candidate c = candidate(candidateId);
    List<ExaminerOption> out = new ArrayList<>();
    for (AccountDirectory.Person examiner : accounts.holders(Role.EXAMINER)) {
      String u = examiner.login();
      out.add(
          new ExaminerOption(u, examiner.name(), reasons(u, c).stream().map(Enum::name).toList()));
    }
    return out;
  }

  /** Seats an examiner on a candidate's panel; an examiner with a reason to recuse is refused. */
  public int assign(long candidateId, String examiner) {
    Candidate c = candidate(candidateId);
    // on record, enabled or not, as the panel has always been checked
    if (examiner == null || !accounts.hasRoleOnRecord(examiner, Role.EXAMINER)) {
      throw Refusal.invalid("music.exam.error.notExaminer");
    }
    MarkSheet sheet = sheet(candidateId);
    List<Recusal.Reason> reasons = reasons(examiner, c);
    if (!reasons.isEmpty() && !sheet.panel().contains(examiner)) {
      // the reason is kept even though the assignment is refused (issue 19: "the reason is
      // recorded")
      recusals.record(candidateId, examiner, reasons);
    }
    try {
      sheet.checkSeat(examiner, reasons, settings.rules());
    } catch (ExamRefusal r) {
      throw refusal(r);
    }
    if (c.published) {
      throw Refusal.conflict("music.exam.error.published");
    }
    int seat = sheet.panel().size() + 1;
    Instant now = time.now();
    long id = panels.seat(candidateId, seat, examiner, caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("seat", seat);
    p.put("examiner", examiner);
    auditLog.record("music.exam.panel.assigned", "music-panel-seat/" + id, p, List.of(), now);
    return seat;
  }

  /** An examiner declares that he knows a candidate: he is kept off that candidate's panels. */
  @RolesAllowed(Role.EXAMINER_NAME)
  public void declareConflict(long candidateId, String note) {
    Candidate c = candidate(candidateId);
    if (note == null || note.isBlank() || note.strip().length() > 500) {
      throw Refusal.invalid("music.exam.error.reason");
    }
    Instant now = time.now();
    long id = panels.declareConflict(caller.name(), c.inmateId, note.strip(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("inmate", c.prisonerNumber);
    p.put("note", note.strip());
    auditLog.record("music.exam.conflict.declared", "music-conflict/" + id, p, List.of(), now);
  }

  private List<Recusal.Reason> reasons(String examiner, Candidate c) {
    boolean taughtHim = taught.inmateIdsTaughtBy(examiner).contains(c.inmateId);
    boolean section = accounts.servesInSection(examiner, c.sectionId);
    boolean declared = panels.declaredConflict(examiner, c.inmateId);
    return Recusal.reasons(new Recusal.Facts(taughtHim, section, declared));
  }

  // --- the performance (evidence first) ---------------------------------------------------------

  /**
   * Records the candidate's performance: checked by decoding it (WAV, and whatever the music
   * context's decoder accepts), stored by its SHA-256, the hash in the audit leaf. Once only.
   */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.EXAMINER_NAME})
  public String recordPerformance(long candidateId, InputStream content) {
    Candidate c = readableCandidate(candidateId);
    if (c.performanceSha != null) {
      throw Refusal.conflict("music.exam.error.performanceRecorded");
    }
    EvidenceFiles files = new EvidenceFiles(evidenceSettings.dir());
    EvidenceFiles.Received received;
    long max = evidenceSettings.maxBytes(EvidenceKind.AUDIO);
    try {
      received = files.receive(content, max);
    } catch (EvidenceFiles.TooLarge e) {
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
    p.put("inmate", c.prisonerNumber);
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
    Candidate c = readableCandidate(candidateId);
    if (c.performanceSha == null) {
      throw Refusal.notFound("music.exam.error.noPerformance");
    }
    return new EvidenceFiles(evidenceSettings.dir()).path(c.performanceSha);
  }

  // --- marking ----------------------------------------------------------------------------------

  @RolesAllowed(Role.EXAMINER_NAME)
  public MarksView mark(long candidateId, Map<String, Integer> given) {
    Candidate c = candidate(candidateId);
    if (c.published) {
      throw Refusal.conflict("music.exam.error.published");
    }
    Map<RubricItem, Integer> marks = new EnumMap<>(RubricItem.class);
    for (Map.Entry<String, Integer> e : given.entrySet()) {
      try {
        marks.put(RubricItem.valueOf(e.getKey()), e.getValue());
      } catch (IllegalArgumentException | NullPointerException x) {
        throw Refusal.invalid("music.exam.error.allItems");
      }
    }
    MarkSheet sheet = sheet(candidateId);
    ExamRules rules = settings.rules();
    try {
      sheet.checkMarks(caller.name(), c.performanceSha != null, marks, rules);
    } catch (ExamRefusal r) {
      throw refusal(r);
    }
    if (sheet.panel().indexOf(caller.name()) == 2 && !sheet.thirdNeeded(rules)) {
      throw Refusal.conflict("music.exam.error.panelFull");
    }
    Instant now = time.now();
    for (RubricItem i : RubricItem.values()) {
      panels.mark(candidateId, caller.name(), i, marks.get(i), now);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("examiner", caller.name());
    for (RubricItem i : RubricItem.values()) {
      p.put(i.name().toLowerCase(), marks.get(i));
    }
    auditLog.record(
        "music.exam.marked",
        "music-exam-mark/" + candidateId + "/" + caller.name(),
        p,
        List.of(),
        now);
    return marks(candidateId);
  }

  /** The marks the caller may see: his own, and the others' once both panel marks are in. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.EXAMINER_NAME})
  public MarksView marks(long candidateId) {
    readableCandidate(candidateId);
    MarkSheet sheet = sheet(candidateId);
    boolean board = caller.has(Role.EDU_ADMIN);
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    sheet
        .visibleTo(caller.name(), board)
        .forEach(
            (e, m) -> {
              Map<String, Integer> items = new LinkedHashMap<>();
              for (RubricItem i : RubricItem.values()) {
                items.put(i.name(), m.get(i));
              }
              out.put(e, items);
            });
    return new MarksView(
        candidateId, sheet.panelMarked(), sheet.thirdNeeded(settings.rules()), out);
  }

  // --- publication and certificates -------------------------------------------------------------

  public ResultView publish(long candidateId) {
    Candidate c = candidate(candidateId);
    if (c.published) {
      throw Refusal.conflict("music.exam.error.published");
    }
    ExamRules rules = settings.rules();
    MarkSheet sheet = sheet(candidateId);
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
    p.put("inmate", c.prisonerNumber);
    p.put("instrument", c.instrument);
    p.put("level", c.level);
    p.put("total", Double.toString(total));
    p.put("grade", grade.name());
    p.put("thirdExaminer", sheet.thirdNeeded(rules));
    auditLog.record("music.exam.published", "music-exam-result/" + id, p, List.of(), now);
    String code = grade.passed() ? issueCertificate(c, grade, now) : null;
    return new ResultView(candidateId, grade.name(), grade.zh(), fmt(total), code);
  }

  private String issueCertificate(Candidate c, ExamGrade grade, Instant now) {
    String code = newCode();
    byte[] pdf;
    try {
      pdf =
          CertificatePdf.render(
              new CertificatePdf.Facts(
                  code,
                  c.prisonerNumber,
                  c.inmateName,
                  c.instrumentName,
                  c.levelName,
                  grade.zh(),
                  c.date,
                  time.today()));
    } catch (IOException e) {
      throw new IllegalStateException("certificate", e);
    }
    String sha = keep(pdf);
    long id = certificates.insert(c.id, code, sha, now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", c.id);
    p.put("inmate", c.prisonerNumber);
    p.put("code", code);
    p.put("instrument", c.instrument);
    p.put("level", c.level);
    p.put("grade", grade.name());
    auditLog.record("music.certificate.issued", "music-certificate/" + id, p, List.of(sha), now);
    return code;
  }

  private String keep(byte[] bytes) {
    EvidenceFiles files = new EvidenceFiles(evidenceSettings.dir());
    try {
      EvidenceFiles.Received r = files.receive(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
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
    CandidateView v = view(candidate(found.get().candidateId()));
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
    Candidate c = candidate(row.candidateId());
    // the fields as music.certificate.issued logged them, read back from the tables now: a row
    // edited after the fact no longer matches its log entry, and the verifier says so
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("candidate", c.id);
    f.put("inmate", c.prisonerNumber);
    f.put("code", row.code());
    f.put("instrument", c.instrument);
    f.put("level", (long) c.level);
    f.put("grade", c.grade == null ? null : c.grade.name());
    return new CertificateRecord(
        row.code(), c.prisonerNumber, "music-certificate/" + row.id(), row.sha256(), f);
  }

  /** A certificate's PDF: the board, and the inmate his own. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
  public byte[] certificatePdf(String code) {
    Certificates.Certificate row = readableCertificate(code);
    try {
      return Files.readAllBytes(new EvidenceFiles(evidenceSettings.dir()).path(row.sha256()));
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

  // --- reading ----------------------------------------------------------------------------------

  public List<SessionView> sessions() {
    return examSessions.all().stream()
        .map(
            s ->
                new SessionView(
                    s.id(),
                    s.date(),
                    s.room(),
                    s.instrumentCode(),
                    s.instrumentZh(),
                    s.level(),
                    s.levelZh(),
                    s.candidates(),
                    s.published()))
        .toList();
  }

  /** The examiner's queue: the candidates he sits on the panel of. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public List<CandidateView> candidates(long sessionId) {
    return views(
        caller.has(Role.EDU_ADMIN)
            ? examCandidates.inSession(sessionId)
            : examCandidates.inSessionOnPanelOf(sessionId, caller.name()));
  }

  /** The examiner's own candidates (all, for the board), newest session first. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public List<CandidateView> myCandidates() {
    return views(
        caller.has(Role.EDU_ADMIN)
            ? examCandidates.all()
            : examCandidates.onPanelOf(caller.name()));
  }

  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public CandidateView candidateView(long candidateId) {
    return view(readableCandidate(candidateId));
  }

  /** The inmate's own published results. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<CandidateView> myResults() {
    long me = scope.ownInmate().getId();
    return published(Set.of(me));
  }

  /**
   * Published results of the inmates the reader may see: a teacher his cohorts' learners; an
   * external reader (prosecutor, judge, supervisor, lawyer) the inmates whose case file he may
   * read; the board everyone.
   */
  @RolesAllowed({
    Role.TEACHER_NAME,
    Role.EDU_ADMIN_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.SUPERVISOR_NAME,
    Role.LAWYER_NAME,
    Role.HIGH_JUDGE_NAME
  })
  public List<CandidateView> results() {
    if (caller.has(Role.EDU_ADMIN)) {
      return published(null);
    }
    Set<Long> who = new HashSet<>();
    if (caller.has(Role.TEACHER)) {
      who.addAll(taught.inmateIdsTaughtBy(caller.name()));
    }
    if (caller.roles().stream().anyMatch(Role::isExternal)) {
      // the case context decides whose file an external reader may open; his results follow it
      for (cn.xinsheng.cases.application.CaseSummary s : cases.get().list()) {
        scope.inmate(s.prisonerNumber()).ifPresent(i -> who.add(i.getId()));
      }
    }
    return published(who);
  }

  /** The published results of these inmates; null: of everyone. */
  private List<CandidateView> published(Set<Long> inmates) {
    return views(
        inmates == null ? examCandidates.published() : examCandidates.publishedOf(inmates));
  }

  /** Candidates and passes by year, instrument and level (published results). */
  public List<StatLine> statistics() {
    return examCandidates.tallies().stream()
        .map(
            t ->
                new StatLine(
                    t.year(),
                    t.instrumentCode(),
                    t.instrumentZh(),
                    t.level(),
                    t.candidates(),
                    t.passes()))
        .toList();
  }

  /** The statistics as a spreadsheet (the platform's XLSX library, as the gradebook uses). */
  public void statisticsXlsx(java.io.OutputStream out) throws IOException {
    List<StatLine> lines = statistics();
    org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Xinsheng", "1.0");
    org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("民乐考级统计 Exam statistics");
    String[] head = {
      "年度 Year", "乐器 Instrument", "级别 Level", "考生 Candidates", "通过 Passes", "通过率 Pass rate %"
    };
    for (int c = 0; c < head.length; c++) {
      ws.value(0, c, head[c]);
      ws.style(0, c).bold().set();
    }
    int r = 1;
    for (StatLine l : lines) {
      ws.value(r, 0, l.year());
      ws.value(r, 1, l.instrumentName());
      ws.value(r, 2, l.level());
      ws.value(r, 3, l.candidates());
      ws.value(r, 4, l.passes());
      ws.value(
          r, 5, l.candidates() == 0 ? 0 : Math.round(1000.0 * l.passes() / l.candidates()) / 10.0);
      r++;
    }
    wb.finish();
  }

  /** Counts for the examiner's home: candidates waiting for his marks, and his sessions. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public Map<String, Integer> queueCounts() {
    List<CandidateView> mine = myCandidates();
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("sessions", (int) mine.stream().mapToLong(CandidateView::sessionId).distinct().count());
    out.put(
        "toMark",
        (int)
            mine.stream()
                .filter(
                    v -> v.grade() == null && v.panel().contains(caller.name()) && !v.markedByMe())
                .count());
    out.put(
        "toPublish",
        caller.has(Role.EDU_ADMIN)
            ? (int) mine.stream().filter(v -> v.grade() == null && v.complete()).count()
            : 0);
    return out;
  }

  // --- internals --------------------------------------------------------------------------------

  /** One candidate as the tables hold him, with his number, name and section from organisation. */
  private record Candidate(
      long id,
      long sessionId,
      LocalDate date,
      String room,
      String instrument,
      String instrumentName,
      int level,
      String levelName,
      long inmateId,
      long sectionId,
      String prisonerNumber,
      String inmateName,
      String basis,
      String performanceSha,
      Long performanceTake,
      boolean published,
      ExamGrade grade,
      java.math.BigDecimal total,
      String certificateCode) {}

  private List<Candidate> named(List<ExamCandidates.Candidate> rows) {
    // the candidates' names and sections from organisation's directory, one call for the list
    Map<Long, InmateDirectory.Named> named =
        inmates.inmates(rows.stream().map(ExamCandidates.Candidate::inmateId).toList());
    List<Candidate> out = new ArrayList<>();
    for (ExamCandidates.Candidate r : rows) {
      InmateDirectory.Named inmate = named.get(r.inmateId());
      out.add(
          new Candidate(
              r.id(),
              r.sessionId(),
              r.date(),
              r.room(),
              r.instrumentCode(),
              r.instrumentZh(),
              r.level(),
              r.levelZh(),
              r.inmateId(),
              inmate.sectionId(),
              inmate.prisonerNumber(),
              inmate.name(),
              r.basis().name(),
              r.performanceSha256(),
              r.performanceTake(),
              r.published(),
              r.grade(),
              r.total(),
              r.certificateCode()));
    }
    return out;
  }

  private Candidate candidate(long id) {
    return named(examCandidates.find(id).stream().toList()).stream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownCandidate"));
  }

  /** The board reads every candidate; an examiner only those he sits on the panel of. */
  private Candidate readableCandidate(long id) {
    Candidate c = candidate(id);
    if (!caller.has(Role.EDU_ADMIN) && !sheet(id).panel().contains(caller.name())) {
      throw Refusal.notFound("music.exam.error.unknownCandidate");
    }
    return c;
  }

  private List<CandidateView> views(List<ExamCandidates.Candidate> rows) {
    return named(rows).stream().map(this::view).toList();
  }

  private CandidateView view(Candidate c) {
    MarkSheet sheet = sheet(c.id);
    ExamRules rules = settings.rules();
    List<String> panel = sheet.panel();
    ExamGrade grade = c.grade;
    return new CandidateView(
        c.id,
        c.sessionId,
        c.date,
        c.room,
        c.instrument,
        c.instrumentName,
        c.level,
        c.levelName,
        c.prisonerNumber,
        c.inmateName,
        c.basis,
        c.performanceSha != null,
        c.performanceSha,
        c.performanceTake,
        panel,
        sheet.marks().size(),
        sheet.marks().containsKey(caller.name()),
        sheet.thirdNeeded(rules),
        sheet.complete(rules),
        grade == null ? null : grade.name(),
        grade == null ? null : grade.zh(),
        c.total == null ? null : fmt(c.total.doubleValue()),
        c.certificateCode);
  }

  private MarkSheet sheet(long candidateId) {
    return panels.sheet(candidateId);
  }

  private Inmate inmate(String prisonerNumber) {
    return scope.inmate(prisonerNumber).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }

  private void instrument(String code) {
    // an active instrument of the catalogue
    if (code == null || catalogue.instruments().stream().noneMatch(i -> i.code().equals(code))) {
      throw Refusal.invalid("music.exam.error.instrument");
    }
  }

  private static void level(int level) {
    if (level < 1 || level > 10) {
      throw Refusal.invalid("music.exam.error.level");
    }
  }

  private static String fmt(double total) {
    return total == Math.rint(total) ? Long.toString((long) total) : Double.toString(total);
  }

  private static Refusal refusal(ExamRefusal r) {
    return switch (r.kind()) {
      case INVALID -> Refusal.invalid(r.key());
      case CONFLICT -> Refusal.conflict(r.key());
      case FORBIDDEN -> Refusal.forbidden(r.key());
    };
  }
}
