package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.RequestValues.date;

import cn.xinsheng.cases.application.CaseEventDone;
import cn.xinsheng.cases.application.StepService;
import cn.xinsheng.platform.Refusal;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The steps of a case over HTTP: the next step signed, or the case returned to an earlier one.
 * Shares the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CaseStepResource {

  @Inject StepService steps;

  /** The next step of a case, signed. */
  @JsonbPropertyOrder({"step", "note", "choice", "months", "onDate", "attachment"})
  public record StepRequest(
      @Size(max = 30, message = "case.error.step") @OneLine String step,
      @Size(max = 4000, message = "case.error.text") @Text String note,
      @Size(max = 20) @OneLine String choice,
      Integer months,
      @Size(max = 10, message = "case.error.date") @OneLine String onDate,
      Long attachment) {}

  /** A case sent back to an earlier step. */
  @JsonbPropertyOrder({"step", "reason"})
  public record ReturnRequest(
      @Size(max = 30, message = "case.error.step") @OneLine String step,
      @Size(max = 4000, message = "case.error.text") @Text String reason) {}

  @POST
  @Path("/cases/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign the next step: {step, note, choice?, months?, onDate?, attachment?}")
  @StatusCode(201)
  public CaseEventDone step(
      @PathParam("id") long id, @NotNull(message = "case.error.step") @Valid StepRequest body) {
    return steps.sign(
        id,
        step(body.step()),
        body.note(),
        body.choice(),
        body.months(),
        date(body.onDate(), "onDate"),
        body.attachment());
  }

  @POST
  @Path("/cases/{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Return the case to an earlier step: {step, reason}")
  @StatusCode(201)
  public CaseEventDone returnTo(
      @PathParam("id") long id, @NotNull(message = "case.error.step") @Valid ReturnRequest body) {
    return steps.returnTo(id, step(body.step()), body.reason());
  }

  /**
   * The step as the service names it: the API takes it in either case; none or any other name is
   * refused here with {@code case.error.step}, before the date and before the service asks who may
   * sign (a role without the step is told 403 only for a real step).
   */
  private static String step(String text) {
    String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (!StepService.isStep(name)) {
      throw Refusal.invalid("case.error.step");
    }
    return name;
  }
}
