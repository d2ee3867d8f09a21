package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.entries;
import static cn.xinsheng.web.api.LedgerViews.month;
import static cn.xinsheng.web.api.LedgerViews.objectionViews;

import cn.xinsheng.ledger.application.BulkImportService;
import cn.xinsheng.ledger.application.CatalogueService;
import cn.xinsheng.ledger.application.CycleGrading;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.JobProgress;
import cn.xinsheng.ledger.application.LedgerService;
import cn.xinsheng.ledger.application.MonthCloseSteps;
import cn.xinsheng.ledger.application.MonthComputation;
import cn.xinsheng.ledger.application.ObjectionQueries;
import cn.xinsheng.ledger.application.ObjectionService;
import cn.xinsheng.ledger.application.RecordCommand;
import cn.xinsheng.ledger.application.ReviewQueues;
import cn.xinsheng.ledger.application.ReviewService;
import cn.xinsheng.ledger.application.SectionLedgerQueries;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.CycleResult;
import cn.xinsheng.ledger.domain.ObjectionOutcome;
import cn.xinsheng.ledger.domain.ObjectionStep;
import cn.xinsheng.ledger.domain.PointEntry;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.domain.Violation;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.api.LedgerViews.LedgerEntry;
import cn.xinsheng.web.api.LedgerViews.LedgerMonth;
import cn.xinsheng.web.api.LedgerViews.LedgerObjection;
import cn.xinsheng.web.security.ErrorMessages;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The points ledger over HTTP: the catalogue, recording and amending, review, month close, cycles,
 * bulk entry, the inmate's own ledger and objections, findings of the external supervisors, the
 * objection loop. Every rule is the services'; this class only translates.
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

  private static final long MAX_SHEET = 20L << 20;

  @Inject CatalogueService catalogue;
  @Inject LedgerService ledger;
  @Inject ReviewService review;
  @Inject MonthComputation computation;
  @Inject MonthCloseSteps closeSteps;
  @Inject CycleGrading grading;
  @Inject ObjectionService objections;
  @Inject BulkImportService bulk;
  @Inject ReviewQueues queues;
  @Inject SectionLedgerQueries sections;
  @Inject ObjectionQueries objectionQueries;
  @Inject JobProgress progress;
  @Inject cn.xinsheng.platform.PrisonTime time;

  // --- what the calls take -----------------------------------------------------------------------

  /** A catalogue to publish: today only the regulation's default ({@code {"default": true}}). */
  public record CatalogueRequest(
      @JsonbProperty("default") @Schema(name = "default") Boolean adoptDefault) {}

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

  /** A reviewer's decision. */
  @JsonbPropertyOrder({"decision", "reason"})
  public record ReviewRequest(
      @Size(max = 20) @OneLine String decision,
      @Size(max = 500, message = "ledger.error.returnReason") @Text String reason) {}

  /** The next step of a month close. */
  public record CloseStepRequest(@Size(max = 20) @OneLine String step) {}

  /** What a closed cycle earned, and why. */
  @JsonbPropertyOrder({"result", "reason"})
  public record CycleDecisionRequest(
      @Size(max = 20) @OneLine String result, @Size(max = 500) @Text String reason) {}

  /** A prosecutor's or supervisor's finding on an entry. */
  @JsonbPropertyOrder({"entry", "text"})
  public record FindingRequest(
      Long entry, @Size(max = 2000, message = "objection.error.text") @Text String text) {}

  /** The next step of an objection. */
  @JsonbPropertyOrder({"step", "outcome", "correction", "note", "officer"})
  public record ObjectionStepRequest(
      @Size(max = 20) @OneLine String step,
      @Size(max = 20) @OneLine String outcome,
      Long correction,
      @Size(max = 2000) @Text String note,
      @Size(max = 64) @OneLine String officer) {}

  // --- what the calls answer ---------------------------------------------------------------------

  /** The current catalogue. */
  @JsonbPropertyOrder({"version", "note", "clauses"})
  public record CatalogueView(int version, String note, List<ClauseView> clauses) {}

  /** A clause of the catalogue: its range and the evidence it needs. */
  @JsonbPropertyOrder({"code", "text", "part", "min", "max", "requiredEvidence", "minEvidence"})
  public record ClauseView(
      String code,
      String text,
      String part,
      String min,
      String max,
      List<String> requiredEvidence,
      int minEvidence) {}

  /** A published catalogue version. */
  public record CatalogueVersion(int version) {}

  /** The caller's returned entries and the alert that goes with them. */
  @JsonbPropertyOrder({"count", "alert_zh", "alert_en", "entries"})
  public record ReturnedEntries(
      int count, String alert_zh, String alert_en, List<LedgerEntry> entries) {}

  /** A reviewer's decision as recorded. */
  @JsonbPropertyOrder({"entry", "decision"})
  public record ReviewDecided(long entry, String decision) {}

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

  /** One row of a checked sheet and what is wrong with it. */
  @JsonbPropertyOrder({
    "row",
    "prisonerNumber",
    "clause",
    "amount",
    "fact",
    "date",
    "ok",
    "problems"
  })
  public record BulkRow(
      int row,
      String prisonerNumber,
      String clause,
      String amount,
      String fact,
      String date,
      boolean ok,
      List<ApiError> problems) {}

  /** A saved sheet. */
  public record BatchCreated(long batch) {}

  // --- catalogue ---------------------------------------------------------------------------------

  @GET
  @Path("/catalogue")
  @Operation(summary = "The current rule catalogue: version and clauses")
  public CatalogueView currentCatalogue() {
    return catalogue
        .current()
        .map(
            c ->
                new CatalogueView(
                    c.version().getVersion(),
                    c.version().getNote(),
                    c.clauses().stream().map(LedgerResource::clause).toList()))
        .orElseThrow(() -> Refusal.notFound("ledger.error.noCatalogue"));
  }

  @POST
  @Path("/catalogue")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A new catalogue version; {\"default\": true} adopts the regulation's default")
  @StatusCode(201)
  public CatalogueVersion publishCatalogue(
      @NotNull(message = "catalogue.error.empty") @Valid CatalogueRequest body) {
    if (Boolean.TRUE.equals(body.adoptDefault())) {
      return new CatalogueVersion(catalogue.adoptDefault().getVersion());
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
  @StatusCode(201)
  public Created record(@NotNull(message = "error.body.empty") @Valid EntryRequest body) {
    PointEntry e = ledger.record(command(body, time.zone()));
    return new Created(e.getId());
  }

  @POST
  @Path("/entries/{id}/amendment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A new version of a returned entry, by its author (same body as a record)")
  @StatusCode(201)
  public Created amend(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid EntryRequest body) {
    PointEntry e = ledger.amend(id, command(body, time.zone()));
    return new Created(e.getId());
  }

  @POST
  @Path("/entries/{id}/correction")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Correct an approved entry of a locked month: {reason, evidence: [ids]}")
  @StatusCode(201)
  public Created correct(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid CorrectionRequest body) {
    PointEntry e = ledger.correct(id, body.reason(), orEmpty(body.evidence()));
    return new Created(e.getId());
  }

  @GET
  @Path("/entries/returned")
  @Operation(summary = "The caller's returned entries: 您有一条信息没有通过审核，请及时处理")
  public ReturnedEntries returned() {
    List<EntryView> list = queues.returnedToMe();
    return new ReturnedEntries(
        list.size(),
        ErrorMessages.text("ledger.alert.returned", Locale.SIMPLIFIED_CHINESE, list.size()),
        ErrorMessages.text("ledger.alert.returned", Locale.ENGLISH, list.size()),
        entries(list));
  }

  // --- review ----------------------------------------------------------------------------------

  @GET
  @Path("/reviews")
  @Operation(summary = "Entries of the reviewer's sections waiting for his signature")
  public List<LedgerEntry> waiting() {
    return entries(queues.waitingForMyReview());
  }

  @POST
  @Path("/reviews/{entryId}")
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

  // --- month close -----------------------------------------------------------------------------

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

  @GET
  @Path("/sections/{section}/cycles/ungraded")
  @Operation(
      summary =
          "The section's closed cycles that still need its grading proposal (what the grading"
              + " screen lists)")
  public List<CycleGrading.UngradedCycle> ungradedCycles(@PathParam("section") long section) {
    return grading.ungradedCycles(section);
  }

  @POST
  @Path("/cycles/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The section's grading proposal for a closed cycle (the prison approves it):"
              + " {result: PRAISE|MATERIAL|NONE, reason}")
  @APIResponse(responseCode = "200", description = "Proposed; no body")
  @StatusCode(200)
  public void decideCycle(
      @PathParam("id") long id,
      @NotNull(message = "ledger.error.cycleDecision") @Valid CycleDecisionRequest body) {
    CycleResult result = parse(CycleResult.class, body.result(), "ledger.error.cycleDecision");
    grading.decideCycle(id, result, body.reason());
  }

  /** The prison's approval of a grading proposal. */
  @JsonbPropertyOrder({"decision", "reason"})
  public record GradingApprovalRequest(
      @Size(max = 10, message = "ledger.error.gradingDecision") @OneLine String decision,
      @Size(max = 500, message = "ledger.error.cycleDecision") @Text String reason) {}

  @POST
  @Path("/cycles/{id}/approval")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The prison approves or rejects the section's grading proposal, by another person:"
              + " {decision: APPROVED|REJECTED, reason}")
  @APIResponse(responseCode = "200", description = "Recorded; no body")
  @StatusCode(200)
  public void approveGrading(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid GradingApprovalRequest body) {
    grading.approveGrading(id, body.decision(), body.reason());
  }

  @GET
  @Path("/gradings/pending")
  @Operation(summary = "Grading proposals waiting for the prison's approval")
  public List<CycleGrading.PendingGrading> pendingGradings() {
    return grading.pendingGradings();
  }

  // --- bulk ------------------------------------------------------------------------------------

  @POST
  @Path("/bulk/preview")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Check a CSV/XLSX sheet row by row (body = the file); nothing is saved")
  public List<BulkRow> bulkPreview(InputStream body, @QueryParam("section") long section)
      throws IOException {
    return bulk.preview(section, read(body)).stream()
        .map(
            r ->
                new BulkRow(
                    r.line().row(),
                    r.line().prisonerNumber(),
                    r.line().clause(),
                    r.line().amount(),
                    r.line().fact(),
                    r.line().date(),
                    r.ok(),
                    r.violations().stream().map(LedgerResource::violation).toList()))
        .toList();
  }

  @POST
  @Path("/bulk")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Save a checked sheet as one batch (all rows or none); query: section, name")
  @StatusCode(201)
  public BatchCreated bulkCommit(
      InputStream body,
      @QueryParam("section") long section,
      @QueryParam("name") @Size(max = 255) @OneLine String name)
      throws IOException {
    long batch = bulk.commit(section, name == null ? "bulk.csv" : name, read(body));
    return new BatchCreated(batch);
  }

  @POST
  @Path("/findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A prosecutor's or supervisor's finding on an entry: {entry, text}")
  @StatusCode(201)
  public Created finding(@NotNull(message = "objection.error.target") @Valid FindingRequest body) {
    if (body.entry() == null) {
      throw Refusal.invalid("objection.error.target");
    }
    long id = objections.raiseFinding(body.entry(), body.text()).getId();
    return new Created(id);
  }

  @GET
  @Path("/findings")
  @Operation(summary = "The caller's findings and where each stands")
  public List<LedgerObjection> myFindings() {
    return objectionViews(objectionQueries.myFindings());
  }

  // --- the objection loop ----------------------------------------------------------------------

  @GET
  @Path("/objections")
  @Operation(summary = "Objections and findings of the caller's sections, with their next step")
  public List<LedgerObjection> sectionObjections() {
    return objectionViews(objectionQueries.objectionsOfMySections());
  }

  @POST
  @Path("/objections/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The next step: {step: DISPATCH (officer) | VERIFY | HANDLE (outcome, correction) |"
              + " CLOSE | FEEDBACK, note}")
  @APIResponse(responseCode = "200", description = "Done; no body")
  @StatusCode(200)
  public void objectionStep(
      @PathParam("id") long id,
      @NotNull(message = "objection.error.step") @Valid ObjectionStepRequest body) {
    ObjectionStep step = parse(ObjectionStep.class, body.step(), "objection.error.step");
    ObjectionOutcome outcome =
        body.outcome() == null
            ? null
            : parse(ObjectionOutcome.class, body.outcome(), "objection.error.step");
    objections.advance(id, step, body.note(), body.officer(), outcome, body.correction());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Progress progress(String job) {
    return progress
        .get(job)
        .map(
            p ->
                new Progress(
                    p.done(), p.total(), p.percent(), p.finished(), p.error(), p.resultId()))
        .orElse(new Progress(null, null, 0, false, null, null));
  }

  private static byte[] read(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes((int) MAX_SHEET + 1);
    if (bytes.length > MAX_SHEET) {
      throw Refusal.invalid("evidence.error.tooLarge", MAX_SHEET >> 20);
    }
    return bytes;
  }

  static RecordCommand command(EntryRequest b, ZoneId zone) {
    AssessmentPart part =
        b.part() == null ? null : parse(AssessmentPart.class, b.part(), "ledger.error.part");
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
    return new RecordCommand(
        b.prisonerNumber(),
        part,
        b.clause(),
        b.amount(),
        b.fact(),
        occurred,
        orEmpty(b.evidence()));
  }

  /** An enum constant by its exact name, or the refusal that names what is allowed. */
  static <E extends Enum<E>> E parse(Class<E> type, String name, String refusalKey) {
    try {
      return Enum.valueOf(type, name == null ? "" : name);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(refusalKey);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static ClauseView clause(RuleClause c) {
    return new ClauseView(
        c.getCode(),
        c.getText(),
        c.getPart().name(),
        c.getMin().toString(),
        c.getMax().toString(),
        c.getRequiredKinds().stream().map(Enum::name).toList(),
        c.getMinEvidence());
  }

  private static ApiError violation(Violation v) {
    return ApiError.of(v.key(), v.args().toArray());
  }
}
