package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.ContentImportService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The publishers whose signed content packages the prison trusts, over HTTP: their verifier keys,
 * trusted and revoked. Thin: the services decide who may do what.
 */
@Path("/lms/publishers")
@Produces(MediaType.APPLICATION_JSON)
public class TrustedPublisherResource {

  @Inject ContentImportService imports;

  /** A publisher's verifier key to trust, and who the publisher is. */
  @JsonbPropertyOrder({"verifierKey", "description"})
  public record PublisherRequest(
      @Size(max = 300, message = "content.error.key") @OneLine String verifierKey,
      @Size(max = 500, message = "content.error.description") @Text String description) {}

  /** Why a publisher key is revoked. */
  public record RevocationRequest(
      @Size(max = 500, message = "content.error.revokeReason") @Text String reason) {}

  @GET
  public List<ContentImportService.Publisher> publishers() {
    return imports.publishers();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trust a publisher's verifier key: {verifierKey, description}")
  @StatusCode(201)
  public ContentImportService.Publisher trust(
      @NotNull(message = "content.error.key") @Valid PublisherRequest body) {
    return imports.trustPublisher(body.verifierKey(), body.description());
  }

  @POST
  @Path("/{id}/revocation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke a trusted publisher key: {reason}; its packages are refused from now on")
  public ContentImportService.Publisher revoke(
      @PathParam("id") long id,
      @NotNull(message = "content.error.revokeReason") @Valid RevocationRequest body) {
    return imports.revokePublisher(id, body.reason());
  }
}
