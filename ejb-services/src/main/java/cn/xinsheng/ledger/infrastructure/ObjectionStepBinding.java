package cn.xinsheng.ledger.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** One step of the objection loop (发现, 派单, 核实, 处理, 办结, 反馈) as the audit log binds it (issue 15). */
@ApplicationScoped
public class ObjectionStepBinding implements RecordBinding {

  public static final String TABLE = "objection_step";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT s.id, s.objection_id, s.step, s.owner, DATE_FORMAT(s.due_on, '%Y-%m-%d'), s.done_by, "
        + RecordBinding.epochMillis("s.done_at")
        + ", s.note, s.outcome, s.linked_entry_id FROM objection_step s WHERE s.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("objection_id"),
        text("step"),
        text("owner"),
        text("due_on"),
        text("done_by"),
        instant("done_at"),
        text("note"),
        text("outcome"),
        integer("linked_entry_id"));
  }
}
