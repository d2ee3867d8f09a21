package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.entries;

import cn.xinsheng.ledger.application.ReviewQueues;
import cn.xinsheng.ledger.application.ReviewService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.api.LedgerViews.LedgerEntry;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The review of ledger entries over HTTP: what waits for the reviewer's signature, and his decision
 * (approved, or returned with a reason).
 */
@Path("/ledger/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class EntryReviewResource {

  @Inject ReviewService review;

  @Inject ReviewQueues queues;

  /** A reviewer's decision. */
  @JsonbPropertyOrder({"decision", "reason"})
  public record ReviewRequest(
      @Size(max = 20) @OneLine String decision,
      @Size(max = 500, message = "ledger.error.returnReason") @Text String reason) {}

  /** A reviewer's decision as recorded. */
  @JsonbPropertyOrder({"entry", "decision"})
  public record ReviewDecided(long entry, String decision) {}

  @GET
  @Operation(summary = "Entries of the reviewer's sections waiting for his signature")
  public List<LedgerEntry> waiting() {
    return entries(queues.waitingForMyReview());
  }

  @POST
  @Path("/{entryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve or return an entry: {decision: APPROVED|RETURNED, reason}")
  public ReviewDecided decide(
      @PathParam("entryId") long entryId,
      @NotNull(message = "ledger.error.decision") @Valid ReviewRequest body) {
    String decision = body.decision() == null ? "" : body.decision();
    switch (decision) {
      case "APPROVED" -> review.approve(entryId);
      case "RETURNED" -> review.returnEntry(entryId, body.reason());
      default -> throw Refusal.invalid("ledger.error.decision");
    }
    return new ReviewDecided(entryId, decision);
  }
}
