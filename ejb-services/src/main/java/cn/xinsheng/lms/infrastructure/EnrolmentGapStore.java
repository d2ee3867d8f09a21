package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.EnrolmentGaps;
import cn.xinsheng.organisation.application.InmateDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * {@link EnrolmentGaps} in native SQL (ADR 0013) on learning's tables; how many inmates there are
 * is organisation's answer ({@link InmateDirectory}).
 */
@ApplicationScoped
public class EnrolmentGapStore implements EnrolmentGaps {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @jakarta.inject.Inject InmateDirectory inmates;

  @Override
  public long inmatesInNoClass() {
    // every enrolment names an inmate on record (a foreign key): those in none are the rest
    return inmates.count() - count("SELECT COUNT(DISTINCT inmate_id) FROM enrolment");
  }

  @Override
  public List<ClassGap> classesMissingCourses() {
    return list(
        em,
        "SELECT h.id, h.name, p.title, COUNT(*) FROM"
            + " (SELECT DISTINCT inmate_id, cohort_id FROM enrolment) m"
            + " JOIN cohort h ON h.id = m.cohort_id JOIN programme p ON p.id ="
            + " h.programme_id JOIN course c ON c.programme_id = h.programme_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM enrolment x WHERE x.inmate_id ="
            + " m.inmate_id AND x.course_id = c.id)"
            + " GROUP BY h.id, h.name, p.title ORDER BY h.id",
        r -> new ClassGap(num(r[0]), (String) r[1], (String) r[2], num(r[3])));
  }

  @Override
  public long programmesWithoutClass() {
    return count(
        "SELECT COUNT(*) FROM programme p WHERE NOT EXISTS"
            + " (SELECT 1 FROM cohort h WHERE h.programme_id = p.id)");
  }

  @Override
  public long packagesImportedSince(Instant since) {
    return count("SELECT COUNT(*) FROM content_package WHERE imported_at >= ?1", since);
  }

  private long count(String sql, Object... params) {
    return first(em, sql, r -> num(r[0]), params).orElse(0L);
  }
}
