package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.auditlog.application.RecordBinding;
import cn.xinsheng.auditlog.domain.AuditEntries;
import cn.xinsheng.auditlog.domain.AuditEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The log's entries and bindings: the writing transaction's reads and writes through the JTA {@code
 * EntityManager} (so they see, and commit with, the caller's records), a screen's check by plain
 * JDBC on the application's data source. The records' forms are read through the bindings the
 * contexts provide.
 */
@ApplicationScoped
public class SqlAuditEntries implements AuditEntries {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  @Inject @Any Instance<RecordBinding> provided;

  private volatile RecordForms forms;

  private RecordForms forms() {
    RecordForms f = forms;
    if (f == null) {
      List<RecordBinding> all = new ArrayList<>();
      provided.forEach(all::add);
      f = new RecordForms(all);
      forms = f;
    }
    return f;
  }

  @Override
  public Optional<Map<String, Object>> formInTransaction(String table, long recordId) {
    RecordBinding binding = forms().binding(table);
    // the rows as the database holds them: the same reading every later check makes
    em.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(RecordForms.sql(binding, 1, true))
            .setParameter(1, recordId)
            .getResultList();
    return rows.size() == 1
        ? Optional.of(RecordForms.form(binding, rows.get(0)))
        : Optional.empty();
  }

  @Override
  public void append(AuditEntry entry, List<BoundRecord> bound) {
    em.persist(entry);
    if (!bound.isEmpty()) {
      em.flush();
      for (BoundRecord b : bound) {
        em.createNativeQuery(
                "INSERT INTO audit_binding (table_name, record_id, entry_id) VALUES (?1, ?2, ?3)")
            .setParameter(1, b.table())
            .setParameter(2, b.id())
            .setParameter(3, entry.getId())
            .executeUpdate();
      }
    }
  }

  @Override
  public BoundRows boundRows(String table, List<Long> recordIds) {
    if (recordIds.isEmpty()) {
      return new BoundRows(Map.of(), List.of());
    }
    try (Connection c = dataSource.getConnection()) {
      Map<Long, Map<String, Object>> now = forms().read(c, table, recordIds);
      List<Binding> bindings = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT b.record_id, e.leaf_data, l.leaf_index FROM audit_binding b"
                  + " JOIN audit_entry e ON e.id = b.entry_id"
                  + " LEFT JOIN audit_leaf l ON l.entry_id = e.id"
                  + " WHERE b.table_name = ? AND b.record_id IN ("
                  + "?,".repeat(recordIds.size() - 1)
                  + "?)")) {
        ps.setString(1, table);
        for (int i = 0; i < recordIds.size(); i++) {
          ps.setLong(i + 2, recordIds.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            bindings.add(
                new Binding(
                    rs.getLong(1), rs.getBytes(2), rs.getObject(3) == null ? -1 : rs.getLong(3)));
          }
        }
      }
      return new BoundRows(now, bindings);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
