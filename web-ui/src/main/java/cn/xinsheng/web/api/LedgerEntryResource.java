package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.entries;
import static cn.xinsheng.web.api.RequestValues.orEmpty;

import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.application.ReviewQueues;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.api.LedgerViews.LedgerEntry;
import cn.xinsheng.web.security.ErrorMessages;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Ledger entries over HTTP: an officer records an entry, amends one that came back from review,
 * corrects one of a locked month, and sees his returned entries. Every rule is the services'; this
 * class only translates.
 */
@Path("/ledger/entries")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerEntryResource {

  @Inject LedgerService ledger;

  @Inject ReviewQueues queues;

  @Inject cn.xinsheng.platform.PrisonTime time;

  /**
   * An entry, or a returned entry's new version: the inmate, the clause (and the part it was chosen
   * from), the amount, the fact, when it happened (yyyy-MM-ddTHH:mm in prison time, or an ISO
   * instant) and the evidence ids.
   */
  @JsonbPropertyOrder({
    "prisonerNumber",
    "part",
    "clause",
    "amount",
    "fact",
    "occurredAt",
    "evidence"
  })
  public record EntryRequest(
      @NotBlank @Size(max = 20) @OneLine String prisonerNumber,
      @Size(max = 20) @OneLine String part,
      @NotBlank @Size(max = 20) @OneLine String clause,
      @NotBlank @Size(max = 20) @OneLine String amount,
      @Size(max = 1000, message = "ledger.error.fact") @Text String fact,
      @NotBlank(message = "ledger.error.occurredAt")
          @Size(max = 40, message = "ledger.error.occurredAt")
          @OneLine
          String occurredAt,
      @Size(max = 100) List<@NotNull Long> evidence) {}

  /** The correction of an approved entry of a locked month. */
  @JsonbPropertyOrder({"reason", "evidence"})
  public record CorrectionRequest(
      @Size(max = 500, message = "ledger.error.reason") @Text String reason,
      @Size(max = 100) List<@NotNull Long> evidence) {}

  /** The caller's returned entries and the alert that goes with them. */
  @JsonbPropertyOrder({"count", "alert_zh", "alert_en", "entries"})
  public record ReturnedEntries(
      int count, String alert_zh, String alert_en, List<LedgerEntry> entries) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Record an entry: {prisonerNumber, part?, clause, amount, fact, occurredAt"
              + " (yyyy-MM-ddTHH:mm, prison time), evidence: [ids]}")
  @StatusCode(201)
  public Created record(@NotNull(message = "error.body.empty") @Valid EntryRequest body) {
    return new Created(ledger.record(command(body, time.zone())));
  }

  @POST
  @Path("/{id}/amendment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A new version of a returned entry, by its author (same body as a record)")
  @StatusCode(201)
  public Created amend(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid EntryRequest body) {
    return new Created(ledger.amend(id, command(body, time.zone())));
  }

  @POST
  @Path("/{id}/correction")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Correct an approved entry of a locked month: {reason, evidence: [ids]}")
  @StatusCode(201)
  public Created correct(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid CorrectionRequest body) {
    return new Created(ledger.correct(id, body.reason(), orEmpty(body.evidence())));
  }

  @GET
  @Path("/returned")
  @Operation(summary = "The caller's returned entries: 您有一条信息没有通过审核，请及时处理")
  public ReturnedEntries returned() {
    List<EntryView> list = queues.returnedToMe();
    return new ReturnedEntries(
        list.size(),
        ErrorMessages.text("ledger.alert.returned", Locale.SIMPLIFIED_CHINESE, list.size()),
        ErrorMessages.text("ledger.alert.returned", Locale.ENGLISH, list.size()),
        entries(list));
  }

  static RecordCommand command(EntryRequest b, ZoneId zone) {
    // the part is checked first, as before the time: a body wrong in both is refused for the part
    RecordCommand command =
        RecordCommand.withPartNamed(
            b.prisonerNumber(),
            b.part(),
            b.clause(),
            b.amount(),
            b.fact(),
            null,
            orEmpty(b.evidence()));
    Instant occurred;
    try {
      occurred = LocalDateTime.parse(b.occurredAt()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      try {
        occurred = Instant.parse(b.occurredAt());
      } catch (DateTimeParseException e2) {
        throw Refusal.invalid("ledger.error.occurredAt");
      }
    }
    return command.withOccurredAt(occurred);
  }
}
