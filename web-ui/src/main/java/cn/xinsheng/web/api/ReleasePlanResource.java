package cn.xinsheng.web.api;

import cn.xinsheng.readiness.application.ReleasePlanService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Release plans and handovers to community corrections over HTTP (issue 20). Thin: the services
 * decide who may read which plan or handover; every refusal comes back in both languages.
 */
@Path("/readiness/plans")
@Produces(MediaType.APPLICATION_JSON)
public class ReleasePlanResource {

  @Inject ReleasePlanService plans;

  /** An update of a plan item: the new status, a note, and the evidence file it rests on. */
  public record UpdateRequest(
      @NotNull(message = "plan.error.status") @Size(max = 16) @OneLine String status,
      @Size(max = 2000, message = "plan.error.note") @Text String note,
      Long evidence) {}

  @GET
  @Path("")
  @Operation(summary = "Plans of the caller's sections: countdown, settled and late items")
  public List<ReleasePlanService.PlanLine> list(
      @QueryParam("section") Long section,
      @QueryParam("late") boolean late,
      @QueryParam("q") @Size(max = 40) String q) {
    return plans.plans(section, late, q);
  }

  @GET
  @Path("/mine")
  @Operation(summary = "The inmate's own plan and countdown")
  public ReleasePlanService.PlanPage mine() {
    return plans.mine();
  }

  @GET
  @Path("/{number}")
  @Operation(summary = "One plan: countdown from the sentence record, checklist, alerts, rulings")
  public ReleasePlanService.PlanPage plan(@PathParam("number") @Size(max = 20) String number) {
    return plans.plan(number);
  }

  @POST
  @Path("/{number}/items/{code}/updates")
  @Consumes(MediaType.APPLICATION_JSON)
  @StatusCode(201)
  @Operation(summary = "Append an update to a plan item (a new row, audited)")
  public ReleasePlanService.PlanPage update(
      @PathParam("number") @Size(max = 20) String number,
      @PathParam("code") @Size(max = 40) String code,
      @NotNull(message = "plan.error.status") @Valid UpdateRequest body) {
    return plans.update(number, code, body.status(), body.note(), body.evidence());
  }
}
