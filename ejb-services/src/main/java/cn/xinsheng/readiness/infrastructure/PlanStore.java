package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.domain.ItemStatus;
import cn.xinsheng.readiness.domain.ItemUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Release plans and their item updates in native SQL through the caller's transaction. Rows are
 * only added (the tables are append-only for the application's database account).
 */
@ApplicationScoped
public class PlanStore {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** A plan as stored: its id and the day it was opened from. */
  public record StoredPlan(long id, long inmateId, LocalDate openedOn) {}

  /** An update with its row id. */
  public record StoredUpdate(long id, long planId, ItemUpdate update) {}

  public Optional<StoredPlan> plan(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, inmate_id, opened_on FROM release_plan WHERE inmate_id = ?1")
            .setParameter(1, inmateId)
            .getResultList();
    return rows.stream().findFirst().map(PlanStore::plan);
  }

  /** Opens the plan once; a second opening (two readers at once) finds the first. */
  public StoredPlan open(long inmateId, LocalDate openedOn, String by, Instant at) {
    em.createNativeQuery(
            "INSERT IGNORE INTO release_plan (inmate_id, opened_on, opened_by, opened_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, inmateId)
        .setParameter(2, openedOn)
        .setParameter(3, by)
        .setParameter(4, Timestamp.from(at))
        .executeUpdate();
    return plan(inmateId).orElseThrow();
  }

  /** The plans of these inmates by inmate id (those not opened yet are absent). */
  @SuppressWarnings("unchecked")
  public Map<Long, StoredPlan> plans(Collection<Long> inmateIds) {
    Map<Long, StoredPlan> out = new HashMap<>();
    if (inmateIds.isEmpty()) {
      return out;
    }
    // ids are numbers from the organisation's records, joined as literals (never text)
    String in = inmateIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT id, inmate_id, opened_on FROM release_plan WHERE inmate_id IN ("
                        + in
                        + ")")
                .getResultList()) {
      StoredPlan p = plan(r);
      out.put(p.inmateId(), p);
    }
    return out;
  }

  public List<StoredUpdate> updates(long planId) {
    return updatesOf(List.of(planId)).getOrDefault(planId, List.of());
  }

  /** Updates by plan id, oldest first. */
  @SuppressWarnings("unchecked")
  public Map<Long, List<StoredUpdate>> updatesOf(Collection<Long> planIds) {
    Map<Long, List<StoredUpdate>> out = new HashMap<>();
    if (planIds.isEmpty()) {
      return out;
    }
    String in = planIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT id, plan_id, item_code, status, note, evidence_id, recorded_by,"
                        + " recorded_at FROM plan_item_update WHERE plan_id IN ("
                        + in
                        + ") ORDER BY id")
                .getResultList()) {
      long planId = ((Number) r[1]).longValue();
      out.computeIfAbsent(planId, k -> new ArrayList<>())
          .add(
              new StoredUpdate(
                  ((Number) r[0]).longValue(),
                  planId,
                  new ItemUpdate(
                      (String) r[2],
                      ItemStatus.valueOf((String) r[3]),
                      (String) r[4],
                      r[5] == null ? null : ((Number) r[5]).longValue(),
                      (String) r[6],
                      instant(r[7]))));
    }
    return out;
  }

  public long add(long planId, ItemUpdate u) {
    em.createNativeQuery(
            "INSERT INTO plan_item_update (plan_id, item_code, status, note, evidence_id,"
                + " recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, planId)
        .setParameter(2, u.item())
        .setParameter(3, u.status().name())
        .setParameter(4, u.note())
        .setParameter(5, u.evidence())
        .setParameter(6, u.by())
        .setParameter(7, Timestamp.from(u.at()))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  private static StoredPlan plan(Object[] r) {
    return new StoredPlan(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), date(r[2]));
  }

  static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }

  static Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    return (Instant) o;
  }
}
