package cn.xinsheng.lms.application;

/**
 * What a teacher reaches (issue 14, finding 4): the learners of his own cohorts, course by course.
 * Before, a teacher reached every learner of any programme one of his cohorts followed, so teacher2
 * listed and graded teacher1's class and re-graded his quizzes. Every teacher's read or write of a
 * learner's work goes through this one condition.
 */
final class TeacherScope {

  private TeacherScope() {}

  /**
   * An SQL condition: the learner in {@code inmateColumn} is enrolled in the course in {@code
   * courseColumn} through a cohort whose teacher is the query's parameter {@code ?n}.
   */
  static String myLearner(String inmateColumn, String courseColumn, int n) {
    return " EXISTS (SELECT 1 FROM enrolment te JOIN cohort th ON th.id = te.cohort_id"
        + " WHERE te.inmate_id = "
        + inmateColumn
        + " AND te.course_id = "
        + courseColumn
        + " AND th.teacher = ?"
        + n
        + ")";
  }

  /** An SQL condition: the course in {@code courseColumn} is taught in one of his cohorts. */
  static String myCourse(String courseColumn, int n) {
    return " EXISTS (SELECT 1 FROM enrolment te JOIN cohort th ON th.id = te.cohort_id"
        + " WHERE te.course_id = "
        + courseColumn
        + " AND th.teacher = ?"
        + n
        + ")";
  }
}
