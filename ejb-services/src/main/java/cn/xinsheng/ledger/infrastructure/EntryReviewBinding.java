package cn.xinsheng.ledger.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The second signature on an entry (approved or returned), as the audit log binds it. */
@ApplicationScoped
public class EntryReviewBinding implements RecordBinding {

  public static final String TABLE = "entry_review";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT r.id, r.entry_id, r.decision, r.reason, r.reviewed_by, "
        + RecordBinding.epochMillis("r.reviewed_at")
        + " FROM entry_review r WHERE r.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("entry_id"),
        text("decision"),
        text("reason"),
        text("reviewed_by"),
        instant("reviewed_at"));
  }
}
