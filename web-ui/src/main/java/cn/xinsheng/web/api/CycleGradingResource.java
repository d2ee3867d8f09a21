package cn.xinsheng.web.api;

import cn.xinsheng.ledger.application.CycleGrading;
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
 * The grading of closed cycles over HTTP: the section proposes what a cycle earned (praise,
 * material reward, nothing) and the prison approves or rejects it, by another person. Shares the
 * root {@code /ledger} (see {@link MonthCloseResource}).
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class CycleGradingResource {

  @Inject CycleGrading grading;

  /** What a closed cycle earned, and why. */
  @JsonbPropertyOrder({"result", "reason"})
  // a missing result is refused here, at the boundary, whoever asks (before, the web parsed the
  // domain's enum; the service checks the caller's role and then the name)
  public record CycleDecisionRequest(
      @NotNull(message = "ledger.error.cycleDecision") @Size(max = 20) @OneLine String result,
      @Size(max = 500) @Text String reason) {}

  @GET
  @Path("/sections/{section}/cycles/ungraded")
  @Operation(
      summary =
          "The section's closed cycles that still need its grading proposal (what the grading"
              + " screen lists)")
  public List<CycleGrading.UngradedCycle> ungradedCycles(@PathParam("section") long section) {
    return grading.ungradedCycles(section);
  }

  @POST
  @Path("/cycles/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The section's grading proposal for a closed cycle (the prison approves it):"
              + " {result: PRAISE|MATERIAL|NONE, reason}")
  @APIResponse(responseCode = "200", description = "Proposed; no body")
  @StatusCode(200)
  public void decideCycle(
      @PathParam("id") long id,
      @NotNull(message = "ledger.error.cycleDecision") @Valid CycleDecisionRequest body) {
    grading.decideCycle(id, body.result(), body.reason());
  }

  /** The prison's approval of a grading proposal. */
  @JsonbPropertyOrder({"decision", "reason"})
  public record GradingApprovalRequest(
      @Size(max = 10, message = "ledger.error.gradingDecision") @OneLine String decision,
      @Size(max = 500, message = "ledger.error.cycleDecision") @Text String reason) {}

  @POST
  @Path("/cycles/{id}/approval")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The prison approves or rejects the section's grading proposal, by another person:"
              + " {decision: APPROVED|REJECTED, reason}")
  @APIResponse(responseCode = "200", description = "Recorded; no body")
  @StatusCode(200)
  public void approveGrading(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid GradingApprovalRequest body) {
    grading.approveGrading(id, body.decision(), body.reason());
  }

  @GET
  @Path("/gradings/pending")
  @Operation(summary = "Grading proposals waiting for the prison's approval")
  public List<CycleGrading.PendingGrading> pendingGradings() {
    return grading.pendingGradings();
  }
}
