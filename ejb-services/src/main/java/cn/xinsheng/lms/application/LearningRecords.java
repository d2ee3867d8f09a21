package cn.xinsheng.lms.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An inmate's confirmed education credits as other contexts may read them (issue 20: the handover
 * to community corrections carries the education record). Answers in the caller's transaction; the
 * caller's service decides who may see the inmate.
 */
@ApplicationScoped
public class LearningRecords {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** One confirmed credit: the course, its credits, who confirmed it and when. */
  public record Credit(String courseCode, String course, int credits, String by, Instant at) {}

  @SuppressWarnings("unchecked")
  public List<Credit> creditsOf(long inmateId) {
    List<Credit> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT c.code, c.title, c.credits, e.confirmed_by, e.confirmed_at"
                        + " FROM education_credit e JOIN course c ON c.id = e.course_id"
                        + " WHERE e.inmate_id = ?1 ORDER BY e.confirmed_at, e.id")
                .setParameter(1, inmateId)
                .getResultList()) {
      Object at = r[4];
      out.add(
          new Credit(
              (String) r[0],
              (String) r[1],
              ((Number) r[2]).intValue(),
              (String) r[3],
              at instanceof Timestamp t
                  ? t.toInstant()
                  : at instanceof java.time.LocalDateTime l
                      ? Timestamp.valueOf(l).toInstant()
                      : (Instant) at));
    }
    return out;
  }
}
