package cn.xinsheng.web.api;

import cn.xinsheng.ledger.application.ExcusalService;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Excusal from labour over HTTP (issue 16): an officer enters it, another person reviews it; the
 * monthly assessment splits an approved excused month 50/50 (司规〔2021〕3号).
 */
@Path("/ledger/excusals")
@Produces(MediaType.APPLICATION_JSON)
public class ExcusalResource {

  @Inject ExcusalService excusals;

  /** An excusal: the inmate, from a month (yyyy-MM), to a month or open, and why. */
  @JsonbPropertyOrder({"prisonerNumber", "from", "to", "reason"})
  public record ExcusalRequest(
      @Size(max = 20) @OneLine String prisonerNumber,
      @Size(max = 7, message = "ledger.error.excusalFrom") @OneLine String from,
      @Size(max = 7, message = "ledger.error.excusalMonths") @OneLine String to,
      @Size(max = 500, message = "ledger.error.excusalReason") @Text String reason) {}

  /** A review: APPROVED or REJECTED, with the reason. */
  @JsonbPropertyOrder({"decision", "reason"})
  public record ExcusalReview(
      @Size(max = 10, message = "ledger.error.excusalDecision") @OneLine String decision,
      @Size(max = 500, message = "ledger.error.excusalReason") @Text String reason) {}

  @GET
  @Operation(summary = "A section's excusals from labour, with their reviews")
  public List<ExcusalService.ExcusalView> list(@QueryParam("section") long section) {
    return excusals.ofSection(section);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Enter an excusal from labour: {prisonerNumber, from, to?, reason}")
  @StatusCode(201)
  public Created enter(@NotNull(message = "error.body.empty") @Valid ExcusalRequest body) {
    return new Created(
        excusals.enter(
            body.prisonerNumber(),
            month(body.from(), "ledger.error.excusalFrom"),
            month(body.to(), "ledger.error.excusalMonths"),
            body.reason()));
  }

  @POST
  @Path("/{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Review an excusal (by another person): {decision: APPROVED|REJECTED, reason}")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "201",
      description = "Recorded; no body")
  @StatusCode(201)
  public void review(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid ExcusalReview body) {
    excusals.review(id, body.decision(), body.reason());
  }

  private static YearMonth month(String text, String key) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(key);
    }
  }
}
