package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.music.domain.exam.Eligibility;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.music.domain.exam.ExamPanels;
import cn.xinsheng.music.domain.exam.ExamRefusal;
import cn.xinsheng.music.domain.exam.ExamSessions;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.domain.exam.Placements;
import cn.xinsheng.music.domain.exam.Recusal;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scheduling CNOS graded exams (DOMAIN §5, issue 19): the exam board (education administrator)
 * opens sessions, decides placements, registers eligible candidates and seats two examiners per
 * candidate (an examiner with a reason to recuse is refused, the reason kept); an examiner declares
 * whom he knows. Every step is an audit event; no row is ever changed.
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class ExamScheduling {

  @Inject ExamSessions examSessions;
  @Inject Placements placements;
  @Inject ExamCandidates examCandidates;
  @Inject ExamPanels panels;
  @Inject MusicCatalogue catalogue;
  @Inject ExamSettings settings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;
  @Inject RecusalLog recusals;
  @Inject TaughtLearners taught;
  @Inject AccountDirectory accounts;
  @Inject ExamReadModel model;

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

  public record ExaminerOption(String username, String name, List<String> recusalReasons) {}

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

  /** Every session, newest first, with its candidates and published results counted. */
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
      throw ExamReadModel.refusal(r);
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
    ExamReadModel.Candidate c = model.candidate(candidateId);
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
    ExamReadModel.Candidate c = model.candidate(candidateId);
    // on record, enabled or not, as the panel has always been checked
    if (examiner == null || !accounts.hasRoleOnRecord(examiner, Role.EXAMINER)) {
      throw Refusal.invalid("music.exam.error.notExaminer");
    }
    MarkSheet sheet = model.sheet(candidateId);
    List<Recusal.Reason> reasons = reasons(examiner, c);
    if (!reasons.isEmpty() && !sheet.panel().contains(examiner)) {
      // the reason is kept even though the assignment is refused (issue 19: "the reason is
      // recorded")
      recusals.record(candidateId, examiner, reasons);
    }
    try {
      sheet.checkSeat(examiner, reasons, settings.rules());
    } catch (ExamRefusal r) {
      throw ExamReadModel.refusal(r);
    }
    if (c.published()) {
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
    ExamReadModel.Candidate c = model.candidate(candidateId);
    if (note == null || note.isBlank() || note.strip().length() > 500) {
      throw Refusal.invalid("music.exam.error.reason");
    }
    Instant now = time.now();
    long id = panels.declareConflict(caller.name(), c.inmateId(), note.strip(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("inmate", c.prisonerNumber());
    p.put("note", note.strip());
    auditLog.record("music.exam.conflict.declared", "music-conflict/" + id, p, List.of(), now);
  }

  private List<Recusal.Reason> reasons(String examiner, ExamReadModel.Candidate c) {
    boolean taughtHim = taught.inmateIdsTaughtBy(examiner).contains(c.inmateId());
    boolean section = accounts.servesInSection(examiner, c.sectionId());
    boolean declared = panels.declaredConflict(examiner, c.inmateId());
    return Recusal.reasons(new Recusal.Facts(taughtHim, section, declared));
  }

  private Inmate inmate(String prisonerNumber) {
    return scope.inmate(prisonerNumber).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }

  private void instrument(String code) {
    if (code == null || !catalogue.hasActiveInstrument(code)) {
      throw Refusal.invalid("music.exam.error.instrument");
    }
  }

  private static void level(int level) {
    if (level < 1 || level > 10) {
      throw Refusal.invalid("music.exam.error.level");
    }
  }
}
