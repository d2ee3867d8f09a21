package cn.xinsheng.web.api;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.domain.Evidence;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Upload evidence: body = the file; query: section, name, source (device or system),"
              + " description. Type is detected from the content.")
  public Response upload(
      InputStream body,
      @QueryParam("section") Long section,
      @QueryParam("name") String name,
      @QueryParam("source") String source,
      @QueryParam("description") String description) {
    if (section == null) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "evidence.error.section");
    }
    Evidence e = evidence.upload(body, name, source, description, section);
    return Response.status(Response.Status.CREATED).entity(describe(e)).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Evidence metadata: hash, kind, type, size, uploader, source, description")
  public JsonObject one(@PathParam("id") long id) {
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

  static JsonObject describe(Evidence e) {
    return Json.createObjectBuilder()
        .add("id", e.getId())
        .add("sha256", e.getSha256())
        .add("kind", e.getKind().name())
        .add("mediaType", e.getBlob().getMediaType())
        .add("size", e.getBlob().getSizeBytes())
        .add("thumbnail", e.getBlob().isThumbnail())
        .add("name", e.getOriginalName())
        .add("uploadedBy", e.getUploadedBy())
        .add("uploadedAt", e.getUploadedAt().toString())
        .add("source", e.getSource())
        .add("description", e.getDescription())
        .add("section", e.getSectionId())
        .build();
  }
}
