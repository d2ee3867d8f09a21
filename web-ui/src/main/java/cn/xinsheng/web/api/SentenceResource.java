package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.application.SentenceService;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The sentence record over HTTP (issue 16): the department enters the judgment's facts and each
 * later change; a refusal names the field in both languages and nothing is written.
 */
@Path("/sentences")
@Produces(MediaType.APPLICATION_JSON)
public class SentenceResource {

  @Inject SentenceService sentences;

  /** The judgment's facts (dates yyyy-MM-dd; months only for a fixed term). */
  @JsonbPropertyOrder({
    "kind",
    "months",
    "start",
    "detentionDays",
    "limitedReduction",
    "noReductionOrParole",
    "offences",
    "recidivist",
    "propertyPenalty",
    "juvenile",
    "elderlyIllOrDisabled",
    "minorWhileServing",
    "combinedSentence",
    "violentTermMonths",
    "twoCrimesOfTenYears",
    "note"
  })
  public record RecordRequest(
      @Size(max = 20) @OneLine String kind,
      Integer months,
      @Size(max = 10, message = "case.error.date") @OneLine String start,
      Integer detentionDays,
      Boolean limitedReduction,
      Boolean noReductionOrParole,
      @Size(max = 20) List<@NotNull @Size(max = 40) @OneLine String> offences,
      Boolean recidivist,
      @Size(max = 20) @OneLine String propertyPenalty,
      Boolean juvenile,
      Boolean elderlyIllOrDisabled,
      Boolean minorWhileServing,
      Boolean combinedSentence,
      Integer violentTermMonths,
      Boolean twoCrimesOfTenYears,
      @Size(max = 500, message = "sentence.error.note") @Text String note) {}

  /** A later change from the court's papers. */
  @JsonbPropertyOrder({"kind", "on", "months", "toMonths", "servedOn", "note"})
  public record ChangeRequest(
      @Size(max = 30) @OneLine String kind,
      @Size(max = 10, message = "case.error.date") @OneLine String on,
      Integer months,
      Integer toMonths,
      @Size(max = 10, message = "case.error.date") @OneLine String servedOn,
      @Size(max = 500, message = "sentence.error.note") @Text String note) {}

  @GET
  @Path("/{prisonerNumber}")
  @Operation(summary = "An inmate's sentence record in force, with its changes")
  public SentenceService.SentenceView view(@PathParam("prisonerNumber") String prisonerNumber) {
    return sentences.view(prisonerNumber);
  }

  @POST
  @Path("/{prisonerNumber}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Enter the judgment: {kind: FIXED|LIFE|DEATH_REPRIEVE, months?, start, detentionDays,"
              + " limitedReduction, noReductionOrParole, offences: [codes], recidivist,"
              + " propertyPenalty, juvenile (under 18 at the crime), elderlyIllOrDisabled,"
              + " minorWhileServing (under 18 while serving), combinedSentence (数罪并罚 life or"
              + " 死缓), violentTermMonths (the violent offence's own term in a combined fixed"
              + " term), twoCrimesOfTenYears (a combined fixed term in which two or more crimes were"
              + " each given ten years or more, 第七条第二款), note}")
  @StatusCode(201)
  public SentenceService.SentenceView record(
      @PathParam("prisonerNumber") String prisonerNumber,
      @NotNull(message = "error.body.empty") @Valid RecordRequest body) {
    return sentences.record(
        prisonerNumber,
        new SentenceService.SentenceInput(
            body.kind(),
            body.months(),
            date(body.start(), "start"),
            body.detentionDays(),
            Boolean.TRUE.equals(body.limitedReduction()),
            Boolean.TRUE.equals(body.noReductionOrParole()),
            body.offences() == null ? List.of() : body.offences(),
            Boolean.TRUE.equals(body.recidivist()),
            body.propertyPenalty(),
            Boolean.TRUE.equals(body.juvenile()),
            Boolean.TRUE.equals(body.elderlyIllOrDisabled()),
            Boolean.TRUE.equals(body.minorWhileServing()),
            Boolean.TRUE.equals(body.combinedSentence()),
            body.violentTermMonths(),
            Boolean.TRUE.equals(body.twoCrimesOfTenYears()),
            body.note()));
  }

  @POST
  @Path("/{prisonerNumber}/changes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Enter a change: {kind: REDUCTION|COMMUTATION_TO_LIFE|COMMUTATION_TO_FIXED|NEW_CRIME, on,"
              + " months?, toMonths?, servedOn?, note}; servedOn (yyyy-MM-dd), the day a reduction"
              + " or a commutation to a fixed term was served: not before on, not after today")
  @StatusCode(201)
  public SentenceService.SentenceView change(
      @PathParam("prisonerNumber") String prisonerNumber,
      @NotNull(message = "error.body.empty") @Valid ChangeRequest body) {
    return sentences.change(
        prisonerNumber,
        new SentenceService.ChangeInput(
            body.kind(),
            date(body.on(), "on"),
            body.months(),
            body.toMonths(),
            date(body.servedOn(), "servedOn"),
            body.note()));
  }

  private static LocalDate date(String text, String key) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("case.error.date", key);
    }
  }
}
