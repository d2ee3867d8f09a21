package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.application.LearningRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** {@link LearningRecords} in native SQL on learning's own tables (ADR 0013). */
@ApplicationScoped
public class LearningRecordStore implements LearningRecords {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public List<Credit> creditsOf(long inmateId) {
    return list(
        em,
        "SELECT c.code, c.title, c.credits, e.confirmed_by, e.confirmed_at"
            + " FROM education_credit e JOIN course c ON c.id = e.course_id"
            + " WHERE e.inmate_id = ?1 ORDER BY e.confirmed_at, e.id",
        r ->
            new Credit((String) r[0], (String) r[1], (int) num(r[2]), (String) r[3], instant(r[4])),
        inmateId);
  }
}
