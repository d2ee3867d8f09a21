package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.RequestValues.orEmpty;

import cn.xinsheng.cases.application.CaseCreated;
import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.ProposalService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Reduction and parole proposals over HTTP: the cases the caller may see, and a section's proposal
 * from an eligibility result. Thin: the services decide who may do what; every refusal comes back
 * in both languages. Shares the root {@code /} with the other case jobs: their URLs lie side by
 * side under {@code /cases/{id}}, and Jersey merges root resources of one path (their routes do not
 * overlap) but never falls back from a longer root to a shorter one, so no case job may take a root
 * of its own under {@code /cases}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

  @Inject ProposalService proposals;

  @Inject CaseLists caseLists;

  /**
   * A section's proposal from an eligibility result; the kind of performance (issue 16) is the
   * ledger's unless given, and another needs a reason.
   */
  @JsonbPropertyOrder({
    "eligibility",
    "months",
    "rationale",
    "cycles",
    "attachment",
    "performance",
    "performanceReason"
  })
  public record ProposalRequest(
      @NotNull(message = "case.error.unknownEligibility") Long eligibility,
      Integer months,
      @Size(max = 4000, message = "case.error.rationale") @Text String rationale,
      @Size(max = 100) List<@NotNull Long> cycles,
      Long attachment,
      @Size(max = 40, message = "case.error.performance") @OneLine String performance,
      @Size(max = 500, message = "case.error.performanceReason") @Text String performanceReason) {}

  @GET
  @Path("/cases")
  @Operation(summary = "Cases the caller may see, by the next step's deadline")
  public List<CaseSummary> list() {
    return caseLists.list();
  }

  @POST
  @Path("/cases")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Propose: {eligibility, months, rationale, cycles: [ids], attachment?, performance?,"
              + " performanceReason?}")
  @StatusCode(201)
  public CaseCreated propose(
      @NotNull(message = "case.error.unknownEligibility") @Valid ProposalRequest body) {
    return proposals.propose(
        body.eligibility(),
        body.months(),
        body.rationale(),
        orEmpty(body.cycles()),
        body.attachment(),
        body.performance(),
        body.performanceReason());
  }
}
