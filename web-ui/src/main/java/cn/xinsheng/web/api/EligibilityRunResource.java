package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.RequestValues.date;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.EligibilityResult;
import cn.xinsheng.cases.application.EligibilityService;
import cn.xinsheng.platform.Refusal;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Eligibility runs over HTTP: the table run for a section or the prison, its latest results, and
 * the sentence facts it reads. Thin: the services decide who may do what; every refusal comes back
 * in both languages.
 */
@Path("/eligibility")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityRunResource {

  @Inject EligibilityService eligibility;

  /** An eligibility run: an officer's own section, or nothing for the prison (department). */
  public record RunRequest(Long section) {}

  /** A sentence fact as the judgment or the execution record gives it (dates yyyy-MM-dd). */
  @JsonbPropertyOrder({"prisonerNumber", "kind", "active", "effectiveOn", "months", "note"})
  public record FactRequest(
      @Size(max = 20) @OneLine String prisonerNumber,
      @Size(max = 20, message = "case.error.factKind") @OneLine String kind,
      Boolean active,
      @Size(max = 10, message = "case.error.date") @OneLine String effectiveOn,
      Integer months,
      @Size(max = 500, message = "case.error.factNote") @Text String note) {}

  @POST
  @Path("/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Run the eligibility table: {section} (an officer's own) or {} for the prison (department)")
  @StatusCode(201)
  public EligibilityService.RunSummary run(
      @NotNull(message = "error.body.empty") @Valid RunRequest body) {
    return eligibility.run(body.section());
  }

  @GET
  @Path("/runs/latest")
  @Operation(summary = "The latest run's eligible inmates and near misses (all=true: every result)")
  public List<EligibilityResult> latest(
      @QueryParam("section") Long section, @QueryParam("all") boolean all) {
    long run =
        eligibility.latestRunId(section).orElseThrow(() -> Refusal.notFound("case.error.noRun"));
    return eligibility.results(run, section, all);
  }

  @GET
  @Path("/results/{id}/commendations")
  @Operation(
      summary =
          "The commended cycles (表扬, 物质奖励) a proposal from this result may cite; usedBy names"
              + " the granted case that cited one")
  public List<CaseFile.CycleLine> commendations(@PathParam("id") long id) {
    // what the eligibility page offers a proposer to cite, for a proposal made over the API
    return eligibility.commendations(id);
  }

  @POST
  @Path("/facts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A sentence fact: {prisonerNumber, kind, active, effectiveOn, months?, note}")
  @APIResponse(responseCode = "201", description = "Recorded; no body")
  @StatusCode(201)
  public void fact(@NotNull(message = "error.body.empty") @Valid FactRequest body) {
    eligibility.recordFact(
        body.prisonerNumber() == null ? "" : body.prisonerNumber(),
        body.kind() == null ? "" : body.kind(),
        body.active() == null || body.active(),
        date(body.effectiveOn(), "effectiveOn"),
        body.months(),
        body.note());
  }
}
