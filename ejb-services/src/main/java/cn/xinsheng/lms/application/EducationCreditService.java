package cn.xinsheng.lms.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.domain.EducationCredits;
import cn.xinsheng.lms.infrastructure.Certificates;
import cn.xinsheng.lms.infrastructure.EducationCreditBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learning into the points ledger's 教育和文化改造 part: a completed diploma course (clause JY-02) or a
 * passed quiz (JY-01) is listed for the inmate's section officers; an officer who confirms it
 * records an entry with the learning certificate as its evidence, and that entry waits for a second
 * officer's review like any other. No points come from learning without that review.
 */
@Stateless
@RolesAllowed(Role.OFFICER_NAME)
public class EducationCreditService {

  /** An achievement not yet in the ledger. {@code quizId} is 0 for a completed course. */
  public record Achievement(
      String prisonerNumber,
      String inmateName,
      long courseId,
      String course,
      long quizId,
      String what,
      String clause,
      BigDecimal grade) {}

  @Inject EducationCredits credits;
  @Inject CourseCatalogue catalogue;
  @Inject Standings standings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject EvidenceService evidence;
  @Inject PrisonTime time;
  @Inject LedgerService ledger;
  @Inject AuditLog auditLog;

  public List<Achievement> achievements() {
    Set<Long> sections = scope.sections();
    if (sections.isEmpty()) {
      return List.of();
    }
    return achievements(credits.candidatesIn(sections));
  }

  /** Achievements of these enrolments, not yet in the ledger. */
  private List<Achievement> achievements(List<EducationCredits.Candidate> candidates) {
    List<Achievement> out = new ArrayList<>();
    for (EducationCredits.Candidate r : candidates) {
      long inmateId = r.inmateId();
      long courseId = r.courseId();
      CourseStanding s = standings.of(inmateId, courseId);
      if ("DIPLOMA".equals(r.programmeKind())
          && r.credits() > 0
          && s.complete()
          && !credits.credited(inmateId, courseId, 0)) {
        out.add(
            new Achievement(
                r.prisonerNumber(),
                r.inmateName(),
                courseId,
                r.course(),
                0,
                "COURSE",
                "JY-02",
                s.grade()));
      }
      for (CourseCatalogue.Quiz q : catalogue.activeQuizzes(courseId)) {
        BigDecimal best = standings.bestPercent(q.id(), inmateId);
        if (best != null
            && best.compareTo(BigDecimal.valueOf(q.passMark())) >= 0
            && !credits.credited(inmateId, courseId, q.id())) {
          out.add(
              new Achievement(
                  r.prisonerNumber(),
                  r.inmateName(),
                  courseId,
                  r.course() + " · " + q.title(),
                  q.id(),
                  "QUIZ",
                  "JY-01",
                  best));
        }
      }
    }
    return out;
  }

  /**
   * Records the ledger entry for an achievement, with its certificate as evidence; answers the
   * entry.
   */
  public long confirm(String prisonerNumber, long courseId, long quizId, String amount) {
    Inmate inmate = scope.inmateInMySections(prisonerNumber);
    // this inmate's and this course's only: the rest of the section need not be computed
    Achievement a =
        achievements(credits.candidate(inmate.getId(), courseId)).stream()
            .filter(
                x ->
                    x.prisonerNumber().equals(prisonerNumber)
                        && x.courseId() == courseId
                        && x.quizId() == quizId)
            .findFirst()
            .orElseThrow(() -> Refusal.conflict("lms.error.noAchievement"));
    Instant now = time.now();
    byte[] pdf;
    try {
      pdf =
          Certificates.pdf(
              inmate.getPrisonerNumber().value(),
              inmate.getName(),
              a.course(),
              a.what(),
              a.grade(),
              caller.name(),
              now,
              time.zone());
    } catch (IOException e) {
      throw new IllegalStateException("certificate", e);
    }
    Evidence e =
        evidence.upload(
            new ByteArrayInputStream(pdf),
            "学习证明-" + prisonerNumber + ".pdf",
            "新生学习平台",
            ("COURSE".equals(a.what()) ? "课程结业：" : "测验合格：") + a.course() + "，成绩 " + a.grade(),
            inmate.getSection().getId());
    String fact =
        ("COURSE".equals(a.what()) ? "完成课程并取得学分：" : "课程测验合格：")
            + a.course()
            + "（成绩 "
            + a.grade()
            + "）";
    long entry =
        ledger.record(
            new RecordCommand(
                prisonerNumber,
                AssessmentPart.EDUCATION,
                a.clause(),
                amount,
                fact,
                now,
                List.of(e.getId())));
    long credit = credits.insert(inmate.getId(), courseId, quizId, entry, caller.name(), now);
    // the credit row is bound to its own entry (issue 15): an edit of it is caught and named
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("course", courseId);
    p.put("quiz", quizId);
    p.put("entry", entry);
    p.put("grade", a.grade() == null ? "" : a.grade().toPlainString());
    auditLog.record(
        "lms.credit.confirmed",
        "education-credit/" + credit,
        p,
        List.of(),
        now,
        List.of(AuditLog.Bind.of(EducationCreditBinding.TABLE, credit)));
    return entry;
  }
}
