package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CaseEventDone;
import cn.xinsheng.cases.application.ProcuratorateService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The procuratorate's part of a case over HTTP: its opinion, and ten more days when it needs them.
 * Shares the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ProcuratorateResource {

  @Inject ProcuratorateService procuratorate;

  /** The procuratorate's opinion. */
  @JsonbPropertyOrder({"choice", "reasons"})
  public record OpinionRequest(
      @Size(max = 20) @OneLine String choice,
      @Size(max = 4000, message = "case.error.text") @Text String reasons) {}

  @POST
  @Path("/cases/{id}/opinions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The procuratorate's opinion: {choice: AGREE|OBJECT, reasons}")
  @StatusCode(201)
  public CaseEventDone opinion(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid OpinionRequest body) {
    return procuratorate.opinion(id, body.choice() == null ? "" : body.choice(), body.reasons());
  }

  @POST
  @Path("/cases/{id}/extension")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The procuratorate extends its period by 10 days: {reason}")
  @StatusCode(201)
  public CaseEventDone extension(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid ExtensionRequest body) {
    return procuratorate.extend(id, body.reason());
  }
}
