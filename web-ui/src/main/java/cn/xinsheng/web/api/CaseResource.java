package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CaseCalendarService;
import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.CaseFiles;
import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CasePackageService;
import cn.xinsheng.cases.application.CaseParticipants;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.CommitteeService;
import cn.xinsheng.cases.application.CourtService;
import cn.xinsheng.cases.application.EligibilityService;
import cn.xinsheng.cases.application.FindingService;
import cn.xinsheng.cases.application.LawyerService;
import cn.xinsheng.cases.application.Noticeboard;
import cn.xinsheng.cases.application.PostingService;
import cn.xinsheng.cases.application.ProcuratorateService;
import cn.xinsheng.cases.application.ProposalService;
import cn.xinsheng.cases.application.StepService;
import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.VoteChoice;
import cn.xinsheng.platform.Refusal;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
  @Inject CaseCalendarService caseCalendar;
  @Inject CommitteeService committee;
  @Inject CourtService court;
  @Inject FindingService findings;
  @Inject LawyerService lawyers;
  @Inject PostingService posting;
  @Inject ProcuratorateService procuratorate;
  @Inject ProposalService proposals;
  @Inject StepService steps;
  @Inject CaseFiles caseFiles;
  @Inject CaseLists caseLists;
  @Inject CaseParticipants participants;
  @Inject Noticeboard noticeboard;
  @Inject CasePackageService packages;

  // --- what the calls take -----------------------------------------------------------------------

  /** An eligibility run: an officer's own section, or nothing for the prison (department). */
  public record RunRequest(Long section) {}

  /** A sentence fact as the judgment or the execution record gives it (dates yyyy-MM-dd). */
  @JsonbPropertyOrder({"prisonerNumber", "kind", "active", "effectiveOn", "months", "note"})
  public record FactRequest(
      @Size(max = 20) @OneLine String prisonerNumber,
      @Size(max = 20, message = "case.error.factKind") @OneLine String kind,
      Boolean active,
      @Size(max = 10, message = "case.error.date") @OneLine String effectiveOn,
      Integer months,
      @Size(max = 500, message = "case.error.factNote") @Text String note) {}

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

  /** The next step of a case, signed. */
  @JsonbPropertyOrder({"step", "note", "choice", "months", "onDate", "attachment"})
  public record StepRequest(
      @Size(max = 30, message = "case.error.step") @OneLine String step,
      @Size(max = 4000, message = "case.error.text") @Text String note,
      @Size(max = 20) @OneLine String choice,
      Integer months,
      @Size(max = 10, message = "case.error.date") @OneLine String onDate,
      Long attachment) {}

  /** A case sent back to an earlier step. */
  @JsonbPropertyOrder({"step", "reason"})
  public record ReturnRequest(
      @Size(max = 30, message = "case.error.step") @OneLine String step,
      @Size(max = 4000, message = "case.error.text") @Text String reason) {}

  /** A committee member's vote. */
  @JsonbPropertyOrder({"choice", "note"})
  public record VoteRequest(
      @Size(max = 20, message = "case.error.voteChoice") @OneLine String choice,
      @Size(max = 4000, message = "case.error.text") @Text String note) {}

  /** Free text: an objection during the posting, a lawyer's opinion. */
  public record TextRequest(@Size(max = 4000, message = "case.error.text") @Text String text) {}

  /** The procuratorate's opinion. */
  @JsonbPropertyOrder({"choice", "reasons"})
  public record OpinionRequest(
      @Size(max = 20) @OneLine String choice,
      @Size(max = 4000, message = "case.error.text") @Text String reasons) {}

  /** Why the procuratorate needs ten more days. */
  public record ExtensionRequest(
      @Size(max = 4000, message = "case.error.text") @Text String reason) {}

  /** A lawyer to grant access to the case. */
  public record LawyerGrant(@Size(max = 64) @OneLine String lawyer) {}

  /** An external reader's finding on an item of the case. */
  @JsonbPropertyOrder({"item", "text"})
  public record CaseFindingRequest(
      @Size(max = 100, message = "case.error.item") @OneLine String item,
      @Size(max = 4000, message = "case.error.text") @Text String text) {}

  /** A committee meeting: members (at least nine) and the cases on its agenda. */
  @JsonbPropertyOrder({"heldOn", "title", "members", "cases"})
  public record MeetingRequest(
      @Size(max = 10, message = "case.error.date") @OneLine String heldOn,
      @Size(max = 200, message = "case.error.title") @OneLine String title,
      @Size(max = 100) List<@NotNull @Size(max = 64) @OneLine String> members,
      @Size(max = 100) List<@NotNull Long> cases) {}

  /** A holiday, or a weekend day worked in exchange. */
  @JsonbPropertyOrder({"day", "working", "name"})
  public record CalendarDayRequest(
      @Size(max = 10, message = "case.error.date") @OneLine String day,
      Boolean working,
      @Size(max = 100, message = "case.error.dayName") @OneLine String name) {}

  /** Demonstration only: days to move the case calendar on. */
  public record DemoClockRequest(Integer days) {}

  // --- what the calls answer ---------------------------------------------------------------------

  /** A proposed case: its id and number. */
  @JsonbPropertyOrder({"id", "number"})
  public record CaseCreated(long id, String number) {}

  /** A step, vote or record of a case as signed. */
  @JsonbPropertyOrder({"type", "step", "choice", "late"})
  public record CaseEventDone(String type, String step, String choice, boolean late) {}

  /** The demonstration calendar's day. */
  public record DemoToday(String today) {}

  // --- eligibility -----------------------------------------------------------------------------

  @POST
  @Path("/eligibility/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Run the eligibility table: {section} (an officer's own) or {} for the prison (department)")
  @StatusCode(201)
  public EligibilityService.RunSummary run(
      @NotNull(message = "error.body.empty") @Valid RunRequest body) {
    return eligibility.run(body.section());
  }

  @GET
  @Path("/eligibility/runs/latest")
  @Operation(summary = "The latest run's eligible inmates and near misses (all=true: every result)")
  public List<CaseRepository.ResultRow> latest(
      @QueryParam("section") Long section, @QueryParam("all") boolean all) {
    long run =
        eligibility.latestRunId(section).orElseThrow(() -> Refusal.notFound("case.error.noRun"));
    return eligibility.results(run, section, all);
  }

  @GET
  @Path("/eligibility/results/{id}/commendations")
  @Operation(
      summary =
          "The commended cycles (表扬, 物质奖励) a proposal from this result may cite; usedBy names"
              + " the granted case that cited one")
  public List<CaseFile.CycleLine> commendations(@PathParam("id") long id) {
    // what the eligibility page offers a proposer to cite, for a proposal made over the API
    return eligibility.commendations(id);
  }

  @POST
  @Path("/eligibility/facts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A sentence fact: {prisonerNumber, kind, active, effectiveOn, months?, note}")
  @APIResponse(responseCode = "201", description = "Recorded; no body")
  @StatusCode(201)
  public void fact(@NotNull(message = "error.body.empty") @Valid FactRequest body) {
    eligibility.recordFact(
        body.prisonerNumber() == null ? "" : body.prisonerNumber(),
        body.kind() == null ? "" : body.kind(),
        body.active() == null || body.active(),
        date(body.effectiveOn(), "effectiveOn"),
        body.months(),
        body.note());
  }

  // --- cases -----------------------------------------------------------------------------------

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
    CaseRepository.CaseRow row =
        proposals.propose(
            body.eligibility(),
            body.months(),
            body.rationale(),
            orEmpty(body.cycles()),
            body.attachment(),
            body.performance(),
            body.performanceReason());
    return new CaseCreated(row.id(), row.number());
  }

  @GET
  @Path("/cases/mine")
  @Operation(summary = "The inmate's own cases: status, basis, how to object")
  public List<CaseFile> mine() {
    return caseFiles.mine();
  }

  @GET
  @Path("/cases/public")
  @Operation(summary = "The noticeboard: cases being posted (rulings=true: rulings served)")
  public List<CaseSummary> publicList(@QueryParam("rulings") boolean rulings) {
    return noticeboard.publicList(rulings);
  }

  @GET
  @Path("/cases/public/posting.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The posting notice for the noticeboard, as PDF")
  public Response postingPdf() throws IOException {
    byte[] pdf = noticeboard.noticeboardPdf(false);
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"posting.pdf\"")
        .build();
  }

  @GET
  @Path("/cases/public/rulings.pdf")
  @Produces("application/pdf")
  @Operation(summary = "The public list of rulings, as PDF")
  public Response rulingsPdf() throws IOException {
    byte[] pdf = noticeboard.noticeboardPdf(true);
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"rulings.pdf\"")
        .build();
  }

  @GET
  @Path("/cases/{id}")
  @Operation(
      summary = "A case's whole file: proposal, steps, votes, cycles, ledger entries, eligibility")
  public CaseFile file(@PathParam("id") long id) {
    return caseFiles.file(id);
  }

  @GET
  @Path("/cases/{id}/file.pdf")
  @Produces("application/pdf")
  @Operation(summary = "A case's file as PDF for printing (the court's document, in words)")
  public Response filePdf(@PathParam("id") long id) throws IOException {
    byte[] pdf = caseFiles.filePdf(id);
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"case-" + id + ".pdf\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/cases/{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign the next step: {step, note, choice?, months?, onDate?, attachment?}")
  @StatusCode(201)
  public CaseEventDone step(
      @PathParam("id") long id, @NotNull(message = "case.error.step") @Valid StepRequest body) {
    CaseEvent e =
        steps.sign(
            id,
            step(body.step()),
            body.note(),
            body.choice(),
            body.months(),
            date(body.onDate(), "onDate"),
            body.attachment());
    return created(e);
  }

  @POST
  @Path("/cases/{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Return the case to an earlier step: {step, reason}")
  @StatusCode(201)
  public CaseEventDone returnTo(
      @PathParam("id") long id, @NotNull(message = "case.error.step") @Valid ReturnRequest body) {
    return created(steps.returnTo(id, step(body.step()), body.reason()));
  }

  @POST
  @Path("/cases/{id}/votes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A committee member's vote: {choice: AGREE|DISAGREE|ABSTAIN, note}")
  @StatusCode(201)
  public CaseEventDone vote(
      @PathParam("id") long id,
      @NotNull(message = "case.error.voteChoice") @Valid VoteRequest body) {
    VoteChoice choice =
        LedgerResource.parse(
            VoteChoice.class,
            body.choice() == null ? "" : body.choice().toUpperCase(Locale.ROOT),
            "case.error.voteChoice");
    return created(committee.vote(id, choice, body.note()));
  }

  @POST
  @Path("/cases/{id}/posting-objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An objection during the posting: {text}")
  @StatusCode(201)
  public CaseEventDone postingObjection(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid TextRequest body) {
    return created(posting.objectDuringPosting(id, body.text()));
  }

  @POST
  @Path("/cases/{id}/opinions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The procuratorate's opinion: {choice: AGREE|OBJECT, reasons}")
  @StatusCode(201)
  public CaseEventDone opinion(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid OpinionRequest body) {
    return created(
        procuratorate.opinion(id, body.choice() == null ? "" : body.choice(), body.reasons()));
  }

  @POST
  @Path("/cases/{id}/extension")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The procuratorate extends its period by 10 days: {reason}")
  @StatusCode(201)
  public CaseEventDone extension(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid ExtensionRequest body) {
    return created(procuratorate.extend(id, body.reason()));
  }

  @POST
  @Path("/cases/{id}/court-posting-objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The court records an objection received during its posting: {text}; the hearing becomes"
              + " mandatory (法释〔2014〕5号第六条第（三）项)")
  @StatusCode(201)
  public CaseEventDone courtPostingObjection(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid TextRequest body) {
    return created(court.objectDuringCourtPosting(id, body.text()));
  }

  @POST
  @Path("/cases/{id}/court-extension")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The court takes one more month to rule: {reason}; never for 死缓 (法释〔2014〕5号第一条)")
  @StatusCode(201)
  public CaseEventDone courtExtension(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid ExtensionRequest body) {
    return created(court.extendRuling(id, body.reason() == null ? "" : body.reason()));
  }

  @POST
  @Path("/cases/{id}/lawyers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grant a lawyer access to this case: {lawyer: username}")
  @StatusCode(201)
  public CaseEventDone grant(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid LawyerGrant body) {
    return created(lawyers.grantLawyer(id, body.lawyer()));
  }

  @POST
  @Path("/cases/{id}/lawyer-opinions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A granted lawyer's written opinion: {text}")
  @StatusCode(201)
  public CaseEventDone lawyerOpinion(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid TextRequest body) {
    return created(lawyers.lawyerOpinion(id, body.text()));
  }

  @POST
  @Path("/cases/{id}/findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An external reader's finding on an item of the case: {item, text}")
  @StatusCode(201)
  public Created finding(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid CaseFindingRequest body) {
    long objection = findings.finding(id, body.item(), body.text());
    return new Created(objection);
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
  public List<CaseRepository.Meeting> meetings() {
    return participants.meetings();
  }

  @POST
  @Path("/committee/meetings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A meeting: {heldOn?, title, members: [usernames ≥ 9], cases: [ids]}")
  @StatusCode(201)
  public Created meeting(@NotNull(message = "error.body.empty") @Valid MeetingRequest body) {
    long id =
        committee.createMeeting(
            date(body.heldOn(), "heldOn"),
            body.title(),
            orEmpty(body.members()),
            orEmpty(body.cases()));
    return new Created(id);
  }

  @POST
  @Path("/calendar/days")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A holiday or a worked weekend day: {day, working, name}")
  @APIResponse(responseCode = "201", description = "Recorded; no body")
  @StatusCode(201)
  public void calendarDay(@NotNull(message = "case.error.day") @Valid CalendarDayRequest body) {
    caseCalendar.calendarDay(
        date(body.day(), "day"), Boolean.TRUE.equals(body.working()), body.name());
  }

  @POST
  @Path("/cases/demo-clock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Demonstration only (start-dev): move the case calendar forward {days}")
  public DemoToday demoClock(@NotNull(message = "error.body.empty") @Valid DemoClockRequest body) {
    LocalDate today = caseCalendar.advanceDemoClock(body.days() == null ? 0 : body.days());
    return new DemoToday(today.toString());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static CaseEventDone created(CaseEvent e) {
    return new CaseEventDone(
        e.type().name(),
        e.step() == null ? "" : e.step().name(),
        e.choice() == null ? "" : e.choice(),
        e.late());
  }

  private static CaseStep step(String text) {
    return LedgerResource.parse(
        CaseStep.class,
        text == null ? "" : text.strip().toUpperCase(Locale.ROOT),
        "case.error.step");
  }

  private static LocalDate date(String text, String key) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("case.error.date", key);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
