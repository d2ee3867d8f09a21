package cn.xinsheng.evidence.infrastructure;

import static cn.xinsheng.auditlog.application.RecordBinding.Field.instant;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.integer;
import static cn.xinsheng.auditlog.application.RecordBinding.Field.text;

import cn.xinsheng.auditlog.application.RecordBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * An evidence upload as the audit log binds it: who, when, from where, what it shows, and the
 * content it names (SHA-256, size, type, kind from the blob row).
 */
@ApplicationScoped
public class EvidenceBinding implements RecordBinding {

  public static final String TABLE = "evidence";

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public String select() {
    return "SELECT e.id, e.sha256, e.original_name, e.uploaded_by, "
        + RecordBinding.epochMillis("e.uploaded_at")
        + ", e.source, e.description, e.section_id, b.size_bytes, b.media_type, b.kind"
        + " FROM evidence e LEFT JOIN evidence_blob b ON b.sha256 = e.sha256"
        + " WHERE e.id IN ({ids})";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        text("sha256"),
        text("original_name"),
        text("uploaded_by"),
        instant("uploaded_at"),
        text("source"),
        text("description"),
        integer("section_id"),
        integer("size_bytes"),
        text("media_type"),
        text("kind"));
  }
}
