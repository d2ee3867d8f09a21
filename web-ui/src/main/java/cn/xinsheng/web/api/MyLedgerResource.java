package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.cycles;
import static cn.xinsheng.web.api.LedgerViews.entries;
import static cn.xinsheng.web.api.LedgerViews.month;
import static cn.xinsheng.web.api.LedgerViews.months;
import static cn.xinsheng.web.api.LedgerViews.objectionViews;

import cn.xinsheng.ledger.application.InmateLedgerQueries;
import cn.xinsheng.ledger.application.ObjectionQueries;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.api.LedgerViews.LedgerCycle;
import cn.xinsheng.web.api.LedgerViews.LedgerEntry;
import cn.xinsheng.web.api.LedgerViews.LedgerMonth;
import cn.xinsheng.web.api.LedgerViews.LedgerObjection;
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
 * The inmate's own ledger at the terminal: his approved entries, his published months, his cycles,
 * his objections, and a new objection to an entry or a month. The services take the inmate from the
 * caller; nothing here names another person.
 */
@Path("/ledger/me")
@Produces(MediaType.APPLICATION_JSON)
public class MyLedgerResource {

  @Inject InmateLedgerQueries queries;
  @Inject ObjectionQueries objectionQueries;
  @Inject ObjectionService objections;

  /** An inmate's objection to an entry, or to a month (yyyy-MM). */
  @JsonbPropertyOrder({"entry", "month", "text"})
  public record ObjectionRequest(
      Long entry,
      @Size(max = 7, message = "ledger.error.month") @OneLine String month,
      @Size(max = 2000, message = "objection.error.text") @Text String text) {}

  @GET
  @Path("/entries")
  @Operation(summary = "The inmate's approved entries and corrections")
  public List<LedgerEntry> myEntries() {
    return entries(queries.myEntries());
  }

  @GET
  @Path("/months")
  @Operation(summary = "The inmate's published and locked months")
  public List<LedgerMonth> myMonths() {
    return months(queries.myMonths());
  }

  @GET
  @Path("/cycles")
  @Operation(summary = "The inmate's cycle history")
  public List<LedgerCycle> myCycles() {
    return cycles(queries.myCycles());
  }

  @GET
  @Path("/objections")
  @Operation(summary = "The inmate's objections and where each stands")
  public List<LedgerObjection> myObjections() {
    return objectionViews(objectionQueries.myObjections());
  }

  @POST
  @Path("/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Object to an entry {entry, text} or a month {month: yyyy-MM, text}")
  @StatusCode(201)
  public Created object(@NotNull(message = "objection.error.target") @Valid ObjectionRequest body) {
    long id;
    if (body.entry() != null) {
      id = objections.objectToEntry(body.entry(), body.text());
    } else if (body.month() != null) {
      id = objections.objectToMonth(month(body.month()), body.text());
    } else {
      throw Refusal.invalid("objection.error.target");
    }
    return new Created(id);
  }
}
