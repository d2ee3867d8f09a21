package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CaseEventDone;
import cn.xinsheng.cases.application.CourtService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The court's part of a case over HTTP: an objection received during its posting, and one more
 * month to rule. Shares the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CourtResource {

  @Inject CourtService court;

  @POST
  @Path("/cases/{id}/court-posting-objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The court records an objection received during its posting: {text}; the hearing becomes"
              + " mandatory (法释〔2014〕5号第六条第（三）项)")
  @StatusCode(201)
  public CaseEventDone courtPostingObjection(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid TextRequest body) {
    return court.objectDuringCourtPosting(id, body.text());
  }

  @POST
  @Path("/cases/{id}/court-extension")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The court takes one more month to rule: {reason}; never for 死缓 (法释〔2014〕5号第一条)")
  @StatusCode(201)
  public CaseEventDone courtExtension(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid ExtensionRequest body) {
    return court.extendRuling(id, body.reason() == null ? "" : body.reason());
  }
}
