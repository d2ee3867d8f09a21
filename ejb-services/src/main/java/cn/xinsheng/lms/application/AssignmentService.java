package cn.xinsheng.lms.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.domain.ContentSniffer;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.infrastructure.LearningStore;
import cn.xinsheng.lms.infrastructure.SubmissionGradeBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assignments: an inmate hands in text (and a file), before or after the due date (after: marked
 * late, still taken), again if the assignment allows it; a teacher of his cohort grades the latest
 * hand-in criterion by criterion with feedback.
 */
@Stateless
public class AssignmentService {

  public record Criterion(String criterion, int points) {}

  public record ToGrade(
      long submissionId,
      String inmate,
      String inmateName,
      String course,
      String assignment,
      String text,
      String fileName,
      Instant submittedAt,
      boolean late,
      int maxPoints,
      List<Criterion> rubric) {}

  public record AssignmentView(
      long id,
      long courseId,
      String title,
      String instructions,
      Instant due,
      boolean allowResubmit,
      int maxPoints,
      List<Criterion> rubric,
      List<Object[]> submissions) {}

  private static final long MAX_FILE = 20L << 20;

  @Inject LearningStore store;
  @Inject LmsSettings settings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;
  @Inject Enrolments enrolments;
  @Inject cn.xinsheng.evidence.application.EvidenceSettings evidenceSettings;

