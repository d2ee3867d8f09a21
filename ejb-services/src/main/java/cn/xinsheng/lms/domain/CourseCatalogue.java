package cn.xinsheng.lms.domain;

import java.util.List;
import java.util.Optional;

/**
 * The programmes and courses as imported (ADR 0013): a course's lessons, quizzes, assignments and
 * question banks, the active ones only (a newer package version retires what it no longer has), and
 * the list of files learners may fetch. Typed rows; the SQL lives in {@code lms.infrastructure}.
 * Runs in the caller's transaction and checks no role.
 */
public interface CourseCatalogue {

  /** A programme with how many courses it has. */
  record Programme(
      long id,
      String code,
      String title,
      String kind,
      int requiredCredits,
      int passMark,
      int courses) {}

  /** A course with its programme's title and kind. */
  record Course(long id, String title, String programme, String programmeKind, int credits) {}

  /** A course on a gradebook's list, with its programme's title. */
  record Listed(long id, String title, String programme) {}

  /** What a standing in the course is measured against. */
  record Terms(int activeLessons, int credits, int passMark) {}

  /** A lesson; {@code file} and {@code contentDir} locate it under the content folder. */
  record Lesson(
      long id,
      long courseId,
      String title,
      String kind,
      String file,
      String contentDir,
      int position) {}

  /** A quiz: its own questions (question text) and its draws from banks (bank, category, n). */
  record Quiz(
      long id,
      long courseId,
      String title,
      int timeLimitMinutes,
      int attempts,
      boolean shuffle,
      int passMark,
      String questions,
      String draws) {}

  /** An assignment: its rubric is one {@code criterion TAB points} per line. */
  record Assignment(
      long id,
      long courseId,
      String title,
      String instructions,
      int dueDays,
      boolean allowResubmit,
      int maxPoints,
      String rubric) {}

  /** A question bank of a course, as question text. */
  record Bank(String key, String questions) {}

  List<Programme> programmes();

  Optional<Long> programmeId(String code);

  List<Long> courseIdsOfProgramme(long programmeId);

  Optional<Terms> terms(long courseId);

  /** Every course, by programme and title (the education office's gradebook). */
  List<Listed> all();

  /** The courses a teacher's cohorts follow, by programme and title. */
  List<Listed> followedByCohortsOf(String teacher);

  /** Whether the course is taught in one of the teacher's cohorts (issue 14, finding 4). */
  boolean taughtBy(long courseId, String teacher);

  Optional<Lesson> activeLesson(long lessonId);

  /** The active lesson just before or after a position in the course, if any. */
  Optional<Long> neighbour(long courseId, int position, boolean before);

  Optional<Quiz> activeQuiz(long quizId);

  /** The course's active quizzes, by id. */
  List<Quiz> activeQuizzes(long courseId);

  Optional<Assignment> activeAssignment(long assignmentId);

  /** The course's active assignments, by id. */
  List<Assignment> activeAssignments(long courseId);

  /** The course's question banks, by key. */
  List<Bank> banks(long courseId);

  /** Whether the course folder's list names this file (issue 14, finding 3). */
  boolean listsAsset(String contentDir, String path, String pathSha256);

  /** Whether a list was ever made for the course folder. */
  boolean hasAssetList(String contentDir);

  /** Adds a file to the course folder's list (a path already there stays). */
  void listAsset(String contentDir, String path, String pathSha256);
}
