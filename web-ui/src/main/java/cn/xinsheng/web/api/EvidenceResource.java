package cn.xinsheng.web.api;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.domain.Evidence;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Evidence over HTTP. An upload is the file itself as the request body, its metadata in the query
 * (so a script or a capture device needs no multipart encoder); reading supports HTTP range
 * requests, so video and audio seek.
 */
@Path("/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

  @Inject EvidenceService evidence;

  /** A stored piece of evidence: its metadata, never its bytes. */
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
      long section) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Upload evidence: body = the file; query: section, name, source (device or system),"
              + " description. Type is detected from the content.")
  @StatusCode(201)
  public EvidenceView upload(
      InputStream body,
      @QueryParam("section") @NotNull(message = "evidence.error.section") Long section,
      @QueryParam("name") @Size(max = 255, message = "evidence.error.name") @OneLine String name,
      @QueryParam("source") @Size(max = 100, message = "evidence.error.source") @OneLine
          String source,
      @QueryParam("description") @Size(max = 500, message = "evidence.error.description") @Text
          String description) {
    Evidence e = evidence.upload(body, name, source, description, section);
    return describe(e);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Evidence metadata: hash, kind, type, size, uploader, source, description")
  public EvidenceView one(@PathParam("id") long id) {
    return describe(evidence.get(id));
  }

  @GET
  @Path("/{id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The evidence itself; honours Range: bytes=… (206 Partial Content)")
  public Response content(@PathParam("id") long id, @HeaderParam("Range") String range) {
    return Ranges.serve(evidence.content(id, false), range);
  }

  @GET
  @Path("/{id}/thumbnail")
  @Produces("image/jpeg")
  @Operation(summary = "A photo's thumbnail (at most 320 pixels a side)")
  public Response thumbnail(@PathParam("id") long id) {
    return Ranges.serve(evidence.content(id, true), null);
  }

  static EvidenceView describe(Evidence e) {
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
