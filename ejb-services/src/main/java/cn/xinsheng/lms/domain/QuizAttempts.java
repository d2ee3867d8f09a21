package cn.xinsheng.lms.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Attempts at quizzes, the answers handed in and their gradings (ADR 0013). Every grading is a new
 * row; the latest counts. Runs in the caller's transaction and checks no role; a teacher's reach is
 * the {@code teacher} parameter (his own cohorts' learners, issue 14).
 */
public interface QuizAttempts {

  /** An attempt: its questions by key, in its order; the deadline is null when untimed. */
  record Attempt(long id, long quizId, Instant deadline, String questionKeys) {}

  /** A grading's score out of its maximum. */
  record Score(BigDecimal score, BigDecimal max) {}

  /** A handed-in attempt with its latest grading. */
  record Result(long attemptId, BigDecimal score, BigDecimal max, int pending, boolean late) {}

  /** A handed-in attempt as a teacher grades it. */
  record HandedIn(
      long attemptId,
      long quizId,
      String quizTitle,
      String prisonerNumber,
      String answers,
      String questionKeys,
      boolean late) {}

  /** His latest attempt not handed in, if any. */
  Optional<Long> open(long quizId, long inmateId);

  int count(long quizId, long inmateId);

  /**
   * Starts the attempt numbered {@code number}; empty when that number was taken at the same moment
   * (the unique (quiz, inmate, number) key).
   */
  OptionalLong start(
      long quizId, long inmateId, long number, Instant startedAt, Instant deadline, String keys);

  /** The attempt if it is this inmate's. */
  Optional<Attempt> of(long attemptId, long inmateId);

  boolean handedIn(long attemptId);

  void handIn(long attemptId, String answers, Instant at, boolean late);

  /** A new grading of the attempt; answers its id (the audit log binds it). */
  long grade(
      long attemptId,
      BigDecimal score,
      BigDecimal max,
      int pending,
      String detail,
      String by,
      Instant at);

  /** The latest grading's detail (marks, and the teacher's under {@code _teacher}). */
  Optional<String> latestDetail(long attemptId);

  /** The latest grading of each of his attempts at the quiz. */
  List<Score> latestScores(long quizId, long inmateId);

  /** His handed-in attempts at the quiz, in order, with their latest grading. */
  List<Result> results(long quizId, long inmateId);

  /** Attempts whose latest grading waits for a teacher, of the teacher's learners. */
  List<HandedIn> waitingForTeacher(String teacher);

  /** A handed-in attempt of one of the teacher's learners. */
  Optional<HandedIn> handedIn(long attemptId, String teacher);

  /** The quiz's handed-in attempts: all (teacher null) or the teacher's learners'. */
  List<HandedIn> handedInAt(long quizId, String teacher);

  /** Whether the quiz belongs to a course taught in one of the teacher's cohorts. */
  boolean quizTaughtBy(long quizId, String teacher);

  /** The ids of every grading of his attempts in the course (issue 15's check). */
  List<Long> gradingIds(long courseId, long inmateId);
}
