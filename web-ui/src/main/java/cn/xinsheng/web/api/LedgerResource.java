package cn.xinsheng.web.api;

import cn.xinsheng.ledger.application.AssessmentService;
import cn.xinsheng.ledger.application.BulkImportService;
import cn.xinsheng.ledger.application.CatalogueService;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.JobProgress;
import cn.xinsheng.ledger.application.LedgerQueries;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.application.ReviewService;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.CycleResult;
import cn.xinsheng.ledger.domain.ObjectionOutcome;
import cn.xinsheng.ledger.domain.ObjectionStep;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.domain.Violation;
import cn.xinsheng.ledger.infrastructure.LedgerDocuments;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.ErrorMessages;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The points ledger over HTTP: the catalogue, recording and amending, review, month close, cycles,
 * bulk entry, the inmate's own ledger and objections, findings of the external supervisors, the
 * objection loop. Every rule is the services'; this class only translates.
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

  private static final ZoneId PRISON = ZoneId.of("Asia/Shanghai");
  private static final long MAX_SHEET = 20L << 20;

  @Inject CatalogueService catalogue;
  @Inject LedgerService ledger;
  @Inject ReviewService review;
  @Inject AssessmentService assessment;
  @Inject ObjectionService objections;
  @Inject BulkImportService bulk;
  @Inject LedgerQueries queries;
  @Inject JobProgress progress;

  // --- catalogue ---------------------------------------------------------------------------------

  @GET
  @Path("/catalogue")
  @Operation(summary = "The current rule catalogue: version and clauses")
  public Response currentCatalogue() {
    return catalogue
        .current()
        .map(
            c -> {
              JsonArrayBuilder clauses = Json.createArrayBuilder();
              c.clauses().forEach(cl -> clauses.add(clause(cl)));
              return Response.ok(
                      Json.createObjectBuilder()
                          .add("version", c.version().getVersion())
                          .add("note", c.version().getNote())
                          .add("clauses", clauses)
                          .build())
                  .build();
            })
        .orElseGet(
            () -> SessionResource.error(Response.Status.NOT_FOUND, "ledger.error.noCatalogue"));
  }

  @POST
  @Path("/catalogue")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A new catalogue version; {\"default\": true} adopts the regulation's default")
  public Response publishCatalogue(JsonObject body) {
    if (body != null && body.getBoolean("default", false)) {
      return Response.status(201)
          .entity(
              Json.createObjectBuilder()
                  .add("version", catalogue.adoptDefault().getVersion())
                  .build())
          .build();
    }
    throw Refusal.invalid("catalogue.error.empty");
  }

  // --- recording -------------------------------------------------------------------------------

  @POST
  @Path("/entries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Record an entry: {prisonerNumber, part?, clause, amount, fact, occurredAt"
              + " (yyyy-MM-ddTHH:mm, prison time), evidence: [ids]}")
  public Response record(JsonObject body) {
    PointEntry e = ledger.record(command(body));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("id", e.getId()).build())
        .build();
  }

  @POST
  @Path("/entries/{id}/amendment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A new version of a returned entry, by its author (same body as a record)")
  public Response amend(@PathParam("id") long id, JsonObject body) {
    PointEntry e = ledger.amend(id, command(body));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("id", e.getId()).build())
        .build();
  }

  @POST
  @Path("/entries/{id}/correction")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Correct an approved entry of a locked month: {reason, evidence: [ids]}")
  public Response correct(@PathParam("id") long id, JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    PointEntry e = ledger.correct(id, b.getString("reason", null), ids(b));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("id", e.getId()).build())
        .build();
  }

  @GET
  @Path("/entries/returned")
  @Operation(summary = "The caller's returned entries: 您有一条信息没有通过审核，请及时处理")
  public JsonObject returned() {
    List<EntryView> list = queries.returnedToMe();
    return Json.createObjectBuilder()
        .add("count", list.size())
        .add(
            "alert_zh",
            ErrorMessages.text("ledger.alert.returned", Locale.SIMPLIFIED_CHINESE, list.size()))
        .add("alert_en", ErrorMessages.text("ledger.alert.returned", Locale.ENGLISH, list.size()))
        .add("entries", entries(list))
        .build();
  }

  // --- review ----------------------------------------------------------------------------------

  @GET
  @Path("/reviews")
  @Operation(summary = "Entries of the reviewer's sections waiting for his signature")
  public JsonArray waiting() {
    return entries(queries.waitingForMyReview()).build();
  }

  @POST
  @Path("/reviews/{entryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve or return an entry: {decision: APPROVED|RETURNED, reason}")
  public Response decide(@PathParam("entryId") long entryId, JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    String decision = b.getString("decision", "");
    switch (decision) {
      case "APPROVED" -> review.approve(entryId);
      case "RETURNED" -> review.returnEntry(entryId, b.getString("reason", null));
      default -> throw Refusal.invalid("ledger.error.decision");
    }
    return Response.ok(
            Json.createObjectBuilder().add("entry", entryId).add("decision", decision).build())
        .build();
  }

  // --- timelines -------------------------------------------------------------------------------

  @GET
  @Path("/inmates/{no}/entries")
  @Operation(summary = "An inmate's entries, every version, with reviews and evidence ids")
  public JsonArray timeline(@PathParam("no") String no) {
    return entries(queries.timeline(no)).build();
  }

  @GET
  @Path("/inmates/{no}/months")
  @Operation(summary = "An inmate's computed months")
  public JsonArray months(@PathParam("no") String no) {
    return months(queries.monthsOf(no)).build();
  }

  @GET
  @Path("/inmates/{no}/cycles")
  @Operation(summary = "An inmate's closed 600-point cycles and what each earned")
  public JsonArray cycles(@PathParam("no") String no) {
    return cycles(queries.cyclesOf(no)).build();
  }

  @GET
  @Path("/inmates/{no}/export.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @Operation(summary = "An inmate's ledger as an XLSX workbook (entries, months)")
  public Response exportXlsx(@PathParam("no") String no) {
    var heading = queries.heading(no);
    var entries = queries.timeline(no);
    var months = queries.monthsOf(no);
    StreamingOutput body = out -> LedgerDocuments.xlsx(heading, entries, months, out);
    return Response.ok(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"ledger-" + heading.prisonerNumber() + ".xlsx\"")
        .build();
  }

  @GET
  @Path("/inmates/{no}/export.pdf")
  @Produces("application/pdf")
  @Operation(summary = "An inmate's ledger as a PDF (Chinese font embedded)")
  public Response exportPdf(@PathParam("no") String no) {
    var heading = queries.heading(no);
    var entries = queries.timeline(no);
    var months = queries.monthsOf(no);
    StreamingOutput body = out -> LedgerDocuments.pdf(heading, entries, months, out);
    return Response.ok(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"ledger-" + heading.prisonerNumber() + ".pdf\"")
        .build();
  }

  // --- month close -----------------------------------------------------------------------------

  @GET
  @Path("/sections/{section}/months/{month}")
  @Operation(summary = "A section's month: counts, close state, results")
  public JsonObject sectionMonth(
      @PathParam("section") long section, @PathParam("month") String month) {
    YearMonth m = month(month);
    var d = queries.dashboard(section, m);
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("section", section)
            .add("month", d.month())
            .add("entries", d.entries())
            .add("pending", d.pending())
            .add("returned", d.returned())
            .add("approved", d.approved())
            .add("openObjections", d.openObjections())
            .add("inmates", d.inmates())
            .add("closeState", d.closeState());
    d.closeId().ifPresent(id -> o.add("closeId", id));
    if (d.windowEnds() != null) {
      o.add("objectionWindowEnds", d.windowEnds().toString());
    }
    queries.sectionResults(section, m).ifPresent(r -> o.add("results", months(r)));
    return o.build();
  }

  @POST
  @Path("/sections/{section}/months/{month}/close")
  @Operation(summary = "Compute the section's month close (a batch job; the answer is the close)")
  public JsonObject compute(@PathParam("section") long section, @PathParam("month") String month) {
    long id = assessment.compute(section, month(month));
    return Json.createObjectBuilder().add("closeId", id).build();
  }

  @GET
  @Path("/sections/{section}/months/{month}/progress")
  @Operation(summary = "How far the month close job has come")
  public JsonObject closeProgress(
      @PathParam("section") long section, @PathParam("month") String month) {
    return progress(AssessmentService.jobKey(section, month(month)));
  }

  @POST
  @Path("/closes/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The next step of a close: {step: APPROVED (reviewer) | PUBLISHED | LOCKED}")
  public JsonObject advance(@PathParam("id") long id, JsonObject body) {
    String step = body == null ? null : body.getString("step", null);
    return Json.createObjectBuilder().add("result", assessment.advance(id, step)).build();
  }

  @POST
  @Path("/cycles/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "What a closed cycle earned: {result: PRAISE|MATERIAL|NONE, reason}")
  public Response decideCycle(@PathParam("id") long id, JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    CycleResult result;
    try {
      result = CycleResult.valueOf(b.getString("result", ""));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("ledger.error.cycleDecision");
    }
    assessment.decideCycle(id, result, b.getString("reason", null));
    return Response.ok().build();
  }

  // --- bulk ------------------------------------------------------------------------------------

  @POST
  @Path("/bulk/preview")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Check a CSV/XLSX sheet row by row (body = the file); nothing is saved")
  public JsonArray bulkPreview(InputStream body, @QueryParam("section") long section)
      throws IOException {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (BulkImportService.RowCheck r : bulk.preview(section, read(body))) {
      JsonArrayBuilder problems = Json.createArrayBuilder();
      r.violations().forEach(v -> problems.add(violation(v)));
      rows.add(
          Json.createObjectBuilder()
              .add("row", r.line().row())
              .add("prisonerNumber", r.line().prisonerNumber())
              .add("clause", r.line().clause())
              .add("amount", r.line().amount())
              .add("fact", r.line().fact())
              .add("date", r.line().date())
              .add("ok", r.ok())
              .add("problems", problems));
    }
    return rows.build();
  }

  @POST
  @Path("/bulk")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Save a checked sheet as one batch (all rows or none); query: section, name")
  public Response bulkCommit(
      InputStream body, @QueryParam("section") long section, @QueryParam("name") String name)
      throws IOException {
    long batch = bulk.commit(section, name == null ? "bulk.csv" : name, read(body));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("batch", batch).build())
        .build();
  }

  // --- the inmate's own ledger ---------------------------------------------------------------

  @GET
  @Path("/me/entries")
  @Operation(summary = "The inmate's approved entries and corrections")
  public JsonArray myEntries() {
    return entries(queries.myEntries()).build();
  }

  @GET
  @Path("/me/months")
  @Operation(summary = "The inmate's published and locked months")
  public JsonArray myMonths() {
    return months(queries.myMonths()).build();
  }

  @GET
  @Path("/me/cycles")
  @Operation(summary = "The inmate's cycle history")
  public JsonArray myCycles() {
    return cycles(queries.myCycles()).build();
  }

  @GET
  @Path("/me/objections")
  @Operation(summary = "The inmate's objections and where each stands")
  public JsonArray myObjections() {
    return objectionViews(queries.myObjections()).build();
  }

  @POST
  @Path("/me/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Object to an entry {entry, text} or a month {month: yyyy-MM, text}")
  public Response object(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    long id;
    if (b.containsKey("entry") && b.get("entry") instanceof JsonNumber n) {
      id = objections.objectToEntry(n.longValue(), b.getString("text", null)).getId();
    } else if (b.containsKey("month")) {
      id =
          objections
              .objectToMonth(month(b.getString("month", "")), b.getString("text", null))
              .getId();
    } else {
      throw Refusal.invalid("objection.error.target");
    }
    return Response.status(201).entity(Json.createObjectBuilder().add("id", id).build()).build();
  }

  @POST
  @Path("/findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A prosecutor's or supervisor's finding on an entry: {entry, text}")
  public Response finding(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    if (!(b.get("entry") instanceof JsonNumber n)) {
      throw Refusal.invalid("objection.error.target");
    }
    long id = objections.raiseFinding(n.longValue(), b.getString("text", null)).getId();
    return Response.status(201).entity(Json.createObjectBuilder().add("id", id).build()).build();
  }

  @GET
  @Path("/findings")
  @Operation(summary = "The caller's findings and where each stands")
  public JsonArray myFindings() {
    return objectionViews(queries.myFindings()).build();
  }

  // --- the objection loop ----------------------------------------------------------------------

  @GET
  @Path("/objections")
  @Operation(summary = "Objections and findings of the caller's sections, with their next step")
  public JsonArray sectionObjections() {
    return objectionViews(queries.objectionsOfMySections()).build();
  }

  @POST
  @Path("/objections/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The next step: {step: DISPATCH (officer) | VERIFY | HANDLE (outcome, correction) |"
              + " CLOSE | FEEDBACK, note}")
  public Response objectionStep(@PathParam("id") long id, JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    ObjectionStep step;
    ObjectionOutcome outcome = null;
    try {
      step = ObjectionStep.valueOf(b.getString("step", ""));
      if (b.containsKey("outcome")) {
        outcome = ObjectionOutcome.valueOf(b.getString("outcome"));
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      throw Refusal.invalid("objection.error.step");
    }
    Long correction = b.get("correction") instanceof JsonNumber n ? n.longValue() : null;
    objections.advance(
        id, step, b.getString("note", null), b.getString("officer", null), outcome, correction);
    return Response.ok().build();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private JsonObject progress(String job) {
    return progress
        .get(job)
        .map(
            p -> {
              JsonObjectBuilder o =
                  Json.createObjectBuilder()
                      .add("done", p.done())
                      .add("total", p.total())
                      .add("percent", p.percent())
                      .add("finished", p.finished());
              if (p.error() != null) {
                o.add("error", p.error());
              }
              if (p.resultId() != null) {
                o.add("result", p.resultId());
              }
              return o.build();
            })
        .orElse(Json.createObjectBuilder().add("finished", false).add("percent", 0).build());
  }

  private static byte[] read(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes((int) MAX_SHEET + 1);
    if (bytes.length > MAX_SHEET) {
      throw Refusal.invalid("evidence.error.tooLarge", MAX_SHEET >> 20);
    }
    return bytes;
  }

  static RecordCommand command(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    AssessmentPart part = null;
    if (b.containsKey("part") && !b.isNull("part")) {
      try {
        part = AssessmentPart.valueOf(b.getString("part"));
      } catch (IllegalArgumentException | ClassCastException e) {
        throw Refusal.invalid("ledger.error.part");
      }
    }
    Instant occurred = null;
    String when = b.getString("occurredAt", null);
    if (when != null) {
      try {
        occurred = LocalDateTime.parse(when).atZone(PRISON).toInstant();
      } catch (DateTimeParseException e) {
        try {
          occurred = Instant.parse(when);
        } catch (DateTimeParseException e2) {
          throw Refusal.invalid("ledger.error.occurredAt");
        }
      }
    }
    String amount =
        b.get("amount") instanceof JsonNumber n
            ? n.bigDecimalValue().toPlainString()
            : b.getString("amount", null);
    return new RecordCommand(
        b.getString("prisonerNumber", null),
        part,
        b.getString("clause", null),
        amount,
        b.getString("fact", null),
        occurred,
        ids(b));
  }

  private static List<Long> ids(JsonObject b) {
    List<Long> out = new ArrayList<>();
    if (b.get("evidence") instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (!(v instanceof JsonNumber n)) {
          throw Refusal.invalid("ledger.error.evidenceUnknown", v.toString());
        }
        out.add(n.longValue());
      }
    }
    return out;
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw Refusal.invalid("ledger.error.month", String.valueOf(text));
    }
  }

  static JsonObject clause(RuleClause c) {
    JsonArrayBuilder kinds = Json.createArrayBuilder();
    c.getRequiredKinds().forEach(k -> kinds.add(k.name()));
    return Json.createObjectBuilder()
        .add("code", c.getCode())
        .add("text", c.getText())
        .add("part", c.getPart().name())
        .add("min", c.getMin().toString())
        .add("max", c.getMax().toString())
        .add("requiredEvidence", kinds)
        .add("minEvidence", c.getMinEvidence())
        .build();
  }

  private static JsonObject violation(Violation v) {
    Object[] args = v.args().toArray();
    return Json.createObjectBuilder()
        .add("error", v.key())
        .add("message_zh", ErrorMessages.text(v.key(), Locale.SIMPLIFIED_CHINESE, args))
        .add("message_en", ErrorMessages.text(v.key(), Locale.ENGLISH, args))
        .build();
  }

  static JsonArrayBuilder entries(List<EntryView> list) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (EntryView e : list) {
      JsonArrayBuilder ev = Json.createArrayBuilder();
      e.evidenceIds().forEach(ev::add);
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("id", e.id())
              .add("prisonerNumber", e.prisonerNumber())
              .add("inmateName", e.inmateName())
              .add("section", e.sectionId())
              .add("clause", e.clauseCode())
              .add("clauseText", e.clauseText())
              .add("catalogueVersion", e.catalogueVersion())
              .add("part", e.part().name())
              .add("amount", e.amount().toString())
              .add("fact", e.fact())
              .add("occurredAt", e.occurredAt().toString())
              .add("month", e.month())
              .add("recordedBy", e.recordedBy())
              .add("recordedAt", e.recordedAt().toString())
              .add("status", e.status().name())
              .add("evidence", ev);
      if (e.reviewedBy() != null) {
        o.add("reviewedBy", e.reviewedBy()).add("reviewedAt", e.reviewedAt().toString());
      }
      if (e.reviewReason() != null) {
        o.add("reviewReason", e.reviewReason());
      }
      if (e.supersedesId() != null) {
        o.add("supersedes", e.supersedesId());
      }
      if (e.reversesId() != null) {
        o.add("reverses", e.reversesId()).add("reason", e.reason());
      }
      if (e.integrityWarning() != null) {
        // the record as read differs from what the audit log bound: say so beside it
        o.add("integrityWarning", e.integrityWarning());
      }
      a.add(o);
    }
    return a;
  }

  static JsonArrayBuilder months(List<MonthView> list) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (MonthView m : list) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("closeId", m.closeId())
              .add("month", m.month())
              .add("prisonerNumber", m.prisonerNumber())
              .add("name", m.inmateName())
              .add("supervision", m.supervision().toString())
              .add("education", m.education().toString())
              .add("labour", m.labour().toString())
              .add("special", m.special().toString())
              .add("sanctions", m.sanctions().toString())
              .add("discarded", m.discarded().toString())
              .add("total", m.total().toString())
              .add("balance", m.balance().toString())
              .add("cycleCarry", m.cycleCarry().toString())
              .add("cyclesClosed", m.cyclesClosed())
              .add("entries", m.entries())
              .add("state", m.state());
      if (m.windowEnds() != null) {
        o.add("objectionWindowEnds", m.windowEnds().toString());
      }
      a.add(o);
    }
    return a;
  }

  private static JsonArrayBuilder cycles(List<cn.xinsheng.ledger.application.CycleView> list) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (var c : list) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("id", c.id())
              .add("prisonerNumber", c.prisonerNumber())
              .add("number", c.number())
              .add("firstMonth", c.firstMonth())
              .add("closedMonth", c.closedMonth())
              .add("entries", c.entries());
      if (c.result() != null) {
        o.add("result", c.result()).add("reason", c.reason()).add("decidedBy", c.decidedBy());
      }
      a.add(o);
    }
    return a;
  }

  private static JsonArrayBuilder objectionViews(List<LedgerQueries.ObjectionView> list) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (LedgerQueries.ObjectionView v : list) {
      JsonArrayBuilder history = Json.createArrayBuilder();
      v.history().forEach(history::add);
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("id", v.id())
              .add("prisonerNumber", v.prisonerNumber())
              .add("target", v.target())
              .add("text", v.text())
              .add("raisedBy", v.raisedBy())
              .add("raisedRole", v.raisedRole())
              .add("raisedAt", v.raisedAt().toString())
              .add("lastStep", v.lastStep().name())
              .add("assignee", v.assignee())
              .add("history", history);
      if (v.entryId() != null) {
        o.add("entry", v.entryId());
      }
      if (v.month() != null) {
        o.add("month", v.month());
      }
      if (v.nextStep() != null) {
        o.add("nextStep", v.nextStep().name()).add("nextDue", v.nextDue().toString());
      }
      if (v.outcome() != null) {
        o.add("outcome", v.outcome());
      }
      a.add(o);
    }
    return a;
  }
}
