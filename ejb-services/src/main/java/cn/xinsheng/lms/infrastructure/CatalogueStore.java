package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exec;
import static cn.xinsheng.lms.infrastructure.NativeSql.exists;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.ids;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.CourseCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link CourseCatalogue} in native SQL on learning's course tables (ADR 0013). */
@ApplicationScoped
public class CatalogueStore implements CourseCatalogue {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String QUIZ =
      "SELECT id, course_id, title, time_limit_minutes, attempts, shuffle, pass_mark, questions, draws"
          + " FROM quiz";

  private static final String ASSIGNMENT =
      "SELECT id, course_id, title, instructions, due_days, allow_resubmit, max_points, rubric"
          + " FROM assignment";

  @Override
  public List<Programme> programmes() {
    return list(
        em,
        "SELECT p.id, p.code, p.title, p.kind, p.required_credits, p.pass_mark,"
            + " (SELECT COUNT(*) FROM course c WHERE c.programme_id = p.id) FROM programme p ORDER BY p.kind, p.code",
        r ->
            new Programme(
                num(r[0]),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                integer(r[4]),
                integer(r[5]),
                integer(r[6])));
  }

  @Override
  public Optional<Long> programmeId(String code) {
    return first(em, "SELECT id FROM programme WHERE code = ?1", r -> num(r[0]), code);
  }

  @Override
  public List<Long> courseIdsOfProgramme(long programmeId) {
    return ids(em, "SELECT id FROM course WHERE programme_id = ?1", programmeId);
  }

  @Override
  public Optional<Terms> terms(long courseId) {
    return first(
        em,
        "SELECT (SELECT COUNT(*) FROM lesson l WHERE l.course_id = ?1 AND l.active), c.credits, p.pass_mark"
            + " FROM course c JOIN programme p ON p.id = c.programme_id WHERE c.id = ?1",
        r -> new Terms(integer(r[0]), integer(r[1]), integer(r[2])),
        courseId);
  }

  private static Listed listed(Object[] r) {
    return new Listed(num(r[0]), (String) r[1], (String) r[2]);
  }

  @Override
  public List<Listed> all() {
    return list(
        em,
        "SELECT c.id, c.title, p.title FROM course c JOIN programme p ON p.id = c.programme_id ORDER BY p.title, c.title",
        CatalogueStore::listed);
  }

  @Override
  public List<Listed> followedByCohortsOf(String teacher) {
    return list(
        em,
        "SELECT DISTINCT c.id, c.title, p.title FROM course c JOIN programme p ON p.id = c.programme_id"
            + " JOIN cohort h ON h.programme_id = p.id WHERE h.teacher = ?1 ORDER BY p.title, c.title",
        CatalogueStore::listed,
        teacher);
  }

  @Override
  public boolean taughtBy(long courseId, String teacher) {
    return exists(
        em,
        "SELECT 1 FROM course c WHERE c.id = ?1 AND" + NativeSql.myCourse("c.id", 2),
        courseId,
        teacher);
  }

  @Override
  public Optional<Lesson> activeLesson(long lessonId) {
    return first(
        em,
        "SELECT l.id, l.course_id, l.title, l.kind, l.file, c.content_dir, l.position FROM lesson l"
            + " JOIN course c ON c.id = l.course_id WHERE l.id = ?1 AND l.active",
        r ->
            new Lesson(
                num(r[0]),
                num(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                integer(r[6])),
        lessonId);
  }

  @Override
  public Optional<Long> neighbour(long courseId, int position, boolean before) {
    return first(
        em,
        before
            ? "SELECT id FROM lesson WHERE course_id = ?1 AND active AND position < ?2 ORDER BY position DESC LIMIT 1"
            : "SELECT id FROM lesson WHERE course_id = ?1 AND active AND position > ?2 ORDER BY position LIMIT 1",
        r -> num(r[0]),
        courseId,
        position);
  }

  private static Quiz quiz(Object[] r) {
    return new Quiz(
        num(r[0]),
        num(r[1]),
        (String) r[2],
        integer(r[3]),
        integer(r[4]),
        bool(r[5]),
        integer(r[6]),
        (String) r[7],
        (String) r[8]);
  }

  @Override
  public Optional<Quiz> activeQuiz(long quizId) {
    return first(em, QUIZ + " WHERE id = ?1 AND active", CatalogueStore::quiz, quizId);
  }

  @Override
  public List<Quiz> activeQuizzes(long courseId) {
    return list(
        em, QUIZ + " WHERE course_id = ?1 AND active ORDER BY id", CatalogueStore::quiz, courseId);
  }

  private static Assignment assignment(Object[] r) {
    return new Assignment(
        num(r[0]),
        num(r[1]),
        (String) r[2],
        (String) r[3],
        integer(r[4]),
        bool(r[5]),
        integer(r[6]),
        (String) r[7]);
  }

  @Override
  public Optional<Assignment> activeAssignment(long assignmentId) {
    return first(
        em, ASSIGNMENT + " WHERE id = ?1 AND active", CatalogueStore::assignment, assignmentId);
  }

  @Override
  public List<Assignment> activeAssignments(long courseId) {
    return list(
        em,
        ASSIGNMENT + " WHERE course_id = ?1 AND active ORDER BY id",
        CatalogueStore::assignment,
        courseId);
  }

  @Override
  public List<Bank> banks(long courseId) {
    return list(
        em,
        "SELECT bank_key, questions FROM question_bank WHERE course_id = ?1 ORDER BY bank_key",
        r -> new Bank((String) r[0], (String) r[1]),
        courseId);
  }

  @Override
  public boolean listsAsset(String contentDir, String path, String pathSha256) {
    return exists(
        em,
        "SELECT 1 FROM course_asset WHERE content_dir = ?1 AND path_sha256 = ?2 AND path = ?3",
        contentDir,
        pathSha256,
        path);
  }

  @Override
  public boolean hasAssetList(String contentDir) {
    return exists(em, "SELECT 1 FROM course_asset WHERE content_dir = ?1 LIMIT 1", contentDir);
  }

  @Override
  public void listAsset(String contentDir, String path, String pathSha256) {
    exec(
        em,
        "INSERT IGNORE INTO course_asset (content_dir, path, path_sha256) VALUES (?1, ?2, ?3)",
        contentDir,
        path,
        pathSha256);
  }
}
