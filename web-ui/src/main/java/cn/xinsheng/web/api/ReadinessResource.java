package cn.xinsheng.web.api;

import cn.xinsheng.readiness.application.ScenarioPackageService;
import cn.xinsheng.readiness.application.SimulationService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Release-readiness simulations over HTTP (issue 20): the inmate's scenarios, playing one step by
 * step, finishing (the server replays and scores), his attempts; teachers' results; signed scenario
 * packages the education office imports. Thin: the services decide who may do what and never let
 * the terminal score itself.
 */
@Path("/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject SimulationService simulations;
  @Inject ScenarioPackageService scenarioPackages;

  /** One step as the terminal recorded it: TOUCH or INPUT an element, or HINT. */
  public record StepBody(
      @NotNull(message = "readiness.step.kind") @Size(max = 10) @OneLine String kind,
      @Size(max = 40) @OneLine String element,
      @Size(max = 500, message = "readiness.step.value") String value,
      @NotNull(message = "readiness.step.time") Long elapsedMillis) {}

  /** The steps of an attempt so far, oldest first. */
  public record StepsRequest(
      @NotNull(message = "readiness.step.kind") @Size(max = 2000)
          List<@NotNull @Valid StepBody> steps) {}

  @GET
  @Path("/scenarios")
  @Operation(summary = "The simulations the inmate may play, with his attempts and best score")
  public List<SimulationService.ScenarioCard> scenarios() {
    return simulations.myScenarios();
  }

  @POST
  @Path("/scenarios/{id}/play")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The screen the steps so far reach, and whether the last one was a mistake; stores nothing")
  public SimulationService.PlayState play(
      @PathParam("id") @Size(max = 40) String id,
      @NotNull(message = "readiness.step.kind") @Valid StepsRequest body) {
    return simulations.play(id, steps(body));
  }

  @POST
  @Path("/scenarios/{id}/attempts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Finish an attempt: the server replays the steps, scores and records it")
  @StatusCode(201)
  public SimulationService.AttemptView finish(
      @PathParam("id") @Size(max = 40) String id,
      @NotNull(message = "readiness.step.kind") @Valid StepsRequest body) {
    return simulations.finish(id, steps(body), JSON.toJson(body.steps()));
  }

  @GET
  @Path("/attempts/mine")
  @Operation(summary = "The inmate's own attempts, newest first")
  public List<SimulationService.AttemptView> mine() {
    return simulations.myAttempts();
  }

  @GET
  @Path("/results")
  @Operation(
      summary =
          "Attempts of the caller's learners (a teacher's cohorts; all for the education office)")
  public List<SimulationService.ResultRow> results() {
    return simulations.results();
  }

  @GET
  @Path("/results/cohort")
  @Operation(summary = "Per scenario: people, attempts, passes, average first and latest score")
  public List<SimulationService.CohortLine> cohort() {
    return simulations.cohort();
  }

  @GET
  @Path("/scenario-packages")
  @Operation(summary = "Scenario packages imported, every version, newest first")
  public List<ScenarioPackageService.PackageView> scenarioPackages() {
    return scenarioPackages.packages();
  }

  @POST
  @Path("/scenario-packages")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary =
          "Import a signed scenario package (the zip as the body): a newer version of a package, or"
              + " a new one; its scenarios join the inmates' simulations")
  @StatusCode(201)
  public ScenarioPackageService.Imported importScenarioPackage(InputStream body) {
    return scenarioPackages.importPackage(body);
  }

  /** Why the office withdraws a package version (4 to 500 characters; the rule checks again). */
  public record WithdrawalRequest(
      @Size(max = 500, message = "readiness.withdraw.reason") String reason) {}

  @POST
  @Path("/scenario-packages/{id}/{version}/withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Withdraw an imported scenario package version, with a reason: its scenarios can no"
              + " longer be started; past attempts stay readable")
  @StatusCode(201)
  public ScenarioPackageService.PackageView withdrawScenarioPackage(
      @PathParam("id") @Size(max = 100) @OneLine String id,
      @PathParam("version") long version,
      @NotNull(message = "readiness.withdraw.reason") @Valid WithdrawalRequest body) {
    return scenarioPackages.withdraw(id, version, body.reason());
  }

  static List<SimulationService.StepInput> steps(StepsRequest body) {
    return body.steps().stream()
        .map(
            s ->
                new SimulationService.StepInput(
                    s.kind(), s.element(), s.value(), s.elapsedMillis()))
        .toList();
  }
}
