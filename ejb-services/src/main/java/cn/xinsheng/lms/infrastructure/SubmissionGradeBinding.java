package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A teacher's grade of an assignment submission (a regrade is a new row) as the audit log binds it
 * (issue 15).
 */
@ApplicationScoped
public class SubmissionGradeBinding implements RecordBinding {

  public static final String TABLE = "submission_grade";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT g.id, g.submission_id, g.points, g.rubric, g.feedback, g.graded_by, "
        + RecordBinding.epochMillis("g.graded_at")
        + " FROM submission_grade g WHERE g.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("submission_id"),
        integer("points"),
        text("rubric"),
        text("feedback"),
        text("graded_by"),
        instant("graded_at"));
  }
}
