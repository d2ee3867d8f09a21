package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.application.PrisonCalendar;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The working-day calendar on the ledger's {@code calendar_day} table. */
@ApplicationScoped
public class SqlPrisonCalendar implements PrisonCalendar {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public WorkingCalendar calendar() {
    Map<LocalDate, Boolean> overrides = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT day, working FROM calendar_day").getResultList();
    for (Object[] row : rows) {
      overrides.put(SqlValues.date(row[0]), SqlValues.bool(row[1]));
    }
    return new WorkingCalendar(overrides);
  }

  @Override
  public void markDay(LocalDate day, boolean working, String name) {
    em.createNativeQuery(
            "INSERT INTO calendar_day (day, working, name) VALUES (?1, ?2, ?3)"
                + " ON DUPLICATE KEY UPDATE working = VALUES(working), name = VALUES(name)")
        .setParameter(1, java.sql.Date.valueOf(day))
        .setParameter(2, working)
        .setParameter(3, name)
        .executeUpdate();
  }
}
