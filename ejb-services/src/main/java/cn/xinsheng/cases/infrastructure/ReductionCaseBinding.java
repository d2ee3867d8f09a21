package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.bool;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The proposal itself (the months proposed, the lawful maximum, the rationale, the eligibility it
 * rests on, the court track) as the audit log binds it at {@code case.proposed}: a court reads
 * these first, so a later edit of them is caught by the self-check and named, not only by the case
 * package (issue 15). No column changes once written.
 */
@ApplicationScoped
public class ReductionCaseBinding implements RecordBinding {

  public static final String TABLE = "reduction_case";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT c.id, c.number, c.inmate_id, c.section_id, c.kind, c.proposed_months,"
        + " c.max_months, c.rationale, c.eligibility_id, c.rule_version, c.posting_days,"
        + " c.hearing_required, c.created_by, "
        + RecordBinding.epochMillis("c.created_at")
        + ", c.court_track FROM reduction_case c WHERE c.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        text("number"),
        integer("inmate_id"),
        integer("section_id"),
        text("kind"),
        integer("proposed_months"),
        integer("max_months"),
        text("rationale"),
        integer("eligibility_id"),
        text("rule_version"),
        integer("posting_days"),
        bool("hearing_required"),
        text("created_by"),
        instant("created_at"),
        text("court_track"));
  }
}
