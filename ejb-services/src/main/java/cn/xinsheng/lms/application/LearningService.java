package cn.xinsheng.lms.application;

import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.ScormManifest;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.CourseStanding;
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

  @Inject LearningStore store;
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
    for (Object[] r :
        store.rows(
            "SELECT c.id, c.title, p.title, p.kind, c.credits FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN programme p ON p.id = c.programme_id WHERE e.inmate_id = ?1 ORDER BY p.kind, c.title",
            me.getId())) {
      long id = SqlValues.num(r[0]);
      CourseStanding s = standings.of(me.getId(), id);
      out.add(
          new CourseCard(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              SqlValues.integer(r[4]),
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
    for (Object[] r :
        store.rows(
            "SELECT l.id, l.title, c.title FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN lesson l ON l.course_id = c.id AND l.active"
                + " LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.inmate_id = e.inmate_id"
                + " WHERE e.inmate_id = ?1 AND p.completed_at IS NULL"
                + " AND l.position = (SELECT MIN(l2.position) FROM lesson l2 LEFT JOIN lesson_progress p2"
                + "   ON p2.lesson_id = l2.id AND p2.inmate_id = e.inmate_id"
                + "   WHERE l2.course_id = c.id AND l2.active AND p2.completed_at IS NULL)"
                + " ORDER BY c.title",
            me.getId())) {
      out.add(new NextAction("LESSON", SqlValues.num(r[0]), (String) r[1], (String) r[2], null));
    }
    for (Object[] r :
        store.rows(
            "SELECT q.id, q.title, c.title FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN quiz q ON q.course_id = c.id AND q.active"
                + " WHERE e.inmate_id = ?1 AND (SELECT COUNT(*) FROM quiz_attempt a WHERE a.quiz_id = q.id"
                + " AND a.inmate_id = e.inmate_id) < q.attempts AND NOT EXISTS (SELECT 1 FROM quiz_attempt a"
                + " JOIN quiz_grading g ON g.attempt_id = a.id WHERE a.quiz_id = q.id AND a.inmate_id = e.inmate_id"
                + " AND g.max_score > 0 AND g.score * 100 >= q.pass_mark * g.max_score) ORDER BY c.title, q.id",
            me.getId())) {
      out.add(new NextAction("QUIZ", SqlValues.num(r[0]), (String) r[1], (String) r[2], null));
    }
    for (Object[] r :
        store.rows(
            "SELECT a.id, a.title, c.title, e.enrolled_at, a.due_days FROM enrolment e JOIN course c ON c.id = e.course_id"
                + " JOIN assignment a ON a.course_id = c.id AND a.active WHERE e.inmate_id = ?1"
                + " AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.assignment_id = a.id AND s.inmate_id = e.inmate_id)"
                + " ORDER BY e.enrolled_at, a.id",
            me.getId())) {
      Instant due = SqlValues.instant(r[3]).plus(SqlValues.num(r[4]), ChronoUnit.DAYS);
      out.add(new NextAction("ASSIGNMENT", SqlValues.num(r[0]), (String) r[1], (String) r[2], due));
    }
    return out;
  }

  @RolesAllowed(Role.INMATE_NAME)
  public CourseView course(long courseId) {
    Inmate me = scope.ownInmate();
    Object[] c = enrolled(me.getId(), courseId);
    List<LessonLine> lessons = new ArrayList<>();
    Map<Long, Standings.ScormResult> scorm = standings.scormResults(me.getId(), courseId);
    for (Object[] r :
        store.rows(
            "SELECT l.id, l.section_no, l.section_title, l.title, l.kind, p.completed_at, COALESCE(p.position_seconds, 0)"
                + " FROM lesson l LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.inmate_id = ?2"
                + " WHERE l.course_id = ?1 AND l.active ORDER BY l.position",
            courseId,
            me.getId())) {
      lessons.add(
          new LessonLine(
              SqlValues.num(r[0]),
              SqlValues.integer(r[1]),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              r[5] != null,
              SqlValues.integer(r[6]),
              scorm.containsKey(SqlValues.num(r[0]))
                  ? scorm.get(SqlValues.num(r[0])).text()
                  : null));
    }
    List<QuizLine> quizzes = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT q.id, q.title, q.attempts, (SELECT COUNT(*) FROM quiz_attempt a WHERE a.quiz_id = q.id AND a.inmate_id = ?2),"
                + " q.pass_mark, q.time_limit_minutes FROM quiz q WHERE q.course_id = ?1 AND q.active ORDER BY q.id",
            courseId,
            me.getId())) {
      long quizId = SqlValues.num(r[0]);
      quizzes.add(
          new QuizLine(
              quizId,
              (String) r[1],
              SqlValues.integer(r[2]),
              SqlValues.integer(r[3]),
              standings.bestPercent(quizId, me.getId()),
              SqlValues.integer(r[4]),
              SqlValues.integer(r[5])));
    }
    Instant enrolled = SqlValues.instant(c[2]);
    List<AssignmentLine> assignments = new ArrayList<>();
    for (Object[] r :
        store.rows(
            "SELECT a.id, a.title, a.due_days, a.max_points,"
                + " (SELECT MAX(s.id) FROM submission s WHERE s.assignment_id = a.id AND s.inmate_id = ?2)"
                + " FROM assignment a WHERE a.course_id = ?1 AND a.active ORDER BY a.id",
            courseId,
            me.getId())) {
      Integer points = null;
      String feedback = null;
      if (r[4] != null) {
        Object[] g =
            store
                .one(
                    "SELECT points, feedback FROM submission_grade WHERE submission_id = ?1 ORDER BY id DESC LIMIT 1",
                    SqlValues.num(r[4]))
                .orElse(null);
        if (g != null) {
          points = SqlValues.integer(g[0]);
          feedback = (String) g[1];
        }
      }
      assignments.add(
          new AssignmentLine(
              SqlValues.num(r[0]),
              (String) r[1],
              enrolled.plus(SqlValues.num(r[2]), ChronoUnit.DAYS),
              r[4] != null,
              points,
              SqlValues.integer(r[3]),
              feedback));
    }
    return new CourseView(
        courseId,
        (String) c[0],
        (String) c[1],
        SqlValues.integer(c[3]),
        lessons,
        quizzes,
        assignments,
        standings.of(me.getId(), courseId));
  }

  private Object[] enrolled(long inmateId, long courseId) {
    return enrolments.require(inmateId, courseId);
  }

  // --- lessons ---------------------------------------------------------------------------------

  @RolesAllowed(Role.INMATE_NAME)
  public LessonView lesson(long lessonId) {
    Inmate me = scope.ownInmate();
    Object[] l = lessonRow(lessonId);
    long courseId = SqlValues.num(l[0]);
    Object[] c = enrolled(me.getId(), courseId);
    String kind = (String) l[2];
    String file = (String) l[3];
    Path dir = settings.dir().resolve((String) l[4]);
    String html = null;
    String files = filesUrl(lessonId, (String) l[4]);
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
    Object[] p =
        store
            .one(
                "SELECT position_seconds FROM lesson_progress WHERE inmate_id = ?1 AND lesson_id = ?2",
                me.getId(),
                lessonId)
            .orElse(null);
    store.exec(
        "INSERT INTO lesson_progress (inmate_id, lesson_id, position_seconds, seconds_spent, last_seen_at) VALUES (?1, ?2, 0, 0, ?3)"
            + " ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at)",
        me.getId(),
        lessonId,
        time.now());
    Long previous = neighbour(courseId, SqlValues.integer(l[5]), true);
    Long next = neighbour(courseId, SqlValues.integer(l[5]), false);
    return new LessonView(
        lessonId,
        courseId,
        (String) c[0],
        (String) l[1],
        kind,
        html,
        fileUrl,
        mediaType(file),
        p == null ? 0 : SqlValues.integer(p[0]),
        previous,
        next);
  }

  private Long neighbour(long courseId, int position, boolean before) {
    return store
        .one(
            before
                ? "SELECT id FROM lesson WHERE course_id = ?1 AND active AND position < ?2 ORDER BY position DESC LIMIT 1"
                : "SELECT id FROM lesson WHERE course_id = ?1 AND active AND position > ?2 ORDER BY position LIMIT 1",
            courseId,
            position)
        .map(r -> SqlValues.num(r[0]))
        .orElse(null);
  }

  /** course id, title, kind, file, content dir, position */
  private Object[] lessonRow(long lessonId) {
    return store
        .one(
            "SELECT l.course_id, l.title, l.kind, l.file, c.content_dir, l.position FROM lesson l JOIN course c ON c.id = l.course_id"
                + " WHERE l.id = ?1 AND l.active",
            lessonId)
        .orElseThrow(() -> Refusal.notFound("lms.error.noLesson"));
  }

  /**
   * Where the learner is: the video's second, the time spent since the last report (at most two
   * minutes counts: a terminal left open does not study), done or not.
   */
  @RolesAllowed(Role.INMATE_NAME)
  public void progress(long lessonId, int positionSeconds, int spentSeconds, boolean completed) {
    Inmate me = scope.ownInmate();
    Object[] l = lessonRow(lessonId);
    enrolled(me.getId(), SqlValues.num(l[0]));
    if (positionSeconds < 0 || spentSeconds < 0) {
      throw Refusal.invalid("lms.error.progress");
    }
    recordProgress(
        store, time.now(), me.getId(), lessonId, positionSeconds, spentSeconds, completed);
  }

  /** Keeps where a learner is in a lesson (at most two minutes of a report count). */
  static void recordProgress(
      LearningStore store,
      Instant now,
      long inmateId,
      long lessonId,
      int positionSeconds,
      int spentSeconds,
      boolean completed) {
    int spent = Math.min(spentSeconds, 120);
    store.exec(
        "INSERT INTO lesson_progress (inmate_id, lesson_id, position_seconds, seconds_spent, completed_at, last_seen_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE position_seconds = VALUES(position_seconds),"
            + " seconds_spent = seconds_spent + VALUES(seconds_spent),"
            + " completed_at = COALESCE(completed_at, VALUES(completed_at)), last_seen_at = VALUES(last_seen_at)",
        inmateId,
        lessonId,
        positionSeconds,
        spent,
        completed ? now : null,
        now);
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
    Object[] l = lessonRow(lessonId);
    enrolled(inmateId, SqlValues.num(l[0]));
    Path dir = settings.dir().resolve((String) l[4]).normalize();
    Path f;
    try {
      f = dir.resolve(cleanPath(relative)).normalize();
    } catch (ContentRefusal e) {
      throw Refusal.notFound("lms.error.content");
    }
    if (!f.startsWith(dir)
        || !Files.isRegularFile(f)
        || !isAsset((String) l[4], dir, dir.relativize(f).toString().replace('\\', '/'))) {
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
    if (store
        .one(
            "SELECT 1 FROM course_asset WHERE content_dir = ?1 AND path_sha256 = ?2 AND path = ?3",
            contentDir,
            sha,
            relative)
        .isPresent()) {
      return true;
    }
    if (store
        .one("SELECT 1 FROM course_asset WHERE content_dir = ?1 LIMIT 1", contentDir)
        .isPresent()) {
      return false;
    }
    try {
      java.util.List<String> assets =
          CourseAssets.of(dir, cn.xinsheng.content.CourseSpec.read(dir));
      ContentImportService.listAssets(store, contentDir, assets);
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
    String dir = (String) lessonRow(lessonId)[4];
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
