package cn.xinsheng.ledger.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A point entry as the audit log binds it: every column, and the evidence it cites (its rows in
 * {@code point_entry_evidence}), which is as much the entry as its fact. Nothing here changes once
 * written: an amendment or a correction is a new row.
 */
@ApplicationScoped
public class PointEntryBinding implements RecordBinding {

  public static final String TABLE = "point_entry";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT p.id, p.inmate_id, p.section_id, p.clause_id, p.amount_tenths, p.fact, "
        + RecordBinding.epochMillis("p.occurred_at")
        + ", p.month, p.recorded_by, "
        + RecordBinding.epochMillis("p.recorded_at")
        + ", p.supersedes_id, p.reverses_id, p.reason, p.batch_id,"
        + " (SELECT GROUP_CONCAT(x.evidence_id ORDER BY x.evidence_id SEPARATOR ',')"
        + " FROM point_entry_evidence x WHERE x.entry_id = p.id)"
        + " FROM point_entry p WHERE p.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("inmate_id"),
        integer("section_id"),
        integer("clause_id"),
        integer("amount_tenths"),
        text("fact"),
        instant("occurred_at"),
        text("month"),
        text("recorded_by"),
        instant("recorded_at"),
        integer("supersedes_id"),
        integer("reverses_id"),
        text("reason"),
        integer("batch_id"),
        text("evidence_ids"));
  }
}
