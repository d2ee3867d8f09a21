package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CasePackageService;
import cn.xinsheng.cases.application.CaseQueries;
import cn.xinsheng.cases.application.CaseService;
import cn.xinsheng.cases.application.EligibilityService;
import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.VoteChoice;
import cn.xinsheng.cases.infrastructure.CaseDocuments;
import cn.xinsheng.cases.infrastructure.CaseStore;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Reduction and parole cases over HTTP: eligibility runs, the case and each of its steps, the
 * committee, the procuratorate's, the court's and the lawyer's records, the case package, the
 * public lists. Thin: the services decide who may do what; every refusal comes back in both
 * languages.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

  @Inject EligibilityService eligibility;
  @Inject CaseService cases;
  @Inject CaseQueries queries;
  @Inject CasePackageService packages;

  // --- eligibility -----------------------------------------------------------------------------

  @POST
  @Path("/eligibility/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Run the eligibility table: {section} (an officer's own) or {} for the prison (department)")
  public Response run(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    return Response.status(201).entity(eligibility.run(longOrNull(b, "section"))).build();
  }

  @GET
  @Path("/eligibility/runs/latest")
  @Operation(summary = "The latest run's eligible inmates and near misses (all=true: every result)")
  public Object latest(@QueryParam("section") Long section, @QueryParam("all") boolean all) {
    long run =
        eligibility.latestRunId(section).orElseThrow(() -> Refusal.notFound("case.error.noRun"));
    return eligibility.results(run, section, all);
  }

  @POST
  @Path("/eligibility/facts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A sentence fact: {prisonerNumber, kind, active, effectiveOn, months?, note}")
  public Response fact(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    eligibility.recordFact(
        body.getString("prisonerNumber", ""),
        body.getString("kind", ""),
        body.getBoolean("active", true),
        date(body, "effectiveOn"),
        intOrNull(body, "months"),
        body.getString("note", null));
    return Response.status(201).build();
  }

  // --- cases -----------------------------------------------------------------------------------

  @GET
  @Path("/cases")
  @Operation(summary = "Cases the caller may see, by the next step's deadline")
  public List<CaseQueries.CaseSummary> list() {
    return queries.list();
  }

  @POST
  @Path("/cases")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Propose: {eligibility, months, rationale, cycles: [ids], attachment?}")
  public Response propose(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    Long result = longOrNull(body, "eligibility");
    if (result == null) {
      throw Refusal.invalid("case.error.unknownEligibility");
    }
    CaseStore.CaseRow row =
        cases.propose(
            result,
            intOrNull(body, "months"),
            body.getString("rationale", null),
            ids(body, "cycles"),
            longOrNull(body, "attachment"));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("id", row.id()).add("number", row.number()).build())
        .build();
  }

  @GET
  @Path("/cases/mine")
  @Operation(summary = "The inmate's own cases: status, basis, how to object")
  public List<CaseQueries.CaseFile> mine() {
    return queries.mine();
  }

  @GET
  @Path("/cases/public")
  @Operation(summary = "The noticeboard: cases being posted (rulings=true: rulings served)")
  public List<CaseQueries.CaseSummary> publicList(@QueryParam("rulings") boolean rulings) {
    return queries.publicList(rulings);
  }

  @GET
  @Path("/cases/public/posting.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The posting notice for the noticeboard, as PDF")
  public Response postingPdf() throws IOException {
    byte[] pdf = CaseDocuments.postingNotice(queries.publicList(false), queries.today());
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"posting.pdf\"")
        .build();
  }

  @GET
  @Path("/cases/public/rulings.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The public list of rulings, as PDF")
  public Response rulingsPdf() throws IOException {
    byte[] pdf = CaseDocuments.rulingList(queries.publicList(true), queries.today());
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"rulings.pdf\"")
        .build();
  }

  @GET
  @Path("/cases/{id}")
  @Operation(
      summary = "A case's whole file: proposal, steps, votes, cycles, ledger entries, eligibility")
  public CaseQueries.CaseFile file(@PathParam("id") long id) {
    return queries.file(id);
  }

  @POST
  @Path("/cases/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign the next step: {step, note, choice?, months?, onDate?, attachment?}")
  public Response step(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    CaseEvent e =
        cases.sign(
            id,
            step(body.getString("step", "")),
            body.getString("note", null),
            body.getString("choice", null),
            intOrNull(body, "months"),
            date(body, "onDate"),
            longOrNull(body, "attachment"));
    return created(e);
  }

  @POST
  @Path("/cases/{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Return the case to an earlier step: {step, reason}")
  public Response returnTo(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return created(
        cases.returnTo(id, step(body.getString("step", "")), body.getString("reason", null)));
  }

  @POST
  @Path("/cases/{id}/votes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A committee member's vote: {choice: AGREE|DISAGREE|ABSTAIN, note}")
  public Response vote(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    VoteChoice choice;
    try {
      choice = VoteChoice.valueOf(body.getString("choice", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("case.error.voteChoice");
    }
    return created(cases.vote(id, choice, body.getString("note", null)));
  }

  @POST
  @Path("/cases/{id}/posting-objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An objection during the posting: {text}")
  public Response postingObjection(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return created(cases.objectDuringPosting(id, body.getString("text", null)));
  }

  @POST
  @Path("/cases/{id}/opinions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The procuratorate's opinion: {choice: AGREE|OBJECT, reasons}")
  public Response opinion(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return created(
        cases.opinion(id, body.getString("choice", ""), body.getString("reasons", null)));
  }

  @POST
  @Path("/cases/{id}/extension")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The procuratorate extends its period by 10 days: {reason}")
  public Response extension(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return created(cases.extend(id, body.getString("reason", null)));
  }

  @POST
  @Path("/cases/{id}/lawyers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grant a lawyer access to this case: {lawyer: username}")
  public Response grant(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return created(cases.grantLawyer(id, body.getString("lawyer", null)));
  }

  @POST
  @Path("/cases/{id}/lawyer-opinions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A granted lawyer's written opinion: {text}")
  public Response lawyerOpinion(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return created(cases.lawyerOpinion(id, body.getString("text", null)));
  }

  @POST
  @Path("/cases/{id}/findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An external reader's finding on an item of the case: {item, text}")
  public Response finding(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    long objection = cases.finding(id, body.getString("item", null), body.getString("text", null));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("id", objection).build())
        .build();
  }

  @GET
  @Path("/cases/{id}/package")
  @Produces("application/zip")
  @Operation(
      summary = "The case package a court receives, verifiable offline with bin/xinsheng verify")
  public Response casePackage(@PathParam("id") long id) throws IOException {
    java.nio.file.Path tmp = Files.createTempFile("xinsheng-case-", ".zip");
    String name;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      name = packages.write(id, out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    StreamingOutput body =
        out -> {
          try {
            Files.copy(tmp, out);
          } finally {
            Files.deleteIfExists(tmp);
          }
        };
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Content-Length", Files.size(tmp))
        .build();
  }

  // --- committee, calendar, demo clock ---------------------------------------------------------

  @GET
  @Path("/committee/meetings")
  @Operation(summary = "Committee meetings with members and agenda")
  public Object meetings() {
    return queries.meetings();
  }

  @POST
  @Path("/committee/meetings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A meeting: {heldOn?, title, members: [usernames ≥ 9], cases: [ids]}")
  public Response meeting(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    List<String> members = new ArrayList<>();
    if (body.get("members") instanceof jakarta.json.JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString s) {
          members.add(s.getString());
        }
      }
    }
    long id =
        cases.createMeeting(
            date(body, "heldOn"), body.getString("title", null), members, ids(body, "cases"));
    return Response.status(201).entity(Json.createObjectBuilder().add("id", id).build()).build();
  }

  @POST
  @Path("/calendar/days")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A holiday or a worked weekend day: {day, working, name}")
  public Response calendarDay(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    cases.calendarDay(
        date(body, "day"), body.getBoolean("working", false), body.getString("name", null));
    return Response.status(201).build();
  }

  @POST
  @Path("/cases/demo-clock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Demonstration only (start-dev): move the case calendar forward {days}")
  public JsonObject demoClock(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    Integer days = intOrNull(body, "days");
    LocalDate today = cases.advanceDemoClock(days == null ? 0 : days);
    return Json.createObjectBuilder().add("today", today.toString()).build();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Response created(CaseEvent e) {
    return Response.status(201)
        .entity(
            Json.createObjectBuilder()
                .add("type", e.type().name())
                .add("step", e.step() == null ? "" : e.step().name())
                .add("choice", e.choice() == null ? "" : e.choice())
                .add("late", e.late())
                .build())
        .build();
  }

  private static CaseStep step(String text) {
    try {
      return CaseStep.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("case.error.step");
    }
  }

  private static Long longOrNull(JsonObject b, String key) {
    JsonValue v = b.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.longValue();
    }
    throw Refusal.invalid("case.error.number", key);
  }

  private static Integer intOrNull(JsonObject b, String key) {
    Long v = longOrNull(b, key);
    if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      throw Refusal.invalid("case.error.number", key);
    }
    return v == null ? null : v.intValue();
  }

  private static LocalDate date(JsonObject b, String key) {
    JsonValue v = b.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    try {
      return LocalDate.parse(((JsonString) v).getString());
    } catch (ClassCastException | DateTimeParseException e) {
      throw Refusal.invalid("case.error.date", key);
    }
  }

  private static List<Long> ids(JsonObject b, String key) {
    List<Long> out = new ArrayList<>();
    if (b.get(key) instanceof jakarta.json.JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
          out.add(n.longValue());
        } else {
          throw Refusal.invalid("case.error.number", key);
        }
      }
    }
    return out;
  }
}
