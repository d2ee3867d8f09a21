package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.bool;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Everything that happens to a case (a step signed, a return, a committee vote, an opinion, the
 * court's records) as the audit log binds it: every column, none of which changes once written. A
 * vote is a {@code case_event} of type VOTE, bound with the others (issue 15).
 */
@ApplicationScoped
public class CaseEventBinding implements RecordBinding {

  public static final String TABLE = "case_event";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT e.id, e.case_id, e.type, e.step, e.signed_by, e.signed_role, "
        + RecordBinding.epochMillis("e.signed_at")
        + ", e.note, e.choice, e.months, DATE_FORMAT(e.on_date, '%Y-%m-%d'), e.party, e.meeting_id,"
        + " e.attachment_id, e.late FROM case_event e WHERE e.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("case_id"),
        text("type"),
        text("step"),
        text("signed_by"),
        text("signed_role"),
        instant("signed_at"),
        text("note"),
        text("choice"),
        integer("months"),
        text("on_date"),
        text("party"),
        integer("meeting_id"),
        integer("attachment_id"),
        bool("late"));
  }
}
