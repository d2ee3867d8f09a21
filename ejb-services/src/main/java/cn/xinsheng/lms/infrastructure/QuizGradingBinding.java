package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A grading of a quiz attempt (automatic, a teacher's essay marks, a regrade: each a new row) as
 * the audit log binds it (issue 15).
 */
@ApplicationScoped
public class QuizGradingBinding implements RecordBinding {

  public static final String TABLE = "quiz_grading";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT g.id, g.attempt_id, CAST(g.score AS CHAR), CAST(g.max_score AS CHAR), g.pending, g.detail,"
        + " g.graded_by, "
        + RecordBinding.epochMillis("g.graded_at")
        + " FROM quiz_grading g WHERE g.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        integer("attempt_id"),
        text("score"),
        text("max_score"),
        integer("pending"),
        text("detail"),
        text("graded_by"),
        instant("graded_at"));
  }
}
