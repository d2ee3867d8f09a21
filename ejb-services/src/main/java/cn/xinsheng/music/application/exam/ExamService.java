package cn.xinsheng.music.application.exam;

import static cn.xinsheng.platform.SqlValues.num;

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
import cn.xinsheng.music.domain.exam.Eligibility;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.domain.exam.ExamRefusal;
import cn.xinsheng.music.domain.exam.ExamRules;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.domain.exam.Recusal;
import cn.xinsheng.music.domain.exam.RubricItem;
import cn.xinsheng.music.infrastructure.exam.CertificatePdf;
import cn.xinsheng.music.infrastructure.exam.ExamStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
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

  @Inject ExamStore store;
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
    return store
        .rows(
            "SELECT code, name_zh, name_en FROM music_instrument WHERE active ORDER BY sort_order")
        .stream()
        .map(r -> new Choice((String) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  /** The levels with their names (settings in music_level). */
  public List<Choice> levels() {
    return store.rows("SELECT level, name_zh, name_en FROM music_level ORDER BY level").stream()
        .map(r -> new Choice(String.valueOf(SqlValues.integer(r[0])), (String) r[1], (String) r[2]))
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
        store.insert(
            "INSERT INTO music_exam_session (exam_date, room, instrument_code, level, created_by, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            date,
            room.strip(),
            instrument,
            level,
            caller.name(),
            now);
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
        store.insert(
            "INSERT INTO music_placement (inmate_id, instrument_code, level, reason, decided_by, decided_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            inmate.getId(),
            instrument,
            level,
            reason.strip(),
            caller.name(),
            now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("instrument", instrument);
    p.put("level", level);
    p.put("reason", reason.strip());
    auditLog.record("music.exam.placement", "music-placement/" + id, p, List.of(), now);
    return id;
  }

  public long register(long sessionId, String prisonerNumber) {
    Object[] s =
        store
            .one("SELECT instrument_code, level FROM music_exam_session WHERE id = ?1", sessionId)
            .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownSession"));
    String instrument = (String) s[0];
    int level = SqlValues.integer(s[1]);
    Inmate inmate = inmate(prisonerNumber);
    if (store
        .one(
            "SELECT 1 FROM music_exam_candidate WHERE session_id = ?1 AND inmate_id = ?2",
            sessionId,
            inmate.getId())
        .isPresent()) {
      throw Refusal.conflict("music.exam.error.alreadyRegistered");
    }
    Optional<Integer> passed =
        store
            .one(
                "SELECT MAX(s.level) FROM music_exam_result r JOIN music_exam_candidate c ON c.id = r.candidate_id"
                    + " JOIN music_exam_session s ON s.id = c.session_id"
                    + " WHERE c.inmate_id = ?1 AND s.instrument_code = ?2 AND r.grade <> 'FAIL'",
                inmate.getId(),
                instrument)
            .map(r -> r[0])
            .filter(v -> v != null)
            .map(SqlValues::integer);
    Optional<Object[]> placement =
        store.one(
            "SELECT id, level FROM music_placement WHERE inmate_id = ?1 AND instrument_code = ?2"
                + " AND level = ?3 ORDER BY id DESC LIMIT 1",
            inmate.getId(),
            instrument,
            level);
    Eligibility.Basis basis;
    try {
      basis = Eligibility.decide(level, passed, placement.map(r -> SqlValues.integer(r[1])));
    } catch (ExamRefusal r) {
      throw refusal(r);
    }
    Instant now = time.now();
    Long placementId =
        basis == Eligibility.Basis.PLACEMENT ? placement.map(r -> num(r[0])).orElse(null) : null;
    long id =
        store.insert(
            "INSERT INTO music_exam_candidate (session_id, inmate_id, basis, placement_id, registered_by, registered_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            sessionId,
            inmate.getId(),
            basis.name(),
            placementId,
            caller.name(),
            now);
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
    long id =
        store.insert(
            "INSERT INTO music_panel_seat (candidate_id, seat, examiner, assigned_by, assigned_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)",
            candidateId,
            seat,
            examiner,
            caller.name(),
            now);
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
    long id =
        store.insert(
            "INSERT INTO music_examiner_conflict (examiner, inmate_id, note, declared_at) VALUES (?1, ?2, ?3, ?4)",
            caller.name(),
            c.inmateId,
            note.strip(),
            now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("inmate", c.prisonerNumber);
    p.put("note", note.strip());
    auditLog.record("music.exam.conflict.declared", "music-conflict/" + id, p, List.of(), now);
  }

  private List<Recusal.Reason> reasons(String examiner, Candidate c) {
    boolean taughtHim = taught.inmateIdsTaughtBy(examiner).contains(c.inmateId);
    boolean section = accounts.servesInSection(examiner, c.sectionId);
    boolean declared =
        store
            .one(
                "SELECT 1 FROM music_examiner_conflict WHERE examiner = ?1 AND inmate_id = ?2",
                examiner,
                c.inmateId)
            .isPresent();
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
        store.insert(
            "INSERT INTO music_performance (candidate_id, sha256, media_type, size_bytes, seconds, recorded_by, recorded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            candidateId,
            sha,
            kind.label(),
            size,
            seconds,
            caller.name(),
            now);
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
      store.insert(
          "INSERT INTO music_exam_mark (candidate_id, examiner, item, score, marked_at) VALUES (?1, ?2, ?3, ?4, ?5)",
          candidateId,
          caller.name(),
          i.name(),
          marks.get(i),
          now);
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
        store.insert(
            "INSERT INTO music_exam_result (candidate_id, total, grade, third_examiner, published_by, published_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            candidateId,
            java.math.BigDecimal.valueOf(total),
            grade.name(),
            sheet.thirdNeeded(rules),
            caller.name(),
            now);
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
    long id =
        store.insert(
            "INSERT INTO music_certificate (candidate_id, code, sha256, issued_at) VALUES (?1, ?2, ?3, ?4)",
            c.id,
            code,
            sha,
            now);
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
    Optional<Object[]> row =
        store.one("SELECT candidate_id, sha256 FROM music_certificate WHERE code = ?1", normalised);
    if (row.isEmpty()) {
      return new Verification(false, normalised, null, null, null, null, null, null, null);
    }
    CandidateView v = view(candidate(num(row.get()[0])));
    return new Verification(
        true,
        normalised,
        v.prisonerNumber(),
        v.inmateName(),
        v.instrumentName(),
        v.levelName(),
        v.gradeName(),
        v.date(),
        (String) row.get()[1]);
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
    Object[] row =
        store
            .one(
                "SELECT c.id, c.candidate_id, c.code, c.sha256, k.inmate_id FROM music_certificate c"
                    + " JOIN music_exam_candidate k ON k.id = c.candidate_id WHERE c.code = ?1",
                code == null ? "" : code.strip().toUpperCase())
            .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownCertificate"));
    if (!caller.has(Role.EDU_ADMIN) && scope.ownInmate().getId() != num(row[4])) {
      throw Refusal.notFound("music.exam.error.unknownCertificate");
    }
    Candidate c = candidate(num(row[1]));
    // the fields as music.certificate.issued logged them, read back from the tables now: a row
    // edited after the fact no longer matches its log entry, and the verifier says so
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("candidate", c.id);
    f.put("inmate", c.prisonerNumber);
    f.put("code", (String) row[2]);
    f.put("instrument", c.instrument);
    f.put("level", (long) c.level);
    f.put("grade", c.grade);
    return new CertificateRecord(
        (String) row[2], c.prisonerNumber, "music-certificate/" + num(row[0]), (String) row[3], f);
  }

  /** A certificate's PDF: the board, and the inmate his own. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
  public byte[] certificatePdf(String code) {
    Object[] row =
        store
            .one(
                "SELECT c.candidate_id, c.sha256, k.inmate_id FROM music_certificate c"
                    + " JOIN music_exam_candidate k ON k.id = c.candidate_id WHERE c.code = ?1",
                code == null ? "" : code.strip().toUpperCase())
            .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownCertificate"));
    if (!caller.has(Role.EDU_ADMIN) && scope.ownInmate().getId() != num(row[2])) {
      throw Refusal.notFound("music.exam.error.unknownCertificate");
    }
    try {
      return Files.readAllBytes(new EvidenceFiles(evidenceSettings.dir()).path((String) row[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- reading ----------------------------------------------------------------------------------

  public List<SessionView> sessions() {
    return sessionsWhere("", List.of());
  }

  /** The examiner's queue: the candidates he sits on the panel of. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public List<CandidateView> candidates(long sessionId) {
    return candidatesWhere(" AND k.session_id = ?1", sessionId);
  }

  /** The examiner's own candidates (all, for the board), newest session first. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public List<CandidateView> myCandidates() {
    return candidatesWhere("");
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

  private List<CandidateView> published(Set<Long> inmates) {
    if (inmates != null && inmates.isEmpty()) {
      return List.of();
    }
    String in =
        inmates == null
            ? ""
            : " AND k.inmate_id IN ("
                + String.join(",", inmates.stream().map(String::valueOf).toList())
                + ")";
    return rawCandidates(" AND r.id IS NOT NULL" + in).stream().map(this::view).toList();
  }

  /** Candidates and passes by year, instrument and level (published results). */
  public List<StatLine> statistics() {
    List<StatLine> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT YEAR(s.exam_date), s.instrument_code, i.name_zh, s.level, COUNT(*),"
                + " SUM(CASE WHEN r.grade <> 'FAIL' THEN 1 ELSE 0 END)"
                + " FROM music_exam_result r JOIN music_exam_candidate k ON k.id = r.candidate_id"
                + " JOIN music_exam_session s ON s.id = k.session_id"
                + " JOIN music_instrument i ON i.code = s.instrument_code"
                + " GROUP BY YEAR(s.exam_date), s.instrument_code, i.name_zh, i.sort_order, s.level"
                + " ORDER BY 1 DESC, i.sort_order, s.level")) {
      out.add(
          new StatLine(
              SqlValues.integer(r[0]),
              (String) r[1],
              (String) r[2],
              SqlValues.integer(r[3]),
              SqlValues.integer(r[4]),
              SqlValues.integer(r[5])));
    }
    return out;
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

  /** One candidate as the tables hold him. */
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
      String grade,
      java.math.BigDecimal total,
      String certificateCode) {}

  private static final String CANDIDATES =
      "SELECT k.id, s.id, s.exam_date, s.room, s.instrument_code, i.name_zh, s.level, l.name_zh,"
          + " k.inmate_id, k.basis, p.sha256, r.id, r.grade, r.total, c.code,"
          + " pt.take_id"
          + " FROM music_exam_candidate k JOIN music_exam_session s ON s.id = k.session_id"
          + " JOIN music_instrument i ON i.code = s.instrument_code JOIN music_level l ON l.level = s.level"
          + " LEFT JOIN music_performance p ON p.candidate_id = k.id"
          + " LEFT JOIN music_performance_take pt ON pt.candidate_id = k.id"
          + " LEFT JOIN music_exam_result r ON r.candidate_id = k.id"
          + " LEFT JOIN music_certificate c ON c.candidate_id = k.id WHERE 1 = 1";

  private List<Candidate> rawCandidates(String where, Object... params) {
    List<Candidate> out = new ArrayList<>();
    List<Object[]> rows =
        store.rows(CANDIDATES + where + " ORDER BY s.exam_date DESC, s.id DESC, k.id", params);
    // the candidates' names and sections from organisation's directory, one call for the list
    Map<Long, InmateDirectory.Named> named =
        inmates.inmates(rows.stream().map(r -> num(r[8])).toList());
    for (Object[] r : rows) {
      InmateDirectory.Named inmate = named.get(num(r[8]));
      out.add(
          new Candidate(
              num(r[0]),
              num(r[1]),
              date(r[2]),
              (String) r[3],
              (String) r[4],
              (String) r[5],
              SqlValues.integer(r[6]),
              (String) r[7],
              num(r[8]),
              inmate.sectionId(),
              inmate.prisonerNumber(),
              inmate.name(),
              (String) r[9],
              (String) r[10],
              r[15] == null ? null : num(r[15]),
              r[11] != null,
              (String) r[12],
              (java.math.BigDecimal) r[13],
              (String) r[14]));
    }
    return out;
  }

  private static LocalDate date(Object o) {
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(o.toString().substring(0, 10));
  }

  private Candidate candidate(long id) {
    return rawCandidates(" AND k.id = ?1", id).stream()
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

  private List<CandidateView> candidatesWhere(String where, Object... params) {
    String scoped = where;
    List<Object> args = new ArrayList<>(List.of(params));
    if (!caller.has(Role.EDU_ADMIN)) {
      args.add(caller.name());
      scoped +=
          " AND EXISTS (SELECT 1 FROM music_panel_seat ps WHERE ps.candidate_id = k.id AND ps.examiner = ?"
              + args.size()
              + ")";
    }
    return rawCandidates(scoped, args.toArray()).stream().map(this::view).toList();
  }

  private List<SessionView> sessionsWhere(String where, List<Object> params) {
    List<SessionView> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT s.id, s.exam_date, s.room, s.instrument_code, i.name_zh, s.level, l.name_zh,"
                + " (SELECT COUNT(*) FROM music_exam_candidate k WHERE k.session_id = s.id),"
                + " (SELECT COUNT(*) FROM music_exam_candidate k JOIN music_exam_result r ON r.candidate_id = k.id WHERE k.session_id = s.id)"
                + " FROM music_exam_session s JOIN music_instrument i ON i.code = s.instrument_code"
                + " JOIN music_level l ON l.level = s.level"
                + where
                + " ORDER BY s.exam_date DESC, s.id DESC",
            params.toArray())) {
      out.add(
          new SessionView(
              num(r[0]),
              date(r[1]),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              SqlValues.integer(r[5]),
              (String) r[6],
              SqlValues.integer(r[7]),
              SqlValues.integer(r[8])));
    }
    return out;
  }

  private CandidateView view(Candidate c) {
    MarkSheet sheet = sheet(c.id);
    ExamRules rules = settings.rules();
    List<String> panel = sheet.panel();
    ExamGrade grade = c.grade == null ? null : ExamGrade.valueOf(c.grade);
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
    List<String> panel =
        store
            .rows(
                "SELECT examiner FROM music_panel_seat WHERE candidate_id = ?1 ORDER BY seat",
                candidateId)
            .stream()
            .map(r -> (String) r[0])
            .toList();
    Map<String, Map<RubricItem, Integer>> marks = new LinkedHashMap<>();
    for (Object[] r :
        store.rows(
            "SELECT examiner, item, score FROM music_exam_mark WHERE candidate_id = ?1 ORDER BY id",
            candidateId)) {
      marks
          .computeIfAbsent((String) r[0], k -> new EnumMap<>(RubricItem.class))
          .put(RubricItem.valueOf((String) r[1]), SqlValues.integer(r[2]));
    }
    return new MarkSheet(panel, marks);
  }

  private Inmate inmate(String prisonerNumber) {
    return scope.inmate(prisonerNumber).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }

  private void instrument(String code) {
    if (code == null
        || store.one("SELECT 1 FROM music_instrument WHERE code = ?1 AND active", code).isEmpty()) {
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
