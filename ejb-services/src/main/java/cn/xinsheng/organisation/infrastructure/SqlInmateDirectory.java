package cn.xinsheng.organisation.infrastructure;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.organisation.application.InmateDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names for ids on organisation's own tables, one query per call however long the list: a case list
 * of the whole prison asks once for all its inmates.
 */
@ApplicationScoped
public class SqlInmateDirectory implements InmateDirectory {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Map<Long, Named> inmates(Collection<Long> ids) {
    Map<Long, Named> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, prisoner_number, name, section_id FROM inmate WHERE id IN ("
                    + idList(ids)
                    + ")")
            .getResultList();
    for (Object[] r : rows) {
      out.put(num(r[0]), new Named(num(r[0]), (String) r[1], (String) r[2], num(r[3])));
    }
    return out;
  }

  @Override
  public Map<Long, Named> inSections(Collection<Long> sectionIds) {
    Map<Long, Named> out = new HashMap<>();
    if (sectionIds.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, prisoner_number, name, section_id FROM inmate WHERE section_id IN ("
                    + idList(sectionIds)
                    + ")")
            .getResultList();
    for (Object[] r : rows) {
      out.put(num(r[0]), new Named(num(r[0]), (String) r[1], (String) r[2], num(r[3])));
    }
    return out;
  }

  @Override
  public long count() {
    return num(em.createNativeQuery("SELECT COUNT(*) FROM inmate").getSingleResult());
  }

  @Override
  public Map<Long, String> sectionNames(Collection<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> rows =
        em.createNativeQuery("SELECT id, name FROM section WHERE id IN (" + idList(ids) + ")")
            .getResultList();
    for (Object[] r : rows) {
      out.put(num(r[0]), (String) r[1]);
    }
    return out;
  }

  /** The ids as an SQL list: numbers only, so nothing a caller passes becomes SQL. */
  private static String idList(Collection<Long> ids) {
    return ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
  }
}
