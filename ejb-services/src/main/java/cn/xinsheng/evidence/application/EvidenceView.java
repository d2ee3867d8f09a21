package cn.xinsheng.evidence.application;

import cn.xinsheng.evidence.domain.Evidence;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A stored piece of evidence as the web shows and answers it: its metadata, never its bytes; the
 * kind by name, the upload instant as ISO-8601.
 */
@JsonbPropertyOrder({
  "id",
  "sha256",
  "kind",
  "mediaType",
  "size",
  "thumbnail",
  "name",
  "uploadedBy",
  "uploadedAt",
  "source",
  "description",
  "section"
})
public record EvidenceView(
    long id,
    String sha256,
    String kind,
    String mediaType,
    long size,
    boolean thumbnail,
    String name,
    String uploadedBy,
    String uploadedAt,
    String source,
    String description,
    long section) {

  static EvidenceView of(Evidence e) {
    return new EvidenceView(
        e.getId(),
        e.getSha256(),
        e.getKind().name(),
        e.getBlob().getMediaType(),
        e.getBlob().getSizeBytes(),
        e.getBlob().isThumbnail(),
        e.getOriginalName(),
        e.getUploadedBy(),
        e.getUploadedAt().toString(),
        e.getSource(),
        e.getDescription(),
        e.getSectionId());
  }
}
