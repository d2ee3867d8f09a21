package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.month;

import cn.xinsheng.ledger.application.JobProgress;
import cn.xinsheng.ledger.application.MonthCloseSteps;
import cn.xinsheng.ledger.application.MonthComputation;
import cn.xinsheng.ledger.application.SectionLedgerQueries;
import cn.xinsheng.web.api.LedgerViews.LedgerMonth;
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
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A section's month over HTTP: its counts and results, the close computed as a batch job (and how
 * far it has come), then approved, published and locked step by step. Shares the root {@code
 * /ledger} with the other jobs whose URLs lie beside each other there (Jersey merges root resources
 * of one path; their routes do not overlap).
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class MonthCloseResource {

  @Inject MonthComputation computation;

  @Inject MonthCloseSteps closeSteps;

  @Inject SectionLedgerQueries sections;

  @Inject JobProgress progress;

  /** The next step of a month close. */
  public record CloseStepRequest(@Size(max = 20) @OneLine String step) {}

  /** A section's month: counts, close state, results. */
  @JsonbPropertyOrder({
    "section",
    "month",
    "entries",
    "pending",
    "returned",
    "approved",
    "openObjections",
    "inmates",
    "closeState",
    "closeId",
    "objectionWindowEnds",
    "results"
  })
  public record SectionMonth(
      long section,
      String month,
      long entries,
      long pending,
      long returned,
      long approved,
      long openObjections,
      long inmates,
      String closeState,
      Long closeId,
      String objectionWindowEnds,
      List<LedgerMonth> results) {}

  /** A month close as computed. */
  public record CloseComputed(long closeId) {}

  /** A month close after its next step. */
  public record CloseAdvanced(String result) {}

  /** How far a background job has come. */
  @JsonbPropertyOrder({"done", "total", "percent", "finished", "error", "result"})
  public record Progress(
      Long done, Long total, int percent, boolean finished, String error, Long result) {}

  @GET
  @Path("/sections/{section}/months/{month}")
  @Operation(summary = "A section's month: counts, close state, results")
  public SectionMonth sectionMonth(
      @PathParam("section") long section, @PathParam("month") String month) {
    YearMonth m = month(month);
    var d = sections.dashboard(section, m);
    return new SectionMonth(
        section,
        d.month(),
        d.entries(),
        d.pending(),
        d.returned(),
        d.approved(),
        d.openObjections(),
        d.inmates(),
        d.closeState(),
        d.closeId().orElse(null),
        d.windowEnds() == null ? null : d.windowEnds().toString(),
        sections.sectionResults(section, m).map(LedgerViews::months).orElse(null));
  }

  @POST
  @Path("/sections/{section}/months/{month}/close")
  @Operation(summary = "Compute the section's month close (a batch job; the answer is the close)")
  public CloseComputed compute(
      @PathParam("section") long section, @PathParam("month") String month) {
    return new CloseComputed(computation.compute(section, month(month)));
  }

  @GET
  @Path("/sections/{section}/months/{month}/progress")
  @Operation(summary = "How far the month close job has come")
  public Progress closeProgress(
      @PathParam("section") long section, @PathParam("month") String month) {
    return progress(MonthComputation.jobKey(section, month(month)));
  }

  @POST
  @Path("/closes/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The next step of a close: {step: APPROVED (reviewer) | PUBLISHED | LOCKED}")
  public CloseAdvanced advance(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid CloseStepRequest body) {
    return new CloseAdvanced(closeSteps.advance(id, body.step()));
  }

  private Progress progress(String job) {
    return progress
        .get(job)
        .map(
            p ->
                new Progress(
                    p.done(), p.total(), p.percent(), p.finished(), p.error(), p.resultId()))
        .orElse(new Progress(null, null, 0, false, null, null));
  }
}
