package cn.xinsheng.music.application.exam;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.application.EvidenceSettings;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.evidence.infrastructure.EvidenceFiles;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.infrastructure.exam.ExamStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A passed CNOS exam into the points ledger's 教育和文化改造 part under clause JY-04, by exactly the path
 * learning achievements take (lms EducationCreditService): the pass is listed for the inmate's
 * section officers; an officer who confirms it records an entry with the exam certificate as its
 * evidence, and that entry waits for a second officer's review like any other. No points come from
 * an exam without that review.
 */
@Stateless
@RolesAllowed(Role.OFFICER_NAME)
public class ExamCreditService {

  public static final String CLAUSE = "JY-04";

  /** A published pass not yet in the ledger. */
  public record ExamAchievement(
      long candidateId,
      String prisonerNumber,
      String inmateName,
      String instrumentName,
      String levelName,
      String gradeName,
      String certificateCode,
      String clause) {}

  @Inject ExamStore store;
  @Inject CallerScope scope;
  @Inject InmateDirectory inmates;
  @Inject Caller caller;
  @Inject EvidenceService evidence;
  @Inject EvidenceSettings evidenceSettings;
  @Inject PrisonTime time;
  @Inject LedgerService ledger;
  @Inject AuditLog auditLog;

  private static final String PASSES =
      "SELECT k.id, k.inmate_id, i.name_zh, l.name_zh, r.grade, c.code, c.sha256"
          + " FROM music_exam_result r JOIN music_exam_candidate k ON k.id = r.candidate_id"
          + " JOIN music_exam_session s ON s.id = k.session_id"
          + " JOIN music_instrument i ON i.code = s.instrument_code JOIN music_level l ON l.level = s.level"
          + " JOIN music_certificate c ON c.candidate_id = k.id"
          + " WHERE r.grade <> 'FAIL' AND NOT EXISTS (SELECT 1 FROM music_exam_credit x WHERE x.candidate_id = k.id)";

  public List<ExamAchievement> achievements() {
    Set<Long> sections = scope.sections();
    if (sections.isEmpty()) {
      return List.of();
    }
    // the inmates now in the caller's sections, from organisation's directory
    Map<Long, InmateDirectory.Named> mine = inmates.inSections(sections);
    if (mine.isEmpty()) {
      return List.of();
    }
    String in = String.join(",", mine.keySet().stream().sorted().map(String::valueOf).toList());
    List<ExamAchievement> out = new ArrayList<>();
    for (Object[] r : store.rows(PASSES + " AND k.inmate_id IN (" + in + ") ORDER BY k.id")) {
      out.add(achievement(r, mine.get(num(r[1]))));
    }
    return out;
  }

  private static ExamAchievement achievement(Object[] r, InmateDirectory.Named inmate) {
    return new ExamAchievement(
        num(r[0]),
        inmate.prisonerNumber(),
        inmate.name(),
        (String) r[2],
        (String) r[3],
        ExamGrade.valueOf((String) r[4]).zh(),
        (String) r[5],
        CLAUSE);
  }

  /** Records the ledger entry for a pass, with its certificate as evidence; answers the entry. */
  public long confirm(long candidateId, String amount) {
    Object[] r =
        store
            .one(PASSES + " AND k.id = ?1", candidateId)
            .orElseThrow(() -> Refusal.conflict("music.exam.error.noAchievement"));
    ExamAchievement a = achievement(r, inmates.inmates(List.of(num(r[1]))).get(num(r[1])));
    Inmate inmate = scope.inmateInMySections(a.prisonerNumber());
    Instant now = time.now();
    Evidence e;
    try (InputStream pdf = new EvidenceFiles(evidenceSettings.dir()).open((String) r[6])) {
      e =
          evidence.upload(
              pdf,
              "民乐考级证书-" + a.prisonerNumber() + ".pdf",
              "新生民乐考级",
              "民乐考级通过："
                  + a.instrumentName()
                  + a.levelName()
                  + "，成绩 "
                  + a.gradeName()
                  + "，证书验证码 "
                  + a.certificateCode(),
              inmate.getSection().getId());
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    PointEntry entry =
        ledger.record(
            new RecordCommand(
                a.prisonerNumber(),
                AssessmentPart.EDUCATION,
                CLAUSE,
                amount,
                "民乐考级（中国民族管弦乐学会）通过："
                    + a.instrumentName()
                    + a.levelName()
                    + "（"
                    + a.gradeName()
                    + "）",
                now,
                List.of(e.getId())));
    long credit =
        store.insert(
            "INSERT INTO music_exam_credit (candidate_id, entry_id, confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4)",
            candidateId,
            entry.getId(),
            caller.name(),
            now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", a.prisonerNumber());
    p.put("candidate", candidateId);
    p.put("certificate", a.certificateCode());
    p.put("entry", entry.getId());
    auditLog.record(
        "music.exam.credit.confirmed", "music-exam-credit/" + credit, p, List.of(), now);
    return entry.getId();
  }
}
