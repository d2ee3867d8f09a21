package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A dated change of a sentence by a ruling (reduction, parole, commutation) as the audit log binds
 * it (issue 15).
 */
@ApplicationScoped
public class SentenceChangeBinding implements RecordBinding {

  public static final String TABLE = "sentence_change";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT c.id, c.inmate_id, c.case_id, c.kind, DATE_FORMAT(c.ruled_on, '%Y-%m-%d'), c.months,"
        + " c.to_months, DATE_FORMAT(c.previous_end, '%Y-%m-%d'), DATE_FORMAT(c.new_end, '%Y-%m-%d'),"
        + " c.recorded_by, "
        + RecordBinding.epochMillis("c.recorded_at")
        + " FROM sentence_change c WHERE c.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("inmate_id"),
        integer("case_id"),
        text("kind"),
        text("ruled_on"),
        integer("months"),
        integer("to_months"),
        text("previous_end"),
        text("new_end"),
        text("recorded_by"),
        instant("recorded_at"));
  }
}
