package cn.xinsheng.lms.application;

import cn.xinsheng.auditlog.application.BoundRecords;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.infrastructure.EducationCreditBinding;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.lms.infrastructure.QuizGradingBinding;
import cn.xinsheng.lms.infrastructure.SubmissionGradeBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
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

  @Inject LearningStore store;
  @Inject Standings standings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject BoundRecords bound;

  private Line line(long inmateId, String number, String name, long courseId, String course) {
    CourseStanding s = standings.of(inmateId, courseId);
    Object[] t =
        store
            .one(
                "SELECT COALESCE(SUM(p.seconds_spent), 0) + COALESCE((SELECT SUM(t.total_seconds) FROM scorm_track t JOIN lesson l2"
                    + " ON l2.id = t.lesson_id WHERE l2.course_id = ?1 AND t.inmate_id = ?2), 0)"
                    + " FROM lesson l JOIN lesson_progress p ON p.lesson_id = l.id WHERE l.course_id = ?1 AND p.inmate_id = ?2",
                courseId,
                inmateId)
            .orElse(new Object[] {0});
    return new Line(
        number,
        name,
        course,
        s.grade(),
        s.percentDone(),
        s.complete(),
        s.creditsEarned(),
        s.credits(),
        (int) (SqlValues.num(t[0]) / 60),
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
    found.addAll(
        checked(
            QuizGradingBinding.TABLE,
            "SELECT g.id FROM quiz_grading g JOIN quiz_attempt a ON a.id = g.attempt_id"
                + " JOIN quiz q ON q.id = a.quiz_id WHERE q.course_id = ?1 AND a.inmate_id = ?2",
            courseId,
            inmateId));
    found.addAll(
        checked(
            SubmissionGradeBinding.TABLE,
            "SELECT g.id FROM submission_grade g JOIN submission s ON s.id = g.submission_id"
                + " JOIN assignment a ON a.id = s.assignment_id"
                + " WHERE a.course_id = ?1 AND s.inmate_id = ?2",
            courseId,
            inmateId));
    found.addAll(
        checked(
            EducationCreditBinding.TABLE,
            "SELECT c.id FROM education_credit c WHERE c.course_id = ?1 AND c.inmate_id = ?2",
            courseId,
            inmateId));
    return found.isEmpty() ? null : String.join("；", found);
  }

  private java.util.Collection<String> checked(String table, String sql, Object... params) {
    List<Long> ids = store.rows(sql, params).stream().map(r -> SqlValues.num(r[0])).toList();
    return new java.util.TreeMap<>(bound.mismatches(table, ids)).values();
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<Line> mine() {
    var me = scope.ownInmate();
    List<Line> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT c.id, c.title FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.inmate_id = ?1 ORDER BY c.title",
            me.getId())) {
      out.add(
          line(
              me.getId(),
              me.getPrisonerNumber().value(),
              me.getName(),
              SqlValues.num(r[0]),
              (String) r[1]));
    }
    return out;
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<ProgrammeLine> myProgrammes() {
    var me = scope.ownInmate();
    List<ProgrammeLine> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT DISTINCT p.id, p.title, p.kind, p.required_credits FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN programme p ON p.id = c.programme_id WHERE e.inmate_id = ?1 ORDER BY p.title",
            me.getId())) {
      int earned = 0;
      for (Object[] c :
          store.rows(
              "SELECT c.id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.inmate_id = ?1 AND c.programme_id = ?2",
              me.getId(),
              SqlValues.num(r[0]))) {
        earned += standings.of(me.getId(), SqlValues.num(c[0])).creditsEarned();
      }
      out.add(new ProgrammeLine((String) r[1], (String) r[2], SqlValues.integer(r[3]), earned));
    }
    return out;
  }

  /** The courses the caller may read the gradebook of: his cohorts' (teacher) or all (office). */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<Object[]> courses() {
    return caller.has(Role.EDU_ADMIN)
        ? store.rows(
            "SELECT c.id, c.title, p.title FROM course c JOIN programme p ON p.id = c.programme_id ORDER BY p.title, c.title")
        : store.rows(
            "SELECT DISTINCT c.id, c.title, p.title FROM course c JOIN programme p ON p.id = c.programme_id"
                + " JOIN cohort h ON h.programme_id = p.id WHERE h.teacher = ?1 ORDER BY p.title, c.title",
            caller.name());
  }

  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<Line> course(long courseId) {
    if (courses().stream().noneMatch(r -> SqlValues.num(r[0]) == courseId)) {
      throw Refusal.notFound("lms.error.noCourse");
    }
    String teacherFilter = caller.has(Role.EDU_ADMIN) ? "" : " AND h.teacher = ?2";
    List<Object[]> rows =
        caller.has(Role.EDU_ADMIN)
            ? store.rows(
                "SELECT i.id, i.prisoner_number, i.name, c.title FROM enrolment e JOIN inmate i ON i.id = e.inmate_id"
                    + " JOIN course c ON c.id = e.course_id JOIN cohort h ON h.id = e.cohort_id WHERE e.course_id = ?1"
                    + teacherFilter
                    + " ORDER BY i.prisoner_number",
                courseId)
            : store.rows(
                "SELECT i.id, i.prisoner_number, i.name, c.title FROM enrolment e JOIN inmate i ON i.id = e.inmate_id"
                    + " JOIN course c ON c.id = e.course_id JOIN cohort h ON h.id = e.cohort_id WHERE e.course_id = ?1"
                    + teacherFilter
                    + " ORDER BY i.prisoner_number",
                courseId,
                caller.name());
    List<Line> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(line(SqlValues.num(r[0]), (String) r[1], (String) r[2], courseId, (String) r[3]));
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
