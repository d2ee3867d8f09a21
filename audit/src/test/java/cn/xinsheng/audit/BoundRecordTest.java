package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A business row bound to its entry: the row as it is later either hashes the same or is named. */
class BoundRecordTest {

  private static Map<String, Object> row(String fact, long amount) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", 21L);
    r.put("fact", fact);
    r.put("amount_tenths", amount);
    r.put("reason", null);
    return r;
  }

  @Test
  void theSameRowMatchesAndAChangedOneIsNamedByItsFields() {
    BoundRecord b = BoundRecord.of("point_entry", 21, row("劳动任务完成", 20));
    assertTrue(b.matches(row("劳动任务完成", 20)));
    assertEquals(List.of(), b.changedFields(row("劳动任务完成", 20)));
    assertEquals(List.of("amount_tenths", "fact"), b.changedFields(row("劳动任务超额完成", 50)));
    String said = b.mismatch(row("劳动任务完成", 50), 27);
    assertTrue(said.contains("record point_entry/21 was changed after it was logged"), said);
    assertTrue(said.contains("field amount_tenths is now 50"), said);
    assertTrue(said.contains("log entry 27"), said);
    assertFalse(said.contains("field fact"), said);
    assertTrue(b.mismatch(null, 27).contains("point_entry/21 is no longer in the database"));
    Map<String, Object> extra = row("劳动任务完成", 20);
    extra.put("batch_id", 3L);
    assertEquals(List.of("batch_id"), b.changedFields(extra));
  }

  @Test
  void itTravelsInTheEntryAndOnlyThenChangesItsBytes() {
    AuditEvent plain =
        new AuditEvent(
            "officer1",
            "OFFICER",
            "ledger.entry.recorded",
            "point-entry/21",
            Map.of("inmate", "3301000001"),
            List.of(),
            Instant.ofEpochSecond(1_800_000_000L));
    BoundRecord b = BoundRecord.of("point_entry", 21, row("劳动任务完成", 20));
    AuditEvent bound = plain.binding(List.of(b));
    assertFalse(new String(plain.canonicalBytes()).contains("bound"));
    Map<String, Object> parsed = Leaf.parse(bound.canonicalBytes()).entry();
    assertEquals(List.of(b), BoundRecord.of(parsed));
  }
}
