package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.Sequencing;
import cn.xinsheng.auditlog.domain.AuditEntries;
import cn.xinsheng.auditlog.infrastructure.RecordForms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bindings every context provides ({@link RecordBinding}), and the check a screen or the API
 * makes when it reads records: each row as it is now against the form its entry bound.
 */
@ApplicationScoped
public class BoundRecords {

  @Inject @Any Instance<RecordBinding> provided;

  @Inject AuditEntries entries;

  private volatile RecordForms forms;

  public RecordForms forms() {
    RecordForms f = forms;
    if (f == null) {
      List<RecordBinding> all = new ArrayList<>();
      provided.forEach(all::add);
      f = new RecordForms(all);
      forms = f;
    }
    return f;
  }

  /**
   * The records among these that no longer match what their entries bound, with the sentence to
   * show (Chinese and English: table, row, fields). A record no entry binds (written before
   * bindings) is not in the answer.
   */
  public Map<Long, String> mismatches(String table, Collection<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    if (ids.isEmpty() || !forms().binds(table)) {
      return out;
    }
    List<Long> all = new ArrayList<>(ids);
    try {
      for (int from = 0; from < all.size(); from += 500) {
        List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
        AuditEntries.BoundRows rows = entries.boundRows(table, chunk);
        Map<Long, Map<String, Object>> now = rows.now();
        for (AuditEntries.Binding binding : rows.bindings()) {
          long id = binding.recordId();
          for (BoundRecord b : BoundRecord.of(Sequencing.entry(binding.leafData()))) {
            if (b.table().equals(table) && b.id() == id && !b.matches(now.get(id))) {
              out.put(id, b.mismatch(now.get(id), binding.leafIndex()));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      // a check that cannot run says so, rather than vouching for the records
      String why =
          "无法核对记录与审计日志 / the records could not be checked against the audit log: " + e.getMessage();
      ids.forEach(id -> out.put(id, why));
    }
    return out;
  }
}
