package cn.xinsheng.lms.application;

import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.ScormManifest;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.CourseStanding;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.StudyProgress;
import cn.xinsheng.lms.domain.Submissions;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Studying at the terminal: the inmate's courses and what to do next, a course's sections and
 * lessons with his progress, a lesson to read, watch or play (resumed where he left off), his
 * progress kept as he goes. He reaches only the courses he is enrolled in.
 */
@Stateless
public class LearningService {

  /** Something to do next on the home page. */
  public record NextAction(String kind, long id, String title, String courseTitle, Instant due) {}

  /** A course on the inmate's list, with his standing. */
  public record CourseCard(
      long id,
      String title,
      String programme,
      String programmeKind,
      int credits,
      int percentDone,
      BigDecimal grade,
      boolean complete) {}

  public record LessonLine(
      long id,
      int sectionNo,
      String sectionTitle,
      String title,
      String kind,
      boolean done,
      int positionSeconds,
      String scormResult) {}

  public record QuizLine(
      long id,
      String title,
      int attempts,
      int used,
      BigDecimal best,
      int passMark,
      int timeLimitMinutes) {}

  public record AssignmentLine(
      long id,
      String title,
      Instant due,
      boolean submitted,
      Integer points,
      int maxPoints,
      String feedback) {}

  public record CourseView(
      long id,
      String title,
      String programme,
      int credits,
      List<LessonLine> lessons,
      List<QuizLine> quizzes,
      List<AssignmentLine> assignments,
      CourseStanding standing) {}

  /** A lesson as shown: sanitized HTML, or the file to stream, or the SCO to launch. */
  public record LessonView(
      long id,
      long courseId,
      String courseTitle,
      String title,
      String kind,
      String html,
      String fileUrl,
      String mediaType,
      int resumeSeconds,
      Long previous,
      Long next) {}

  /** A file of a course, to stream with range requests. */
  /**
   * A course file to serve. {@code sandboxed}: markup (HTML, SVG, XML) is served in a sandbox of
   * its own (issue 14): opened by its URL it runs in no origin, so a script in it cannot act with
   * the inmate's session. A SCO runs from the courseware path instead, in its own sandbox.
   */
  public record CourseFile(Path path, String mediaType, long size, boolean sandboxed) {}

  @Inject CourseCatalogue catalogue;
  @Inject Cohorts cohorts;
  @Inject StudyProgress progress;
  @Inject QuizAttempts quizAttempts;
  @Inject Submissions submissions;
  @Inject LmsSettings settings;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject Standings standings;
  @Inject PrisonTime time;
  @Inject Enrolments enrolments;
  @Inject ScormAttempts attempts;

  // --- the inmate's courses --------------------------------------------------------------------

  @RolesAllowed(Role.INMATE_NAME)
  public List<CourseCard> myCourses() {
    Inmate me = scope.ownInmate();
    List<CourseCard> out = new ArrayList<>();
    for (CourseCatalogue.Course c : cohorts.coursesOf(me.getId())) {
      CourseStanding s = standings.of(me.getId(), c.id());
      out.add(
          new CourseCard(
              c.id(),
              c.title(),
              c.programme(),
              c.programmeKind(),
              c.credits(),
              s.percentDone(),
              s.grade(),
              s.complete()));
    }
    return out;
  }

  /**
   * What to do next: continue each course's first unfinished lesson, due quizzes and assignments.
   */
  @RolesAllowed(Role.INMATE_NAME)
  public List<NextAction> next() {
    Inmate me = scope.ownInmate();
    List<NextAction> out = new ArrayList<>();
    for (StudyProgress.ToDo t : progress.nextLessons(me.getId())) {
      out.add(new NextAction("LESSON", t.id(), t.title(), t.courseTitle(), null));
    }
    for (StudyProgress.ToDo t : progress.openQuizzes(me.getId())) {
      out.add(new NextAction("QUIZ", t.id(), t.title(), t.courseTitle(), null));
    }
    for (StudyProgress.ToDo t : progress.assignmentsNotHandedIn(me.getId())) {
      Instant due = t.enrolledAt().plus(t.dueDays(), ChronoUnit.DAYS);
      out.add(new NextAction("ASSIGNMENT", t.id(), t.title(), t.courseTitle(), due));
    }
    return out;
  }

