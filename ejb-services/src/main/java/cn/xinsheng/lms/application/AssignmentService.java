package cn.xinsheng.lms.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.domain.ContentSniffer;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.Submissions;
import cn.xinsheng.lms.infrastructure.SubmissionGradeBinding;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
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
      List<HandedIn> submissions) {}

  /** One of the learner's hand-ins, with its latest grade (null while not graded). */
  public record HandedIn(
      long id,
      Instant submittedAt,
      boolean late,
      String text,
      String fileName,
      Integer points,
      String feedback) {}

  private static final long MAX_FILE = 20L << 20;

  @Inject CourseCatalogue catalogue;
  @Inject Submissions submissions;
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

  private CourseCatalogue.Assignment assignment(long id) {
    return catalogue
        .activeAssignment(id)
        .orElseThrow(() -> Refusal.notFound("lms.error.noAssignment"));
  }

  @RolesAllowed(Role.INMATE_NAME)
  public AssignmentView view(long assignmentId) {
    Inmate me = scope.ownInmate();
    CourseCatalogue.Assignment a = assignment(assignmentId);
    Cohorts.Enrolment enrolled = enrolments.require(me.getId(), a.courseId());
    Instant due = enrolled.enrolledAt().plus(a.dueDays(), ChronoUnit.DAYS);
    List<HandedIn> subs =
        submissions.of(assignmentId, me.getId()).stream()
            .map(
                h ->
                    new HandedIn(
                        h.id(),
                        h.submittedAt(),
                        h.late(),
                        h.text(),
                        h.fileName(),
                        h.points(),
                        h.feedback()))
            .toList();
    return new AssignmentView(
        assignmentId,
        a.courseId(),
        a.title(),
        a.instructions(),
        due,
        a.allowResubmit(),
        a.maxPoints(),
        rubric(a.rubric()),
        subs);
  }

  @RolesAllowed(Role.INMATE_NAME)
  public long submit(long assignmentId, String text, String fileName, byte[] file) {
    Inmate me = scope.ownInmate();
    CourseCatalogue.Assignment a = assignment(assignmentId);
    Cohorts.Enrolment enrolled = enrolments.require(me.getId(), a.courseId());
    String body = text == null ? "" : text.strip();
    if ((body.isEmpty() && (file == null || file.length == 0)) || body.length() > 100_000) {
      throw Refusal.invalid("lms.error.submissionEmpty");
    }
    boolean before = submissions.any(assignmentId, me.getId());
    if (before && !a.allowResubmit()) {
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
    Instant due = enrolled.enrolledAt().plus(a.dueDays(), ChronoUnit.DAYS);
    boolean late = now.isAfter(due);
    long id = submissions.insert(assignmentId, me.getId(), body, name, sha, now, late);
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
    for (Submissions.Ungraded r : submissions.ungraded(caller.name())) {
      out.add(
          new ToGrade(
              r.id(),
              r.prisonerNumber(),
              r.inmateName(),
              r.course(),
              r.assignment(),
              r.text(),
              r.fileName(),
              r.submittedAt(),
              r.late(),
              r.maxPoints(),
              rubric(r.rubric())));
    }
    return out;
  }

  /** Points per rubric criterion (each within its maximum) and feedback. */
  @RolesAllowed(Role.TEACHER_NAME)
  public int grade(long submissionId, List<Integer> points, String feedback) {
    Submissions.Gradable s =
        submissions
            .gradable(submissionId, caller.name())
            .orElseThrow(() -> Refusal.notFound("lms.error.noSubmission"));
    List<Criterion> rubric = rubric(s.rubric());
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
    total = Math.min(total, s.maxPoints());
    String fb = feedback == null ? "" : feedback.strip();
    if (fb.length() > 4000) {
      throw Refusal.invalid("lms.error.feedback");
    }
    long grade =
        submissions.grade(submissionId, total, detail.toString(), fb, caller.name(), time.now());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", s.prisonerNumber());
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
    Submissions.File s =
        submissions
            .file(submissionId, caller.name())
            .orElseThrow(() -> Refusal.notFound("lms.error.noSubmission"));
    Path f = settings.dir().resolve("submissions").resolve(s.sha256());
    try {
      return new SubmissionFile(f, s.name(), LearningService.mediaType(s.name()), Files.size(f));
    } catch (IOException e) {
      throw Refusal.notFound("lms.error.noSubmission");
    }
  }
}
