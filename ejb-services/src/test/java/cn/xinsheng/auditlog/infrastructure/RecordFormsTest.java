package cn.xinsheng.auditlog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.auditlog.application.RecordBinding;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The canonical form of a row is the same whether JDBC or JPA read it, and the bindings the
 * contexts provide are found without a container (the launcher's export).
 */
class RecordFormsTest {

  private static final RecordBinding ENTRY =
      new RecordBinding() {
        @Override
        public String table() {
          return "point_entry";
        }

        @Override
        public String select() {
          return "SELECT id, amount_tenths, fact, "
              + RecordBinding.epochMillis("recorded_at")
              + ", reason, evidence FROM point_entry WHERE id IN ({ids})";
        }

        @Override
        public List<Field> fields() {
          return List.of(
              Field.integer("amount_tenths"),
              Field.text("fact"),
              Field.instant("recorded_at"),
              Field.text("reason"),
              Field.text("evidence"));
        }
      };

  @Test
  void aRowReadsTheSameFromEitherDriverShape() {
    // JDBC gives Long and String; a native query may give Integer, BigInteger or bytes
    Map<String, Object> jdbc =
        RecordForms.form(ENTRY, new Object[] {21L, 20, "劳动任务完成", 1_790_000_000_123L, null, "3,5"});
    Map<String, Object> jpa =
        RecordForms.form(
            ENTRY,
            new Object[] {
              java.math.BigInteger.valueOf(21),
              20L,
              "劳动任务完成",
              java.math.BigDecimal.valueOf(1_790_000_000_123L),
              null,
              "3,5".getBytes(StandardCharsets.UTF_8)
            });
    assertEquals(jdbc, jpa);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", 21L);
    expected.put("amount_tenths", 20L);
    expected.put("fact", "劳动任务完成");
    expected.put("recorded_at", "2026-09-21T14:13:20.123Z");
    expected.put("reason", null);
    expected.put("evidence", "3,5");
    assertEquals(expected, jdbc);
    assertTrue(BoundRecord.of("point_entry", 21, jdbc).matches(jpa));
  }

  @Test
  void theSqlHasAPlaceForEachId() {
    assertEquals(
        "SELECT id, amount_tenths, fact, CAST(UNIX_TIMESTAMP(recorded_at) * 1000 AS SIGNED),"
            + " reason, evidence FROM point_entry WHERE id IN (?1,?2)",
        RecordForms.sql(ENTRY, 2, true));
    assertTrue(RecordForms.sql(ENTRY, 3, false).endsWith("IN (?,?,?)"));
  }

  @Test
  void theContextsBindingsAreFoundWithoutAContainer() {
    RecordForms forms = RecordForms.loaded();
    for (String table : List.of("point_entry", "entry_review", "evidence")) {
      assertTrue(forms.binds(table), table);
      RecordBinding b = forms.binding(table);
      assertTrue(b.select().contains("IN ({ids})"), b.select());
      Set<String> names = new HashSet<>();
      b.fields().forEach(f -> assertTrue(names.add(f.name()), "field named twice: " + f.name()));
      assertTrue(!names.contains("id"), "the id comes first, not as a field");
    }
  }
}
