package cn.xinsheng.web.api;

import cn.xinsheng.sentence.application.CalculatorAnswer;
import cn.xinsheng.sentence.application.CalculatorRequest;
import cn.xinsheng.sentence.application.EligibilityCalculator;
import cn.xinsheng.sentence.domain.SentenceFactException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The eligibility calculator (issue 16): the facts of a sentence in, the law's answer out —
 * reduction (when, how much, what must still be served) and parole (when, or the ban), every result
 * with its article. Reads and writes nothing: courts, procuratorates and lawyers check a case with
 * it. Who may call it is the access matrix's (deny by default); the offline {@code bin/xinsheng
 * eligibility evaluate FILE.json} answers the same.
 */
@Path("/eligibility/evaluate")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityCalculatorResource {

  private static final EligibilityCalculator CALCULATOR = EligibilityCalculator.standard();

  /** The sentence as imposed; see docs/eligibility-calculator.md. */
  @JsonbPropertyOrder({
    "kind",
    "months",
    "start",
    "detentionDays",
    "limitedReduction",
    "noReductionOrParole"
  })
  public record SentenceFacts(
      @Size(max = 20) @OneLine String kind,
      Integer months,
      @Size(max = 10) @OneLine String start,
      Integer detentionDays,
      Boolean limitedReduction,
      Boolean noReductionOrParole) {}

  /** A dated change: REDUCTION, COMMUTATION_TO_LIFE, COMMUTATION_TO_FIXED or NEW_CRIME. */
  @JsonbPropertyOrder({"kind", "on", "months", "toMonths"})
  public record ChangeFacts(
      @Size(max = 30) @OneLine String kind,
      @Size(max = 10) @OneLine String on,
      Integer months,
      Integer toMonths) {}

  /** The facts to evaluate; see docs/eligibility-calculator.md for every field. */
  @JsonbPropertyOrder({
    "asOf",
    "sentence",
    "offences",
    "recidivist",
    "propertyPenalty",
    "performance",
    "changes",
    "juvenile",
    "elderlyIllOrDisabled"
  })
  public record EvaluateRequest(
      @Size(max = 10) @OneLine String asOf,
      @Valid SentenceFacts sentence,
      @Size(max = 30) List<@NotNull @Size(max = 40) @OneLine String> offences,
      Boolean recidivist,
      @Size(max = 20) @OneLine String propertyPenalty,
      @Size(max = 40) @OneLine String performance,
      @Size(max = 100) List<@NotNull @Valid ChangeFacts> changes,
      Boolean juvenile,
      Boolean elderlyIllOrDisabled) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Evaluate reduction and parole from the facts (writes nothing): when, how much, bans,"
              + " each with its article (rule table 2016-23/v2)")
  public CalculatorAnswer evaluate(
      @NotNull(message = "error.body.empty") @Valid EvaluateRequest body) {
    SentenceFacts s = body.sentence();
    CalculatorRequest q =
        new CalculatorRequest(
            body.asOf(),
            s == null
                ? null
                : new CalculatorRequest.Sentence(
                    s.kind(),
                    s.months(),
                    s.start(),
                    s.detentionDays(),
                    s.limitedReduction(),
                    s.noReductionOrParole()),
            body.offences(),
            body.recidivist(),
            body.propertyPenalty(),
            body.performance(),
            body.changes() == null
                ? null
                : body.changes().stream()
                    .map(
                        c ->
                            new CalculatorRequest.Change(
                                c.kind(), c.on(), c.months(), c.toMonths()))
                    .toList(),
            body.juvenile(),
            body.elderlyIllOrDisabled());
    try {
      return CALCULATOR.evaluate(q);
    } catch (SentenceFactException e) {
      // the field and the fact's own words, in both languages; nothing was computed or written
      ApiError error =
          new ApiError(
              "eligibility.error.fact",
              "事实缺失或矛盾(" + e.field() + "):" + e.zh(),
              "missing or contradictory fact (" + e.field() + "): " + e.en(),
              null,
              List.of(
                  new ApiError.FieldError(e.field(), "eligibility.error.fact", e.zh(), e.en())));
      throw new WebApplicationException(error.answer(400).build());
    }
  }
}