  @RolesAllowed(Role.INMATE_NAME)
  public CourseView course(long courseId) {
    Inmate me = scope.ownInmate();
    Cohorts.Enrolment c = enrolled(me.getId(), courseId);
    List<LessonLine> lessons = new ArrayList<>();
    Map<Long, Standings.ScormResult> scorm = standings.scormResults(me.getId(), courseId);
    for (StudyProgress.LessonProgress l : progress.lessons(courseId, me.getId())) {
      lessons.add(
          new LessonLine(
              l.id(),
              l.sectionNo(),
              l.sectionTitle(),
              l.title(),
              l.kind(),
              l.done(),
              l.positionSeconds(),
              scorm.containsKey(l.id()) ? scorm.get(l.id()).text() : null));
    }
    List<QuizLine> quizzes = new ArrayList<>();
    for (CourseCatalogue.Quiz q : catalogue.activeQuizzes(courseId)) {
      quizzes.add(
          new QuizLine(
              q.id(),
              q.title(),
              q.attempts(),
              quizAttempts.count(q.id(), me.getId()),
              standings.bestPercent(q.id(), me.getId()),
              q.passMark(),
              q.timeLimitMinutes()));
    }
    Instant enrolled = c.enrolledAt();
    List<AssignmentLine> assignments = new ArrayList<>();
    for (CourseCatalogue.Assignment a : catalogue.activeAssignments(courseId)) {
      Long latest = submissions.latest(a.id(), me.getId()).orElse(null);
      Submissions.Grade g = latest == null ? null : submissions.latestGrade(latest).orElse(null);
      assignments.add(
          new AssignmentLine(
              a.id(),
              a.title(),
              enrolled.plus(a.dueDays(), ChronoUnit.DAYS),
              latest != null,
              g == null ? null : g.points(),
              a.maxPoints(),
              g == null ? null : g.feedback()));
    }
    return new CourseView(
        courseId,
        c.courseTitle(),
        c.programmeTitle(),
        c.credits(),
        lessons,
        quizzes,
        assignments,
        standings.of(me.getId(), courseId));
  }

  private Cohorts.Enrolment enrolled(long inmateId, long courseId) {
    return enrolments.require(inmateId, courseId);
  }

  // --- lessons ---------------------------------------------------------------------------------

  @RolesAllowed(Role.INMATE_NAME)
  public LessonView lesson(long lessonId) {
    Inmate me = scope.ownInmate();
    CourseCatalogue.Lesson l = lessonRow(lessonId);
    long courseId = l.courseId();
    Cohorts.Enrolment c = enrolled(me.getId(), courseId);
    String kind = l.kind();
    String file = l.file();
    Path dir = settings.dir().resolve(l.contentDir());
    String html = null;
    String files = filesUrl(lessonId, l.contentDir());
    String fileUrl = files + file;
    try {
      if (kind.equals("HTML")) {
        html = sanitize(Files.readString(dir.resolve(file), StandardCharsets.UTF_8), files, file);
        fileUrl = null;
      } else if (kind.equals("SCORM")) {
        ScormManifest m = ScormManifest.read(dir.resolve(file));
        String base = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        fileUrl = files + base + m.items().get(0).href();
      }
    } catch (IOException | ContentRefusal e) {
      throw Refusal.notFound("lms.error.content");
    }
    Integer resume = progress.position(me.getId(), lessonId).orElse(null);
    progress.seen(me.getId(), lessonId, time.now());
    Long previous = catalogue.neighbour(courseId, l.position(), true).orElse(null);
    Long next = catalogue.neighbour(courseId, l.position(), false).orElse(null);
    return new LessonView(
        lessonId,
        courseId,
        c.courseTitle(),
        l.title(),
        kind,
        html,
        fileUrl,
        mediaType(file),
        resume == null ? 0 : resume,
        previous,
        next);
  }

  private CourseCatalogue.Lesson lessonRow(long lessonId) {
    return catalogue
        .activeLesson(lessonId)
        .orElseThrow(() -> Refusal.notFound("lms.error.noLesson"));
  }

  /**
   * Where the learner is: the video's second, the time spent since the last report (at most two
   * minutes counts: a terminal left open does not study), done or not.
   */
  @RolesAllowed(Role.INMATE_NAME)
  public void progress(long lessonId, int positionSeconds, int spentSeconds, boolean completed) {
    Inmate me = scope.ownInmate();
    CourseCatalogue.Lesson l = lessonRow(lessonId);
    enrolled(me.getId(), l.courseId());
    if (positionSeconds < 0 || spentSeconds < 0) {
      throw Refusal.invalid("lms.error.progress");
    }
    recordProgress(
        progress, time.now(), me.getId(), lessonId, positionSeconds, spentSeconds, completed);
  }

  /** Keeps where a learner is in a lesson (at most two minutes of a report count). */
  static void recordProgress(
      StudyProgress progress,
      Instant now,
      long inmateId,
      long lessonId,
      int positionSeconds,
      int spentSeconds,
      boolean completed) {
    int spent = Math.min(spentSeconds, 120);
    progress.record(inmateId, lessonId, positionSeconds, spent, completed ? now : null, now);
  }

