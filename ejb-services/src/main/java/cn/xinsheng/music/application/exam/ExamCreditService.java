package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.application.EvidenceStore;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.music.domain.exam.ExamCredits;
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

  @Inject ExamCredits credits;
  @Inject CallerScope scope;
  @Inject InmateDirectory inmates;
  @Inject Caller caller;
  @Inject EvidenceService evidence;
  @Inject EvidenceStore evidenceStore;
  @Inject PrisonTime time;
  @Inject LedgerService ledger;
  @Inject AuditLog auditLog;

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
    List<ExamAchievement> out = new ArrayList<>();
    for (ExamCredits.Pass pass : credits.unconfirmedPasses(mine.keySet())) {
      out.add(achievement(pass, mine.get(pass.inmateId())));
    }
    return out;
  }

  private static ExamAchievement achievement(ExamCredits.Pass pass, InmateDirectory.Named inmate) {
    return new ExamAchievement(
        pass.candidateId(),
        inmate.prisonerNumber(),
        inmate.name(),
        pass.instrumentZh(),
        pass.levelZh(),
        pass.grade().zh(),
        pass.certificateCode(),
        CLAUSE);
  }

  /** Records the ledger entry for a pass, with its certificate as evidence; answers the entry. */
  public long confirm(long candidateId, String amount) {
    ExamCredits.Pass pass =
        credits
            .unconfirmedPass(candidateId)
            .orElseThrow(() -> Refusal.conflict("music.exam.error.noAchievement"));
    ExamAchievement a =
        achievement(pass, inmates.inmates(List.of(pass.inmateId())).get(pass.inmateId()));
    Inmate inmate = scope.inmateInMySections(a.prisonerNumber());
    Instant now = time.now();
    Evidence e;
    try (InputStream pdf = evidenceStore.open(pass.certificateSha256())) {
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
    long entry =
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
    long credit = credits.insert(candidateId, entry, caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", a.prisonerNumber());
    p.put("candidate", candidateId);
    p.put("certificate", a.certificateCode());
    p.put("entry", entry);
    auditLog.record(
        "music.exam.credit.confirmed", "music-exam-credit/" + credit, p, List.of(), now);
    return entry;
  }
}
