package cn.xinsheng.lms.application;

import cn.xinsheng.auditlog.application.BoundRecords;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.domain.EducationCredits;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.StudyProgress;
import cn.xinsheng.lms.domain.Submissions;
import cn.xinsheng.lms.infrastructure.EducationCreditBinding;
import cn.xinsheng.lms.infrastructure.QuizGradingBinding;
import cn.xinsheng.lms.infrastructure.SubmissionGradeBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The gradebook: per course, each learner's grade, completion, credits and study time; per
 * programme, the credits earned toward the diploma. The inmate sees his own; a teacher his
 * cohorts'; the education office all. Exported to XLSX.
 */
@Stateless
public class GradebookService {

  public record Line(
      String prisonerNumber,
      String name,
      String course,
      BigDecimal grade,
      int percentDone,
      boolean complete,
      int creditsEarned,
      int credits,
      int studyMinutes,
      String scorm,
      String integrityWarning) {

    /** Whether a grade or credit behind this line no longer matches its audit entry (issue 15). */
    public boolean tampered() {
      return integrityWarning != null;
    }
  }

  public record ProgrammeLine(
      String programme, String kind, int requiredCredits, int creditsEarned) {}

  /** A course whose gradebook the caller may read, with its programme's title. */
  public record Course(long id, String title, String programme) {}

  @Inject CourseCatalogue catalogue;
  @Inject Cohorts cohorts;
  @Inject StudyProgress progress;
  @Inject QuizAttempts attempts;
  @Inject Submissions submissions;
  @Inject EducationCredits credits;
  @Inject Standings standings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject BoundRecords bound;

  private Line line(long inmateId, String number, String name, long courseId, String course) {
    CourseStanding s = standings.of(inmateId, courseId);
    return new Line(
        number,
        name,
        course,
        s.grade(),
        s.percentDone(),
        s.complete(),
        s.creditsEarned(),
        s.credits(),
        (int) (progress.secondsSpent(courseId, inmateId) / 60),
        String.join(
            "; ",
            standings.scormResults(inmateId, courseId).values().stream()
                .map(Standings.ScormResult::text)
                .toList()),
        integrityWarning(inmateId, courseId));
  }

  /**
   * Issue 15: the grades behind a line (every quiz grading, every assignment grade) and its
   * education credit, each checked against the row its audit entry bound; what differs is named
   * (table, row, field) and shown beside the grade. Null when all match.
   */
  private String integrityWarning(long inmateId, long courseId) {
    List<String> found = new ArrayList<>();
    found.addAll(checked(QuizGradingBinding.TABLE, attempts.gradingIds(courseId, inmateId)));
    found.addAll(checked(SubmissionGradeBinding.TABLE, submissions.gradeIds(courseId, inmateId)));
    found.addAll(checked(EducationCreditBinding.TABLE, credits.ids(courseId, inmateId)));
    return found.isEmpty() ? null : String.join("；", found);
  }

  private java.util.Collection<String> checked(String table, List<Long> ids) {
    return new java.util.TreeMap<>(bound.mismatches(table, ids)).values();
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<Line> mine() {
    var me = scope.ownInmate();
    List<Line> out = new ArrayList<>();
    for (CourseCatalogue.Course c : cohorts.coursesOfByTitle(me.getId())) {
      out.add(line(me.getId(), me.getPrisonerNumber().value(), me.getName(), c.id(), c.title()));
    }
    return out;
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<ProgrammeLine> myProgrammes() {
    var me = scope.ownInmate();
    List<ProgrammeLine> out = new ArrayList<>();
    for (Cohorts.ProgrammeEnrolled p : cohorts.programmesOf(me.getId())) {
      int earned = 0;
      for (long course : cohorts.courseIdsOf(me.getId(), p.id())) {
        earned += standings.of(me.getId(), course).creditsEarned();
      }
      out.add(new ProgrammeLine(p.title(), p.kind(), p.requiredCredits(), earned));
    }
    return out;
  }

  /** The courses the caller may read the gradebook of: his cohorts' (teacher) or all (office). */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<Course> courses() {
    return (caller.has(Role.EDU_ADMIN)
            ? catalogue.all()
            : catalogue.followedByCohortsOf(caller.name()))
        .stream().map(c -> new Course(c.id(), c.title(), c.programme())).toList();
  }

  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<Line> course(long courseId) {
    Course course =
        courses().stream()
            .filter(c -> c.id() == courseId)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("lms.error.noCourse"));
    List<Line> out = new ArrayList<>();
    for (Cohorts.Learner l :
        cohorts.learners(courseId, caller.has(Role.EDU_ADMIN) ? null : caller.name())) {
      out.add(line(l.inmateId(), l.prisonerNumber(), l.name(), courseId, course.title()));
    }
    return out;
  }

  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public void xlsx(long courseId, OutputStream out) throws IOException {
    List<Line> lines = course(courseId);
    Workbook wb = new Workbook(out, "Xinsheng", "1.0");
    Worksheet ws = wb.newWorksheet("成绩册 Gradebook");
    String[] head = {
      "编号 No.",
      "姓名 Name",
      "课程 Course",
      "成绩 Grade",
      "完成 Done %",
      "结业 Complete",
      "学分 Credits",
      "学习时长(分) Minutes",
      "应得学分 Credits of the course",
      "课件成绩 SCORM status and score"
    };
    for (int c = 0; c < head.length; c++) {
      ws.value(0, c, head[c]);
      ws.style(0, c).bold().set();
    }
    int r = 1;
    for (Line l : lines) {
      ws.value(r, 0, l.prisonerNumber());
      ws.value(r, 1, l.name());
      ws.value(r, 2, l.course());
      // numbers as numbers (issue 17): a spreadsheet can sum and sort them
      if (l.grade() != null) {
        ws.value(r, 3, l.grade());
      }
      ws.value(r, 4, l.percentDone());
      ws.value(r, 5, l.complete() ? "是 yes" : "否 no");
      ws.value(r, 6, l.creditsEarned());
      ws.value(r, 7, l.studyMinutes());
      ws.value(r, 8, l.credits());
      ws.value(r, 9, l.scorm());
      r++;
    }
    wb.finish();
  }
}