  /**
   * A file of a lesson's course: for its enrolled learners, its teachers and the education office.
   */
  @RolesAllowed({Role.INMATE_NAME, Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public CourseFile file(long lessonId, String relative) {
    return fileOf(scope.ownInmate().getId(), lessonId, relative);
  }

  /**
   * A file of the course of a SCO attempt, for the SCO's sandboxed frame, found by the attempt's
   * token alone (issue 14, finding 11): only files of the attempt's own lesson.
   */
  @jakarta.annotation.security.PermitAll
  public CourseFile attemptFile(String token, String relative) {
    ScormAttempts.Attempt a = attempts.of(token);
    return fileOf(a.inmateId(), a.lessonId(), relative);
  }

  private CourseFile fileOf(long inmateId, long lessonId, String relative) {
    CourseCatalogue.Lesson l = lessonRow(lessonId);
    enrolled(inmateId, l.courseId());
    Path dir = settings.dir().resolve(l.contentDir()).normalize();
    Path f;
    try {
      f = dir.resolve(cleanPath(relative)).normalize();
    } catch (ContentRefusal e) {
      throw Refusal.notFound("lms.error.content");
    }
    if (!f.startsWith(dir)
        || !Files.isRegularFile(f)
        || !isAsset(l.contentDir(), dir, dir.relativize(f).toString().replace('\\', '/'))) {
      throw Refusal.notFound("lms.error.content");
    }
    try {
      String type = mediaType(f.getFileName().toString());
      boolean markup =
          type.startsWith("text/html")
              || type.startsWith("image/svg")
              || type.startsWith("application/xml");
      // a SCORM lesson's markup too: its SCOs run from the courseware path (issue 14, finding 11)
      return new CourseFile(f, type, Files.size(f), markup);
    } catch (IOException e) {
      throw Refusal.notFound("lms.error.content");
    }
  }

  /**
   * Whether the course's list made at import names this file (issue 14, finding 3). A course
   * imported before the list existed gets it now, from its own course.json.
   */
  private boolean isAsset(String contentDir, Path dir, String relative) {
    String sha = cn.xinsheng.audit.MerkleTree.sha256Hex(relative.getBytes(StandardCharsets.UTF_8));
    if (catalogue.listsAsset(contentDir, relative, sha)) {
      return true;
    }
    if (catalogue.hasAssetList(contentDir)) {
      return false;
    }
    try {
      java.util.List<String> assets =
          CourseAssets.of(dir, cn.xinsheng.content.CourseSpec.read(dir));
      ContentImportService.listAssets(catalogue, contentDir, assets);
      return assets.contains(relative);
    } catch (IOException | ContentRefusal e) {
      return false;
    }
  }

  private static String cleanPath(String relative) throws ContentRefusal {
    String r = relative == null ? "" : relative;
    int q = r.indexOf('?');
    return q >= 0 ? r.substring(0, q) : r;
  }

  /**
   * Lesson HTML through jsoup's allowlist (no scripts, no event handlers, no frames); its relative
   * images point at the lesson's own files; images and links that lead outside the course go.
   */
  static String sanitize(String html, long lessonId, String file) {
    return sanitize(html, "/api/v1/lms/lessons/" + lessonId + "/file/", file);
  }

  /**
   * Where a lesson's files are served: under the course's package version as a path segment, so a
   * newer version is a new URL (seen at once) and each URL's bytes never change (cached long).
   */
  public static String filesUrl(long lessonId, String contentDir) {
    String version = contentDir.substring(contentDir.lastIndexOf('/') + 1);
    return "/api/v1/lms/lessons/" + lessonId + "/v" + version + "/file/";
  }

  /** The package version whose files a lesson shows now. */
  @RolesAllowed({Role.INMATE_NAME, Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public long contentVersion(long lessonId) {
    String dir = lessonRow(lessonId).contentDir();
    return Long.parseLong(dir.substring(dir.lastIndexOf('/') + 1));
  }

  static String sanitize(String html, String filesUrl, String file) {
    String inside = "http://lesson.invalid/";
    String base = inside + (file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "");
    Document dirty = Jsoup.parse(html, base);
    for (Element img : dirty.select("img")) {
      String abs = img.absUrl("src");
      if (abs.startsWith(inside)) {
        img.attr("src", filesUrl + abs.substring(inside.length()));
      } else {
        img.remove();
      }
    }
    for (Element a : dirty.select("a")) {
      // the terminal goes nowhere outside the learner's courses
      a.unwrap();
    }
    return Jsoup.clean(dirty.body().html(), inside, Safelist.relaxed().preserveRelativeLinks(true));
  }

  static String mediaType(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    Map<String, String> types =
        Map.ofEntries(
            Map.entry(".html", "text/html; charset=UTF-8"),
            Map.entry(".htm", "text/html; charset=UTF-8"),
            Map.entry(".js", "text/javascript; charset=UTF-8"),
            Map.entry(".css", "text/css; charset=UTF-8"),
            Map.entry(".mp4", "video/mp4"),
            Map.entry(".webm", "video/webm"),
            Map.entry(".mp3", "audio/mpeg"),
            Map.entry(".ogg", "audio/ogg"),
            Map.entry(".wav", "audio/wav"),
            Map.entry(".pdf", "application/pdf"),
            Map.entry(".png", "image/png"),
            Map.entry(".jpg", "image/jpeg"),
            Map.entry(".jpeg", "image/jpeg"),
            Map.entry(".gif", "image/gif"),
            Map.entry(".svg", "image/svg+xml"),
            Map.entry(".json", "application/json"),
            Map.entry(".xml", "application/xml"),
            Map.entry(".txt", "text/plain; charset=UTF-8"));
    for (Map.Entry<String, String> e : types.entrySet()) {
      if (f.endsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return "application/octet-stream";
  }
}
