package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CaseEventDone;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.Noticeboard;
import cn.xinsheng.cases.application.PostingService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The posting over HTTP: the noticeboard (cases being posted, rulings served, both as PDF) and an
 * objection during the posting. Shares the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PostingResource {

  @Inject PostingService posting;

  @Inject Noticeboard noticeboard;

  @GET
  @Path("/cases/public")
  @Operation(summary = "The noticeboard: cases being posted (rulings=true: rulings served)")
  public List<CaseSummary> publicList(@QueryParam("rulings") boolean rulings) {
    return noticeboard.publicList(rulings);
  }

  @GET
  @Path("/cases/public/posting.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The posting notice for the noticeboard, as PDF")
  public Response postingPdf() throws IOException {
    byte[] pdf = noticeboard.noticeboardPdf(false);
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"posting.pdf\"")
        .build();
  }

  @GET
  @Path("/cases/public/rulings.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The public list of rulings, as PDF")
  public Response rulingsPdf() throws IOException {
    byte[] pdf = noticeboard.noticeboardPdf(true);
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"rulings.pdf\"")
        .build();
  }

  @POST
  @Path("/cases/{id}/posting-objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An objection during the posting: {text}")
  @StatusCode(201)
  public CaseEventDone postingObjection(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid TextRequest body) {
    return posting.objectDuringPosting(id, body.text());
  }
}
