package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A completed course or passed quiz turned into a ledger entry (the education credit) as the audit
 * log binds it (issue 15).
 */
@ApplicationScoped
public class EducationCreditBinding implements RecordBinding {

  public static final String TABLE = "education_credit";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT c.id, c.inmate_id, c.course_id, c.quiz_id, c.entry_id, c.confirmed_by, "
        + RecordBinding.epochMillis("c.confirmed_at")
        + " FROM education_credit c WHERE c.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("inmate_id"),
        integer("course_id"),
        integer("quiz_id"),
        integer("entry_id"),
        text("confirmed_by"),
        instant("confirmed_at"));
  }
}
