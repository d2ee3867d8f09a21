package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.platform.SqlValues.num;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Native SQL through the caller's {@link EntityManager}, for learning's repositories only: each
 * maps the rows to its own typed records at once, so no {@code Object[]} leaves this package (ADR
 * 0013; this replaced the generic {@code LearningStore} the services used to hold SQL).
 */
final class NativeSql {

  private NativeSql() {}

  static <T> List<T> list(
      EntityManager em, String sql, Function<Object[], T> row, Object... params) {
    var q = em.createNativeQuery(sql);
    bind(q, params);
    @SuppressWarnings("unchecked")
    List<Object> raw = q.getResultList();
    return raw.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).map(row).toList();
  }

  static <T> Optional<T> first(
      EntityManager em, String sql, Function<Object[], T> row, Object... params) {
    // a row may map to null (a MAX over no rows): that is "none", not an error
    List<T> all = list(em, sql, row, params);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  static boolean exists(EntityManager em, String sql, Object... params) {
    return !list(em, sql, r -> Boolean.TRUE, params).isEmpty();
  }

  static List<Long> ids(EntityManager em, String sql, Object... params) {
    return list(em, sql, r -> num(r[0]), params);
  }

  static int exec(EntityManager em, String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    bind(q, params);
    return q.executeUpdate();
  }

  static long insert(EntityManager em, String sql, Object... params) {
    exec(em, sql, params);
    return num(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
  }

  private static void bind(jakarta.persistence.Query q, Object... params) {
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, convert(params[i]));
    }
  }

  private static Object convert(Object p) {
    if (p instanceof Instant i) {
      return Timestamp.from(i);
    }
    if (p instanceof LocalDate d) {
      return java.sql.Date.valueOf(d);
    }
    return p;
  }

  /**
   * What a teacher reaches (issue 14, finding 4): an SQL condition that the learner in {@code
   * inmateColumn} is enrolled in the course in {@code courseColumn} through a cohort whose teacher
   * is the query's parameter {@code ?n}. Before, a teacher reached every learner of any programme
   * one of his cohorts followed; every teacher's read or write of a learner's work goes through
   * this one condition.
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