  static List<Criterion> rubric(String text) {
    List<Criterion> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        String[] p = line.split("\t");
        out.add(new Criterion(p[0], Integer.parseInt(p[1].strip())));
      }
    }
    return out;
  }

  /** course id, title, instructions, due days, allow resubmit, max points, rubric */
  private Object[] assignment(long id) {
    return store
        .one(
            "SELECT course_id, title, instructions, due_days, allow_resubmit, max_points, rubric FROM assignment WHERE id = ?1 AND active",
            id)
        .orElseThrow(() -> Refusal.notFound("lms.error.noAssignment"));
  }

  @RolesAllowed(Role.INMATE_NAME)
  public AssignmentView view(long assignmentId) {
    Inmate me = scope.ownInmate();
    Object[] a = assignment(assignmentId);
    Object[] enrolled = enrolments.require(me.getId(), SqlValues.num(a[0]));
    Instant due = SqlValues.instant(enrolled[2]).plus(SqlValues.num(a[3]), ChronoUnit.DAYS);
    List<Object[]> subs =
        store.rows(
            "SELECT s.id, s.submitted_at, s.late, s.text, s.file_name,"
                + " (SELECT g.points FROM submission_grade g WHERE g.submission_id = s.id ORDER BY g.id DESC LIMIT 1),"
                + " (SELECT g.feedback FROM submission_grade g WHERE g.submission_id = s.id ORDER BY g.id DESC LIMIT 1)"
                + " FROM submission s WHERE s.assignment_id = ?1 AND s.inmate_id = ?2 ORDER BY s.id",
            assignmentId,
            me.getId());
    return new AssignmentView(
        assignmentId,
        SqlValues.num(a[0]),
        (String) a[1],
        (String) a[2],
        due,
        SqlValues.bool(a[4]),
        SqlValues.integer(a[5]),
        rubric((String) a[6]),
        subs);
  }

  @RolesAllowed(Role.INMATE_NAME)
  public long submit(long assignmentId, String text, String fileName, byte[] file) {
    Inmate me = scope.ownInmate();
    Object[] a = assignment(assignmentId);
    Object[] enrolled = enrolments.require(me.getId(), SqlValues.num(a[0]));
    String body = text == null ? "" : text.strip();
    if ((body.isEmpty() && (file == null || file.length == 0)) || body.length() > 100_000) {
      throw Refusal.invalid("lms.error.submissionEmpty");
    }
    boolean before =
        store
            .one(
                "SELECT 1 FROM submission WHERE assignment_id = ?1 AND inmate_id = ?2",
                assignmentId,
                me.getId())
            .isPresent();
    if (before && !SqlValues.bool(a[4])) {
      throw Refusal.conflict("lms.error.noResubmit");
    }
    String sha = null;
    String name = null;
    if (file != null && file.length > 0) {
      if (file.length > MAX_FILE) {
        throw Refusal.invalid("lms.error.fileTooLarge", MAX_FILE >> 20);
      }
      name = fileName == null ? "file" : baseName(fileName);
      sha = MerkleTree.sha256Hex(file);
      try {
        Path dir = settings.dir().resolve("submissions");
        Files.createDirectories(dir);
        // issue 14: an attachment passes the same upload policy as evidence before it is kept
        // (an ELF binary and a zip bomb were stored as homework)
        Path checking = Files.createTempFile(dir, "upload-", ".part");
        try {
          Files.write(checking, file);
          ContentSniffer.detect(
              java.util.Arrays.copyOf(file, Math.min(file.length, 64)),
              file.length,
              checking,
              evidenceSettings.uploadLimits());
          Path target = dir.resolve(sha);
          if (!Files.exists(target)) {
            Files.move(checking, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          }
        } catch (ContentSniffer.Refused r) {
          throw Refusal.invalid(r.key());
        } finally {
          Files.deleteIfExists(checking);
        }
      } catch (IOException e) {
        throw Refusal.invalid("content.error.io", e.getMessage(), e.getMessage());
      }
    }
    Instant now = time.now();
    Instant due = SqlValues.instant(enrolled[2]).plus(SqlValues.num(a[3]), ChronoUnit.DAYS);
    boolean late = now.isAfter(due);
    long id =
        store.insert(
            "INSERT INTO submission (assignment_id, inmate_id, text, file_name, file_sha256, submitted_at, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            assignmentId,
            me.getId(),
            body,
            name,
            sha,
            now,
            late);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", me.getPrisonerNumber().value());
    p.put("assignment", assignmentId);
    p.put("late", late);
    auditLog.record(
        "lms.assignment.submitted", "submission/" + id, p, sha == null ? List.of() : List.of(sha));
    return id;
  }

  /**
   * The last segment of a file name as the learner's computer gave it. A name no file can have (a
   * NUL, a line break, nothing after the last slash) is refused, not a server error.
   */
  static String baseName(String fileName) {
    if (fileName.chars().anyMatch(Character::isISOControl)) {
      throw Refusal.invalid("lms.error.fileName");
    }
    Path last;
    try {
      last = Path.of(fileName).getFileName();
    } catch (InvalidPathException e) {
      throw Refusal.invalid("lms.error.fileName");
    }
    String name = last == null ? "" : last.toString();
    // the same name rule as evidence (issue 14): bidi tricks and the like are refused too
    if (name.isBlank()
        || name.length() > 200
        || name.contains("\\")
        || cn.xinsheng.evidence.domain.UploadName.check(name).isEmpty()) {
      throw Refusal.invalid("lms.error.fileName");
    }
    return name;
  }

  /** The latest hand-in of each learner in the teacher's cohorts' courses, not graded since. */
  @RolesAllowed(Role.TEACHER_NAME)
  public List<ToGrade> toGrade() {
    List<ToGrade> out = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT s.id, i.prisoner_number, i.name, c.title, a.title, s.text, s.file_name, s.submitted_at, s.late, a.max_points, a.rubric"
                + " FROM submission s JOIN assignment a ON a.id = s.assignment_id JOIN course c ON c.id = a.course_id"
                + " JOIN inmate i ON i.id = s.inmate_id"
                + " WHERE s.id = (SELECT MAX(s2.id) FROM submission s2 WHERE s2.assignment_id = s.assignment_id AND s2.inmate_id = s.inmate_id)"
                + " AND NOT EXISTS (SELECT 1 FROM submission_grade g WHERE g.submission_id = s.id)"
                + " AND"
                + TeacherScope.myLearner("s.inmate_id", "a.course_id", 1)
                + " ORDER BY s.submitted_at",
            caller.name())) {
      out.add(
          new ToGrade(
              SqlValues.num(r[0]),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              SqlValues.instant(r[7]),
              SqlValues.bool(r[8]),
              SqlValues.integer(r[9]),
              rubric((String) r[10])));
    }
    return out;
  }

  /** Points per rubric criterion (each within its maximum) and feedback. */
  @RolesAllowed(Role.TEACHER_NAME)
  public int grade(long submissionId, List<Integer> points, String feedback) {
    Object[] s =
        store
            .one(
                "SELECT a.max_points, a.rubric, i.prisoner_number FROM submission s JOIN assignment a ON a.id = s.assignment_id"
                    + " JOIN inmate i ON i.id = s.inmate_id WHERE s.id = ?1"
                    + " AND"
                    + TeacherScope.myLearner("s.inmate_id", "a.course_id", 2),
                submissionId,
                caller.name())
            .orElseThrow(() -> Refusal.notFound("lms.error.noSubmission"));
    List<Criterion> rubric = rubric((String) s[1]);
    if (points == null || points.size() != rubric.size()) {
      throw Refusal.invalid("lms.error.rubric", rubric.size());
    }
    int total = 0;
    StringBuilder detail = new StringBuilder();
    for (int i = 0; i < rubric.size(); i++) {
      Integer p = points.get(i);
      if (p == null || p < 0 || p > rubric.get(i).points()) {
        throw Refusal.invalid(
            "lms.error.criterionPoints", rubric.get(i).criterion(), rubric.get(i).points());
      }
      total += p;
      detail.append(rubric.get(i).criterion()).append('\t').append(p).append('\n');
    }
    if (rubric.isEmpty()) {
      throw Refusal.invalid("lms.error.rubric", 0);
    }
    total = Math.min(total, SqlValues.integer(s[0]));
    String fb = feedback == null ? "" : feedback.strip();
    if (fb.length() > 4000) {
      throw Refusal.invalid("lms.error.feedback");
    }
    long grade =
        store.insert(
            "INSERT INTO submission_grade (submission_id, points, rubric, feedback, graded_by, graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            submissionId,
            total,
            detail.toString(),
            fb,
            caller.name(),
            time.now());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", s[2]);
    p.put("submission", submissionId);
    p.put("points", (long) total);
    p.put("feedback", fb);
    auditLog.record(
        "lms.assignment.graded",
        "submission/" + submissionId,
        p,
        List.of(),
        time.now(),
        List.of(AuditLog.Bind.of(SubmissionGradeBinding.TABLE, grade)));
    return total;
  }

  /** A file a learner handed in: where it is, its name as handed in, and its type. */
  public record SubmissionFile(Path path, String name, String mediaType, long size) {}

  /**
   * The file handed in with a submission, for a teacher of a cohort that studies its course (the
   * same reach as grading it): he opens it on the screen or downloads it.
   */
  @RolesAllowed(Role.TEACHER_NAME)
  public SubmissionFile submissionFile(long submissionId) {
    Object[] s =
        store
            .one(
                "SELECT s.file_name, s.file_sha256 FROM submission s JOIN assignment a ON a.id = s.assignment_id"
                    + " WHERE s.id = ?1 AND s.file_sha256 IS NOT NULL"
                    + " AND a.course_id IN (SELECT c2.id FROM course c2 JOIN cohort h ON h.programme_id = c2.programme_id WHERE h.teacher = ?2)",
                submissionId,
                caller.name())
            .orElseThrow(() -> Refusal.notFound("lms.error.noSubmission"));
    Path f = settings.dir().resolve("submissions").resolve((String) s[1]);
    try {
      return new SubmissionFile(
          f, (String) s[0], LearningService.mediaType((String) s[0]), Files.size(f));
    } catch (IOException e) {
      throw Refusal.notFound("lms.error.noSubmission");
    }
  }
}
