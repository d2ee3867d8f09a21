package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.objectionViews;

import cn.xinsheng.ledger.application.ObjectionQueries;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.api.LedgerViews.LedgerObjection;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Objections and findings over HTTP: a prosecutor's or supervisor's finding on an entry, the
 * objections of the caller's sections, and each next step of the objection loop. Shares the root
 * {@code /ledger} (see {@link MonthCloseResource}).
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectionResource {

  @Inject ObjectionService objections;

  @Inject ObjectionQueries objectionQueries;

  /** A prosecutor's or supervisor's finding on an entry. */
  @JsonbPropertyOrder({"entry", "text"})
  public record FindingRequest(
      Long entry, @Size(max = 2000, message = "objection.error.text") @Text String text) {}

  /** The next step of an objection. */
  @JsonbPropertyOrder({"step", "outcome", "correction", "note", "officer"})
  public record ObjectionStepRequest(
      @Size(max = 20) @OneLine String step,
      @Size(max = 20) @OneLine String outcome,
      Long correction,
      @Size(max = 2000) @Text String note,
      @Size(max = 64) @OneLine String officer) {}

  @POST
  @Path("/findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A prosecutor's or supervisor's finding on an entry: {entry, text}")
  @StatusCode(201)
  public Created finding(@NotNull(message = "objection.error.target") @Valid FindingRequest body) {
    if (body.entry() == null) {
      throw Refusal.invalid("objection.error.target");
    }
    long id = objections.raiseFinding(body.entry(), body.text());
    return new Created(id);
  }

  @GET
  @Path("/findings")
  @Operation(summary = "The caller's findings and where each stands")
  public List<LedgerObjection> myFindings() {
    return objectionViews(objectionQueries.myFindings());
  }

  @GET
  @Path("/objections")
  @Operation(summary = "Objections and findings of the caller's sections, with their next step")
  public List<LedgerObjection> sectionObjections() {
    return objectionViews(objectionQueries.objectionsOfMySections());
  }

  @POST
  @Path("/objections/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The next step: {step: DISPATCH (officer) | VERIFY | HANDLE (outcome, correction) |"
              + " CLOSE | FEEDBACK, note}")
  @APIResponse(responseCode = "200", description = "Done; no body")
  @StatusCode(200)
  public void objectionStep(
      @PathParam("id") long id,
      @NotNull(message = "objection.error.step") @Valid ObjectionStepRequest body) {
    objections.advance(
        id, body.step(), body.note(), body.officer(), body.outcome(), body.correction());
  }
}
