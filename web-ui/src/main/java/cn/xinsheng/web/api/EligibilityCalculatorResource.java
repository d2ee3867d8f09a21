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
    "noReductionOrParole",
    "combinedSentence",
    "violentTermMonths",
    "twoCrimesOfTenYears"
  })
  public record SentenceFacts(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "FIXED (有期徒刑), LIFE (无期徒刑) or DEATH_REPRIEVE (死缓); required")
          @Size(max = 20)
          @OneLine
          String kind,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "the original fixed term in months, 1-300; FIXED only")
          Integer months,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "the day the judgment began to be executed (判决执行之日), yyyy-MM-dd; for 死缓 the day the reprieve began; required")
          @Size(max = 10)
          @OneLine
          String start,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "pre-trial detention in days, credited day for day against a fixed term (刑法第四十七条); default 0")
          Integer detentionDays,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "限制减刑 (刑法第五十条第二款): DEATH_REPRIEVE only, recidivist or a violent offence")
          Boolean limitedReduction,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "终身监禁 (刑法第三百八十三条第四款): DEATH_REPRIEVE only, with CORRUPTION_BY_OFFICIAL")
          Boolean noReductionOrParole,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "数罪并罚: LIFE or DEATH_REPRIEVE imposed for several crimes together, a strict category (第九条, 第十一条); refused for FIXED; default false")
          Boolean combinedSentence,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "FIXED combining several crimes: the term the violent offence itself was given, 1 to months; the parole ban (刑法第八十一条第二款) and 第七条第二款 look at it, not the total; absent: the whole term")
          Integer violentTermMonths,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "FIXED of 120 months or more combining several crimes, two or more of them each sentenced to ten years or more: a strict category whatever the offences (法释〔2016〕23号第七条第二款); default false")
          Boolean twoCrimesOfTenYears) {}

  /** A dated change: REDUCTION, COMMUTATION_TO_LIFE, COMMUTATION_TO_FIXED or NEW_CRIME. */
  @JsonbPropertyOrder({"kind", "on", "months", "toMonths", "servedOn"})
  public record ChangeFacts(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "REDUCTION, COMMUTATION_TO_LIFE (the reprieve ended), COMMUTATION_TO_FIXED or NEW_CRIME")
          @Size(max = 30)
          @OneLine
          String kind,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "the ruling's date, yyyy-MM-dd; for COMMUTATION_TO_LIFE the day the reprieve ended, for COMMUTATION_TO_FIXED the day the new term counts from (the ruling, 刑法第八十条)")
          @Size(max = 10)
          @OneLine
          String on,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "REDUCTION: the months taken off; NEW_CRIME: its term (absent: life)")
          Integer months,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "COMMUTATION_TO_FIXED: the fixed term set; NEW_CRIME: the combined term from on, optional")
          Integer toMonths,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "REDUCTION or COMMUTATION_TO_FIXED: the day the ruling was served (送达), yyyy-MM-dd, on or after on; the interval to the next reduction and the wait before parole count from it (法释〔2016〕23号第四十条第二款); absent: from on")
          @Size(max = 10)
          @OneLine
          String servedOn) {}

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
    "elderlyIllOrDisabled",
    "minorWhileServing"
  })
  public record EvaluateRequest(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "the day to evaluate on, yyyy-MM-dd; not before sentence.start, no change after it; required")
          @Size(max = 10)
          @OneLine
          String asOf,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "the sentence as imposed; required")
          @Valid
          SentenceFacts sentence,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "offence codes, at least one: INTENTIONAL_HOMICIDE RAPE ROBBERY KIDNAPPING ARSON EXPLOSION POISONING ORGANISED_VIOLENCE DUTY_CRIME FINANCIAL_ORDER FINANCIAL_FRAUD ORGANISED_CRIME STATE_SECURITY TERRORISM DRUG_RINGLEADER DRUG_REOFFENDER CORRUPTION_BY_OFFICIAL OTHER")
          @Size(max = 30)
          List<@NotNull @Size(max = 40) @OneLine String> offences,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "累犯: strict for reductions (第七条), never paroled (刑法第八十一条第二款); default false")
          Boolean recidivist,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "NONE, PAID, UNPAID_ABLE (strict, no parole: 第七条, 第二十七条) or UNPAID_UNABLE; default NONE")
          @Size(max = 20)
          @OneLine
          String propertyPenalty,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "REPENTANCE, MERIT, REPENTANCE_AND_MERIT, MAJOR_MERIT or REPENTANCE_AND_MAJOR_MERIT: the maximum follows it (第六条第二款); required")
          @Size(max = 40)
          @OneLine
          String performance,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "every dated change since the judgment, any order, at most 100")
          @Size(max = 100)
          List<@NotNull @Valid ChangeFacts> changes,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "under 18 at the time of the crime: parole may be granted leniently (第二十六条第三项); default false")
          Boolean juvenile,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "elderly, seriously ill or disabled, largely unable to work (第二十条, 第二十六条第四项); default false")
          Boolean elderlyIllOrDisabled,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "under 18 while serving, before the proposal: amount and waits may be eased by a third (第十九条); default false")
          Boolean minorWhileServing) {}

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
                    s.noReductionOrParole(),
                    s.combinedSentence(),
                    s.violentTermMonths(),
                    s.twoCrimesOfTenYears()),
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
                                c.kind(), c.on(), c.months(), c.toMonths(), c.servedOn()))
                    .toList(),
            body.juvenile(),
            body.elderlyIllOrDisabled(),
            body.minorWhileServing());
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
