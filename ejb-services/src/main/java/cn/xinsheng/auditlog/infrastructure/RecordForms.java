package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.auditlog.application.RecordBinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Reads business records in their canonical form through the bindings the contexts provide: by
 * plain JDBC for the self-check and the exports, or from rows a native query gave inside the
 * writing transaction. One normalisation for both, so a row reads the same either way.
 */
public final class RecordForms {

  private static final int CHUNK = 500;

  private final Map<String, RecordBinding> bindings;

  public RecordForms(Collection<RecordBinding> bindings) {
    Map<String, RecordBinding> m = new LinkedHashMap<>();
    for (RecordBinding b : bindings) {
      m.put(b.table(), b);
    }
    this.bindings = Map.copyOf(m);
  }

  /** The bindings listed in META-INF/services: the launcher's way, without a container. */
  public static RecordForms loaded() {
    List<RecordBinding> found = new ArrayList<>();
    ServiceLoader.load(RecordBinding.class, RecordForms.class.getClassLoader()).forEach(found::add);
    return new RecordForms(found);
  }

  public boolean binds(String table) {
    return bindings.containsKey(table);
  }

  public RecordBinding binding(String table) {
    RecordBinding b = bindings.get(table);
    if (b == null) {
      throw new IllegalArgumentException("no binding for table " + table);
    }
    return b;
  }

  /** The SELECT of a binding for this many ids, with JDBC's "?" or JPA's "?1" markers. */
  public static String sql(RecordBinding b, int ids, boolean numbered) {
    StringBuilder marks = new StringBuilder();
    for (int i = 1; i <= ids; i++) {
      marks.append(i > 1 ? "," : "").append(numbered ? "?" + i : "?");
    }
    return b.select().replace("{ids}", marks);
  }

  /** The canonical form of one row as a query gave it (id first, then the fields). */
  public static Map<String, Object> form(RecordBinding b, Object[] row) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("id", ((Number) row[0]).longValue());
    List<RecordBinding.Field> fields = b.fields();
    for (int i = 0; i < fields.size(); i++) {
      form.put(fields.get(i).name(), value(fields.get(i), row[i + 1]));
    }
    return form;
  }

  private static Object value(RecordBinding.Field f, Object raw) {
    if (raw == null) {
      return null;
    }
    return switch (f.type()) {
      case TEXT ->
          raw instanceof byte[] bytes
              ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
              : raw.toString();
      case INTEGER -> ((Number) raw).longValue();
      case INSTANT -> Instant.ofEpochMilli(((Number) raw).longValue()).toString();
      case BOOLEAN -> raw instanceof Boolean b ? b : ((Number) raw).intValue() != 0;
    };
  }

  /** The rows of one table by id, as they are now; an id without a row is absent. */
  public Map<Long, Map<String, Object>> read(Connection c, String table, Collection<Long> ids)
      throws SQLException {
    RecordBinding b = binding(table);
    Map<Long, Map<String, Object>> out = new HashMap<>();
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement ps = c.prepareStatement(sql(b, chunk.size(), false))) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
              row[i] = rs.getObject(i + 1);
            }
            Map<String, Object> form = form(b, row);
            out.put((Long) form.get("id"), form);
          }
        }
      }
    }
    return out;
  }
}
