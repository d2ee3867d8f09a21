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
 *  "banks": [{"key","title","file"}],
 *  "quizzes": [{"key","title","file"?,"timeLimitMinutes","attempts","shuffle","passMark",
 *               "draws": [{"bank","category","count"}]}],
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
    List<Bank> banks,
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

  /** A question bank: questions by category, in the question text format. */
  public record Bank(String key, String title, String file) {}

  /** At each attempt, this many questions of a category drawn at random from a bank. */
  public record Draw(String bank, String category, long count) {}

  /** A quiz: its own questions (file, may be absent when it draws) and its draws from banks. */
  public record Quiz(
      String key,
      String title,
      String file,
      long timeLimitMinutes,
      long attempts,
      boolean shuffle,
      long passMark,
      List<Draw> draws) {}

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
      limit("programme code", programme.code(), Manifest.MAX_ID);
      limit("programme title", programme.title(), 200);
      limit("course code", course.code(), Manifest.MAX_ID);
      limit("course title", course.title(), 200);
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
          if (lesson.kind().equals("SCORM")) {
            ScormManifest.requireLaunchFiles(folder.resolve(lesson.file()));
          }
          limit("lesson key", lesson.key(), 100);
          limit("lesson title", lesson.title(), 200);
          limit("lesson file", lesson.file(), 500);
          if (!keys.add("lesson:" + lesson.key())) {
            throw bad("课时键重复：" + lesson.key(), "duplicate lesson key " + lesson.key());
          }
          lessons.add(lesson);
        }
        sections.add(new Section(str(s, "title"), lessons));
      }
      Map<String, List<QuestionText.Spec>> bankQuestions = new java.util.HashMap<>();
      List<Bank> banks = new ArrayList<>();
      for (Object bo : list(m, "banks")) {
        Map<?, ?> b = (Map<?, ?>) bo;
        Bank bank = new Bank(str(b, "key"), str(b, "title"), str(b, "file"));
        requireFile(folder, bank.file());
        bankQuestions.put(
            bank.key(),
            QuestionText.parse(
                Files.readString(folder.resolve(bank.file()), StandardCharsets.UTF_8)));
        banks.add(bank);
      }
      List<Quiz> quizzes = new ArrayList<>();
      for (Object qo : list(m, "quizzes")) {
        Map<?, ?> q = (Map<?, ?>) qo;
        List<Draw> draws = new ArrayList<>();
        for (Object d0 : list(q, "draws")) {
          Map<?, ?> d = (Map<?, ?>) d0;
          Draw draw = new Draw(str(d, "bank"), str(d, "category"), num(d, "count", 1));
          List<QuestionText.Spec> pool = bankQuestions.get(draw.bank());
          long available =
              pool == null
                  ? 0
                  : pool.stream().filter(x -> x.category().equals(draw.category())).count();
          if (draw.count() < 1 || available < draw.count()) {
            throw bad(
                "测验从题库 "
                    + draw.bank()
                    + " 的“"
                    + draw.category()
                    + "”类抽 "
                    + draw.count()
                    + " 题，题库只有 "
                    + available
                    + " 题",
                "a quiz draws "
                    + draw.count()
                    + " questions of \""
                    + draw.category()
                    + "\" from bank "
                    + draw.bank()
                    + ", which has "
                    + available);
          }
          draws.add(draw);
        }
        String own = q.get("file") == null && !draws.isEmpty() ? null : str(q, "file");
        Quiz quiz =
            new Quiz(
                str(q, "key"),
                str(q, "title"),
                own,
                num(q, "timeLimitMinutes", 0),
                num(q, "attempts", 1),
                Boolean.TRUE.equals(q.get("shuffle")),
                num(q, "passMark", 60),
                draws);
        if (own != null) {
          requireFile(folder, own);
          QuestionText.parse(Files.readString(folder.resolve(own), StandardCharsets.UTF_8));
        }
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
      return new CourseSpec(programme, course, sections, banks, quizzes, assignments);
    } catch (ClassCastException | NullPointerException | java.io.IOException e) {
      throw bad("course.json 结构不正确", "course.json has the wrong shape: " + e.getMessage());
    }
  }

  /** A value longer than its column: refused here, not as a database error at import. */
  private static void limit(String what, String value, int max) throws ContentRefusal {
    if (value.length() > max) {
      throw bad(
          "course.json 中 " + what + " 超过 " + max + " 个字符（现为 " + value.length() + "）：" + value,
          "course.json: "
              + what
              + " is longer than "
              + max
              + " characters ("
              + value.length()
              + "): "
              + value);
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
