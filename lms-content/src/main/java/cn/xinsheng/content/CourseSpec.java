package cn.xinsheng.content;

import cn.xinsheng.audit.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code course.json}: the course a package brings — its programme, its sections and lessons (each
 * with a stable key, so a newer version keeps learners' progress), its quizzes (questions in the
 * {@link QuestionText} format) and assignments. Every file it names must be in the package.
 *
 * <pre>
 * {"programme": {"code","title","kind","requiredCredits","passMark","nominalMonths","limitMonths"},
 *  "course": {"code","title","credits"},
 *  "sections": [{"title", "lessons": [{"key","title","kind","file"}]}],
 *  "quizzes": [{"key","title","file","timeLimitMinutes","attempts","shuffle","passMark"}],
 *  "assignments": [{"key","title","instructions","dueDays","allowResubmit","maxPoints",
 *                   "rubric": [{"criterion","points"}]}]}
 * </pre>
 *
 * Lesson kinds: HTML (sanitized when shown), VIDEO, AUDIO, PDF, IMAGE, SCORM (file = the folder's
 * {@code imsmanifest.xml}). Programme kinds: DIPLOMA, ADMISSION, RELEASE, READING, LAW, CRAFT,
 * VOCATIONAL; only a diploma counts credits.
 */
public record CourseSpec(
    Programme programme,
    Course course,
    List<Section> sections,
    List<Quiz> quizzes,
    List<Assignment> assignments) {

  public static final String FILE = "course.json";
  static final Set<String> LESSON_KINDS = Set.of("HTML", "VIDEO", "AUDIO", "PDF", "IMAGE", "SCORM");
  static final Set<String> PROGRAMME_KINDS =
      Set.of("DIPLOMA", "ADMISSION", "RELEASE", "READING", "LAW", "CRAFT", "VOCATIONAL");

  public record Programme(
      String code,
      String title,
      String kind,
      long requiredCredits,
      long passMark,
      long nominalMonths,
      long limitMonths) {}

  public record Course(String code, String title, long credits) {}

  public record Lesson(String key, String title, String kind, String file) {}

  public record Section(String title, List<Lesson> lessons) {}

  public record Quiz(
      String key,
      String title,
      String file,
      long timeLimitMinutes,
      long attempts,
      boolean shuffle,
      long passMark) {}

  public record Criterion(String criterion, long points) {}

  public record Assignment(
      String key,
      String title,
      String instructions,
      long dueDays,
      boolean allowResubmit,
      long maxPoints,
      List<Criterion> rubric) {}

  /** Reads and checks {@code course.json} of an extracted package. */
  public static CourseSpec read(Path folder) throws ContentRefusal {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw bad("course.json 缺失", "no course.json");
    }
    Map<?, ?> m;
    try {
      Object v = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!(v instanceof Map<?, ?> map)) {
        throw bad("course.json 不是对象", "course.json is not an object");
      }
      m = map;
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw bad("course.json 无法解析", "course.json cannot be read: " + e.getMessage());
    }
    try {
      Map<?, ?> p = (Map<?, ?>) m.get("programme");
      Programme programme =
          new Programme(
              str(p, "code"),
              str(p, "title"),
              str(p, "kind"),
              num(p, "requiredCredits", 0),
              num(p, "passMark", 60),
              num(p, "nominalMonths", 0),
              num(p, "limitMonths", 0));
      if (!PROGRAMME_KINDS.contains(programme.kind())) {
        throw bad("未知的项目类型 " + programme.kind(), "unknown programme kind " + programme.kind());
      }
      Map<?, ?> c = (Map<?, ?>) m.get("course");
      Course course = new Course(str(c, "code"), str(c, "title"), num(c, "credits", 0));
      List<Section> sections = new ArrayList<>();
      Set<String> keys = new java.util.HashSet<>();
      for (Object so : list(m, "sections")) {
        Map<?, ?> s = (Map<?, ?>) so;
        List<Lesson> lessons = new ArrayList<>();
        for (Object lo : list(s, "lessons")) {
          Map<?, ?> l = (Map<?, ?>) lo;
          Lesson lesson =
              new Lesson(str(l, "key"), str(l, "title"), str(l, "kind"), str(l, "file"));
          if (!LESSON_KINDS.contains(lesson.kind())) {
            throw bad("未知的课时类型 " + lesson.kind(), "unknown lesson kind " + lesson.kind());
          }
          requireFile(folder, lesson.file());
          if (!keys.add("lesson:" + lesson.key())) {
            throw bad("课时键重复：" + lesson.key(), "duplicate lesson key " + lesson.key());
          }
          lessons.add(lesson);
        }
        sections.add(new Section(str(s, "title"), lessons));
      }
      List<Quiz> quizzes = new ArrayList<>();
      for (Object qo : list(m, "quizzes")) {
        Map<?, ?> q = (Map<?, ?>) qo;
        Quiz quiz =
            new Quiz(
                str(q, "key"),
                str(q, "title"),
                str(q, "file"),
                num(q, "timeLimitMinutes", 0),
                num(q, "attempts", 1),
                Boolean.TRUE.equals(q.get("shuffle")),
                num(q, "passMark", 60));
        requireFile(folder, quiz.file());
        QuestionText.parse(Files.readString(folder.resolve(quiz.file()), StandardCharsets.UTF_8));
        quizzes.add(quiz);
      }
      List<Assignment> assignments = new ArrayList<>();
      for (Object ao : list(m, "assignments")) {
        Map<?, ?> a = (Map<?, ?>) ao;
        List<Criterion> rubric = new ArrayList<>();
        for (Object ro : list(a, "rubric")) {
          Map<?, ?> r = (Map<?, ?>) ro;
          rubric.add(new Criterion(str(r, "criterion"), num(r, "points", 0)));
        }
        assignments.add(
            new Assignment(
                str(a, "key"),
                str(a, "title"),
                str(a, "instructions"),
                num(a, "dueDays", 14),
                Boolean.TRUE.equals(a.get("allowResubmit")),
                num(a, "maxPoints", 100),
                rubric));
      }
      return new CourseSpec(programme, course, sections, quizzes, assignments);
    } catch (ClassCastException | NullPointerException | java.io.IOException e) {
      throw bad("course.json 结构不正确", "course.json has the wrong shape: " + e.getMessage());
    }
  }

  private static void requireFile(Path folder, String file) throws ContentRefusal {
    ContentPackage.safePath(file);
    if (!Files.isRegularFile(folder.resolve(file).normalize())) {
      throw bad(
          "course.json 引用的文件不在包中：" + file, "course.json names a file not in the package: " + file);
    }
  }

  private static List<?> list(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? List.of() : (List<?>) v;
  }

  private static String str(Map<?, ?> m, String key) throws ContentRefusal {
    if (!(m.get(key) instanceof String s) || s.isBlank() || s.length() > 4000) {
      throw bad("course.json 缺少 " + key, "course.json lacks " + key);
    }
    return s.strip();
  }

  private static long num(Map<?, ?> m, String key, long fallback) throws ContentRefusal {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Long l) || l < 0) {
      throw bad(
          "course.json 中 " + key + " 须为非负整数", "course.json: " + key + " must be a whole number");
    }
    return l;
  }

  static ContentRefusal bad(String zh, String en) {
    return new ContentRefusal("course", zh, en);
  }
}
