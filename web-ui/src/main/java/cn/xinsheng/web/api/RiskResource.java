package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.RiskService;
import jakarta.inject.Inject;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Recidivism risk assessments over HTTP (issue 20): advice, never a decision. Thin: the service
 * decides who may assess, override, countersign and import outcomes, and refuses in both languages.
 */
@Path("/readiness/risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

  @Inject RiskService risk;

  /** The officer's values for the factors the platform does not supply: factor code to value. */
  public record AssessRequest(@Size(max = 60) Map<String, @Size(max = 40) String> values) {}

  /** An override: the level set, the reason, and the login of the officer who must countersign. */
  public record OverrideRequest(
      @Size(max = 20) @OneLine String decided,
      @Size(max = 2000) String reason,
      @Size(max = 64) @OneLine String secondOfficer) {}

  @GET
  @Path("/inmates/{number}/form")
  @Operation(summary = "The instrument's factors for one inmate, with the platform's values")
  public RiskService.AssessmentForm form(@PathParam("number") @Size(max = 20) String number) {
    return risk.form(number);
  }

  @POST
  @Path("/inmates/{number}/assessments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Score the inmate now: platform values plus the officer's; stored and audited")
  @StatusCode(201)
  public RiskService.AssessmentView assess(
      @PathParam("number") @Size(max = 20) String number,
      @NotNull(message = "risk.values") AssessRequest body) {
    return risk.assess(number, body.values() == null ? Map.of() : body.values());
  }

  @GET
  @Path("/inmates/{number}/assessments")
  @Operation(summary = "The inmate's assessments, newest first, with contributions and overrides")
  public List<RiskService.AssessmentView> assessments(
      @PathParam("number") @Size(max = 20) String number) {
    return risk.assessments(number);
  }

  @GET
  @Path("/assessments/{id}")
  @Operation(summary = "One assessment with every factor's contribution")
  public RiskService.AssessmentView assessment(@PathParam("id") long id) {
    return risk.assessment(id);
  }

  @POST
  @Path("/assessments/{id}/overrides")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Request an override with a reason, naming the second officer; it stands once signed")
  @StatusCode(201)
  public RiskService.OverrideView requestOverride(
      @PathParam("id") long id, @NotNull(message = "risk.override") OverrideRequest body) {
    return risk.requestOverride(id, body.decided(), body.reason(), body.secondOfficer());
  }

  @GET
  @Path("/overrides/awaiting")
  @Operation(
      summary = "Overrides that name the caller as second officer and wait for his signature")
  public List<RiskService.OverrideView> awaiting() {
    return risk.awaitingMySignature();
  }

  @POST
  @Path("/overrides/{id}/signature")
  @Operation(summary = "The named second officer countersigns an override; audited")
  public RiskService.OverrideView countersign(@PathParam("id") long id) {
    return risk.countersign(id);
  }

  @GET
  @Path("/model")
  @Operation(summary = "The model card: the instrument, what it rests on, its calibration status")
  public RiskService.ModelCard model() {
    return risk.modelCard();
  }

  @GET
  @Path("/validations/synthetic")
  @Operation(
      summary = "The demo's report on the seeded synthetic cohort (not real data), held-out half")
  public RiskService.SyntheticReport synthetic() {
    return risk.syntheticReport();
  }

  @GET
  @Path("/validations")
  @Operation(summary = "Validation reports computed on imported outcomes, newest first")
  public List<RiskService.ValidationView> validations() {
    return risk.validations();
  }

  @POST
  @Path("/validations")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Import past releases with outcomes (CSV: factor codes and reoffended) and compute the"
              + " report; a bad line is refused by number and nothing is stored")
  @StatusCode(201)
  public RiskService.ValidationView importValidation(
      InputStream body, @QueryParam("name") @Size(max = 200) @OneLine String name)
      throws IOException {
    byte[] bytes = body.readNBytes(RiskService.MAX_CSV_BYTES + 1);
    if (bytes.length > RiskService.MAX_CSV_BYTES) {
      throw Refusal.invalid("evidence.error.tooLarge", RiskService.MAX_CSV_BYTES >> 20);
    }
    return risk.importValidation(name, bytes);
  }
}
