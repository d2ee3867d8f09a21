package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.HandoverService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Handovers to community corrections over HTTP (issue 20). Thin: the service decides who may read
 * which handover (an office its own only, each read logged); every refusal in both languages.
 */
@Path("/readiness/handovers")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {

  @Inject HandoverService handovers;

  /** A handover of an inmate to an office. */
  public record IssueRequest(
      @NotNull(message = "error.unknownInmate") @Size(max = 20) @OneLine String inmate,
      @NotNull(message = "handover.error.office") Long office) {}

  /** The person's first report (yyyy-MM-dd) and a note. */
  public record ReportRequest(
      @NotNull(message = "report.error.date") @Size(max = 10) @OneLine String reportedOn,
      @Size(max = 2000, message = "plan.error.note") @Text String note) {}

  @GET
  @Path("/offices")
  @Operation(summary = "The community corrections offices a handover can go to")
  public List<HandoverService.OfficeView> offices() {
    return handovers.offices();
  }

  @GET
  @Path("")
  @Operation(
      summary =
          "Handovers: for community corrections those of its offices; for officers an inmate's")
  public List<HandoverService.HandoverView> handovers(
      @QueryParam("inmate") @Size(max = 20) String inmate) {
    return inmate == null ? handovers.readableByMe() : handovers.ofInmate(inmate);
  }

  @POST
  @Path("")
  @Consumes(MediaType.APPLICATION_JSON)
  @StatusCode(201)
  @Operation(summary = "Issue a handover of an inmate to an office (signed JSON and PDF)")
  public HandoverService.HandoverView issue(
      @NotNull(message = "handover.error.office") @Valid IssueRequest body) {
    return handovers.issue(body.inmate(), body.office());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "The handover's JSON as issued (the read is logged)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "200",
      description =
          "the handover as issued, byte for byte (its hash is in the issuing audit entry)",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      ref = "#/components/schemas/HandoverDocument")))
  public Response document(@PathParam("id") long id) {
    return Response.ok(handovers.document(id), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("/{id}/pdf")
  @Produces("application/pdf")
  @Operation(summary = "The handover's PDF as issued (the read is logged)")
  public Response pdf(@PathParam("id") long id) {
    return Response.ok(handovers.pdf(id), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"handover-" + id + ".pdf\"")
        .build();
  }

  @GET
  @Path("/{id}/package")
  @Produces("application/zip")
  @Operation(summary = "The signed handover package, verifiable offline with bin/xinsheng verify")
  public Response handoverPackage(@PathParam("id") long id) throws IOException {
    java.nio.file.Path tmp = Files.createTempFile("xinsheng-handover-", ".zip");
    String name;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      name = handovers.writePackage(id, out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    StreamingOutput body =
        out -> {
          try {
            Files.copy(tmp, out);
          } finally {
            Files.deleteIfExists(tmp);
          }
        };
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  @POST
  @Path("/{id}/first-report")
  @Consumes(MediaType.APPLICATION_JSON)
  @StatusCode(201)
  @Operation(summary = "Community corrections records the person's first report")
  public HandoverService.HandoverView firstReport(
      @PathParam("id") long id, @NotNull(message = "report.error.date") @Valid ReportRequest body) {
    LocalDate on;
    try {
      on = LocalDate.parse(body.reportedOn());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("report.error.date");
    }
    return handovers.recordFirstReport(id, on, body.note());
  }

  /**
   * The shape of a handover's JSON for /openapi: the document is sent as it was issued and hashed,
   * so it is not re-serialised from this record; each part is an object or list of the fields the
   * PDF shows.
   */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "HandoverDocument")
  public record HandoverDocument(
      String format,
      String issuedAt,
      String issuedBy,
      java.util.Map<String, String> office,
      java.util.Map<String, Object> person,
      java.util.Map<String, Object> sentence,
      java.util.Map<String, Object> plan,
      java.util.Map<String, Object> risk,
      java.util.Map<String, Object> education,
      java.util.List<java.util.Map<String, Object>> simulations,
      java.util.Map<String, Object> ledger) {}
}
