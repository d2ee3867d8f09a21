package cn.xinsheng.lms.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where each learner is in each lesson, and what he has still to do (ADR 0013). A report of
 * progress adds the time spent and keeps the first completion. Runs in the caller's transaction.
 */
public interface StudyProgress {

  /** A lesson of a course with the learner's progress in it. */
  record LessonProgress(
      long id,
      int sectionNo,
      String sectionTitle,
      String title,
      String kind,
      boolean done,
      int positionSeconds) {}

  /**
   * Something still to do in an enrolled course: a lesson, a quiz or an assignment, with when he
   * was enrolled and (assignments) how many days he has.
   */
  record ToDo(long id, String title, String courseTitle, Instant enrolledAt, int dueDays) {}

  /** The course's active lessons in order, with his progress. */
  List<LessonProgress> lessons(long courseId, long inmateId);

  int completedLessons(long courseId, long inmateId);

  Optional<Integer> position(long inmateId, long lessonId);

  /** Notes that he opened the lesson (a first visit starts at 0). */
  void seen(long inmateId, long lessonId, Instant at);

  /**
   * Keeps a report: the position, {@code spentSeconds} added, completed (the first completion
   * stays) when {@code completedAt} is not null.
   */
  void record(
      long inmateId,
      long lessonId,
      int positionSeconds,
      int spentSeconds,
      Instant completedAt,
      Instant at);

  /** Seconds spent in the course's lessons, SCORM sessions included. */
  long secondsSpent(long courseId, long inmateId);

  /** Each enrolled course's first unfinished lesson, by course title. */
  List<ToDo> nextLessons(long inmateId);

  /** Quizzes with attempts left and not yet passed, by course title and quiz. */
  List<ToDo> openQuizzes(long inmateId);

  /** Assignments not handed in, by enrolment and assignment. */
  List<ToDo> assignmentsNotHandedIn(long inmateId);
}
