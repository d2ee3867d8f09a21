package cn.xinsheng.lms.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A learner's standing in one course: lessons done, each quiz's best percentage, each assignment's
 * latest grade, each SCORM lesson's score as its SCOs reported it. The grade is the mean of the
 * quizzes' best, the assignments' and the SCORM lessons' percentages; the course is complete when
 * every lesson is done, every quiz reaches its pass mark and every assignment is graded at the
 * programme's pass mark or above; only then do its credits count toward the diploma.
 */
public record CourseStanding(
    int lessons,
    int lessonsDone,
    List<BigDecimal> quizBest,
    List<Integer> quizPassMarks,
    List<BigDecimal> assignmentPercents,
    int passMark,
    int credits,
    List<BigDecimal> scormPercents) {

  /** A course without SCORM scores. */
  public CourseStanding(
      int lessons,
      int lessonsDone,
      List<BigDecimal> quizBest,
      List<Integer> quizPassMarks,
      List<BigDecimal> assignmentPercents,
      int passMark,
      int credits) {
    this(
        lessons,
        lessonsDone,
        quizBest,
        quizPassMarks,
        assignmentPercents,
        passMark,
        credits,
        List.of());
  }

  /** The mean of what has been graded; null when nothing has. */
  public BigDecimal grade() {
    List<BigDecimal> all = new java.util.ArrayList<>();
    quizBest.stream().filter(java.util.Objects::nonNull).forEach(all::add);
    assignmentPercents.stream().filter(java.util.Objects::nonNull).forEach(all::add);
    scormPercents.stream().filter(java.util.Objects::nonNull).forEach(all::add);
    if (all.isEmpty()) {
      return null;
    }
    return all.stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(all.size()), 1, RoundingMode.HALF_UP);
  }

  public boolean complete() {
    if (lessonsDone < lessons) {
      return false;
    }
    for (int i = 0; i < quizBest.size(); i++) {
      BigDecimal b = quizBest.get(i);
      if (b == null || b.compareTo(BigDecimal.valueOf(quizPassMarks.get(i))) < 0) {
        return false;
      }
    }
    for (BigDecimal a : assignmentPercents) {
      if (a == null || a.compareTo(BigDecimal.valueOf(passMark)) < 0) {
        return false;
      }
    }
    return true;
  }

  public int creditsEarned() {
    return complete() ? credits : 0;
  }

  /** Percentage of the course done: lessons, quizzes passed and assignments graded, all alike. */
  public int percentDone() {
    int parts = lessons + quizBest.size() + assignmentPercents.size();
    if (parts == 0) {
      return 0;
    }
    int done = lessonsDone;
    for (int i = 0; i < quizBest.size(); i++) {
      if (quizBest.get(i) != null
          && quizBest.get(i).compareTo(BigDecimal.valueOf(quizPassMarks.get(i))) >= 0) {
        done++;
      }
    }
    done += (int) assignmentPercents.stream().filter(java.util.Objects::nonNull).count();
    return done * 100 / parts;
  }
}
