package cn.xinsheng.music.infrastructure.exam;

import static cn.xinsheng.platform.SqlValues.num;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The exam tables through the caller's transaction, by plain SQL: every row is written once and the
 * read models are flat lists.
 */
@ApplicationScoped
public class ExamStore {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  public List<Object[]> rows(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, convert(params[i]));
    }
    @SuppressWarnings("unchecked")
    List<Object> raw = q.getResultList();
    return raw.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
  }

  public Optional<Object[]> one(String sql, Object... params) {
    return rows(sql, params).stream().findFirst();
  }

  public int exec(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, convert(params[i]));
    }
    return q.executeUpdate();
  }

  public long insert(String sql, Object... params) {
    exec(sql, params);
    return num(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
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
}
