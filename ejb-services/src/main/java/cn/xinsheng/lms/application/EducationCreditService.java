package cn.xinsheng.lms.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.infrastructure.Certificates;
import cn.xinsheng.lms.infrastructure.EducationCreditBinding;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
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

  @Inject LearningStore store;
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
    String in = sections.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
    return achievements(" WHERE i.section_id IN (" + in + ")");
  }

  /** Achievements of the enrolments the filter selects, not yet in the ledger. */
  private List<Achievement> achievements(String where, Object... params) {
    List<Achievement> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT i.id, i.prisoner_number, i.name, c.id, c.title, p.kind, c.credits FROM enrolment e"
                + " JOIN inmate i ON i.id = e.inmate_id JOIN course c ON c.id = e.course_id JOIN programme p ON p.id = c.programme_id"
                + where
                + " ORDER BY i.prisoner_number, c.title",
            params)) {
      long inmateId = SqlValues.num(r[0]);
      long courseId = SqlValues.num(r[3]);
      CourseStanding s = standings.of(inmateId, courseId);
      if ("DIPLOMA".equals(r[5])
          && SqlValues.integer(r[6]) > 0
          && s.complete()
          && !credited(inmateId, courseId, 0)) {
        out.add(
            new Achievement(
                (String) r[1],
                (String) r[2],
                courseId,
                (String) r[4],
                0,
                "COURSE",
                "JY-02",
                s.grade()));
      }
      for (Object[] q :
          store.rows(
              "SELECT id, title, pass_mark FROM quiz WHERE course_id = ?1 AND active", courseId)) {
        long quizId = SqlValues.num(q[0]);
        BigDecimal best = standings.bestPercent(quizId, inmateId);
        if (best != null
            && best.compareTo(BigDecimal.valueOf(SqlValues.integer(q[2]))) >= 0
            && !credited(inmateId, courseId, quizId)) {
          out.add(
              new Achievement(
                  (String) r[1],
                  (String) r[2],
                  courseId,
                  (String) r[4] + " · " + q[1],
                  quizId,
                  "QUIZ",
                  "JY-01",
                  best));
        }
      }
    }
    return out;
  }

  private boolean credited(long inmateId, long courseId, long quizId) {
    return store
        .one(
            "SELECT 1 FROM education_credit WHERE inmate_id = ?1 AND course_id = ?2 AND quiz_id = ?3",
            inmateId,
            courseId,
            quizId)
        .isPresent();
  }

  /**
   * Records the ledger entry for an achievement, with its certificate as evidence; answers the
   * entry.
   */
  public long confirm(String prisonerNumber, long courseId, long quizId, String amount) {
    Inmate inmate = scope.inmateInMySections(prisonerNumber);
    // this inmate's and this course's only: the rest of the section need not be computed
    Achievement a =
        achievements(" WHERE i.id = ?1 AND c.id = ?2", inmate.getId(), courseId).stream()
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
    PointEntry entry =
        ledger.record(
            new RecordCommand(
                prisonerNumber,
                AssessmentPart.EDUCATION,
                a.clause(),
                amount,
                fact,
                now,
                List.of(e.getId())));
    long credit =
        store.insert(
            "INSERT INTO education_credit (inmate_id, course_id, quiz_id, entry_id, confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            inmate.getId(),
            courseId,
            quizId,
            entry.getId(),
            caller.name(),
            now);
    // the credit row is bound to its own entry (issue 15): an edit of it is caught and named
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", prisonerNumber);
    p.put("course", courseId);
    p.put("quiz", quizId);
    p.put("entry", entry.getId());
    p.put("grade", a.grade() == null ? "" : a.grade().toPlainString());
    auditLog.record(
        "lms.credit.confirmed",
        "education-credit/" + credit,
        p,
        List.of(),
        now,
        List.of(AuditLog.Bind.of(EducationCreditBinding.TABLE, credit)));
    return entry.getId();
  }
}
