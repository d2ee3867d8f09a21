package cn.xinsheng.ledger.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * An objection as the audit log binds it: who raised it, about what, and its text; its steps are
 * bound one by one ({@code objection_step}) (issue 15).
 */
@ApplicationScoped
public class ObjectionBinding implements RecordBinding {

  public static final String TABLE = "objection";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT o.id, o.inmate_id, o.section_id, o.target_type, o.entry_id, o.month, o.case_id, o.text,"
        + " o.raised_by, o.raised_role, "
        + RecordBinding.epochMillis("o.raised_at")
        + " FROM objection o WHERE o.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("inmate_id"),
        integer("section_id"),
        text("target_type"),
        integer("entry_id"),
        text("month"),
        integer("case_id"),
        text("text"),
        text("raised_by"),
        text("raised_role"),
        instant("raised_at"));
  }
}
