package cn.xinsheng.web.api;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.application.EvidenceView;
import jakarta.inject.Inject;
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
    return evidence.store(body, name, source, description, section);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Evidence metadata: hash, kind, type, size, uploader, source, description")
  public EvidenceView one(@PathParam("id") long id) {
    return evidence.view(id);
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
}
