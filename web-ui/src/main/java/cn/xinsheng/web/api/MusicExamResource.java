package cn.xinsheng.web.api;

import cn.xinsheng.music.application.exam.ExamCreditService;
import cn.xinsheng.music.application.exam.ExamMarking;
import cn.xinsheng.music.application.exam.ExamQueries;
import cn.xinsheng.music.application.exam.ExamScheduling;
import cn.xinsheng.music.application.exam.ExamService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * CNOS graded exams over HTTP (issue 19). Thin: the exam services decide who may do what (the
 * board, the panel, the candidate, the readers of his case file) and every rule of the exam.
 */
@Path("/music")
@Produces(MediaType.APPLICATION_JSON)
public class MusicExamResource {

  @Inject ExamService exams;
  @Inject ExamScheduling scheduling;
  @Inject ExamMarking marking;
  @Inject ExamQueries queries;
  @Inject ExamCreditService credits;
  @Inject cn.xinsheng.music.application.exam.CertificatePackageService packages;

  public record SessionRequest(
      @NotNull(message = "music.exam.error.date") LocalDate date,
      @NotNull(message = "music.exam.error.room")
          @Size(max = 60, message = "music.exam.error.room")
          @OneLine
          String room,
      @NotNull(message = "music.exam.error.instrument") @Size(max = 20) @OneLine String instrument,
      @NotNull(message = "music.exam.error.level")
          @Min(value = 1, message = "music.exam.error.level")
          @Max(value = 10, message = "music.exam.error.level")
          Integer level) {}

  public record PlacementRequest(
      @NotNull(message = "error.unknownInmate") @Size(max = 20) @OneLine String prisonerNumber,
      @NotNull(message = "music.exam.error.instrument") @Size(max = 20) @OneLine String instrument,
      @NotNull(message = "music.exam.error.level")
          @Min(value = 1, message = "music.exam.error.level")
          @Max(value = 10, message = "music.exam.error.level")
          Integer level,
      @NotNull(message = "music.exam.error.reason")
          @Size(max = 500, message = "music.exam.error.reason")
          @Text
          String reason) {}

  public record RegistrationRequest(
      @NotNull(message = "music.exam.error.unknownSession") Long session,
      @NotNull(message = "error.unknownInmate") @Size(max = 20) @OneLine String prisonerNumber) {}

  public record SeatRequest(
      @NotNull(message = "music.exam.error.notExaminer") @Size(max = 100) @OneLine
          String examiner) {}

  public record ConflictRequest(
      @NotNull(message = "music.exam.error.reason")
          @Size(max = 500, message = "music.exam.error.reason")
          @Text
          String note) {}

  public record MarksRequest(
      @NotNull(message = "music.exam.error.allItems")
          @Size(max = 5, message = "music.exam.error.allItems")
          Map<@Size(max = 20) String, @NotNull(message = "music.exam.error.markRange") Integer>
              marks) {}

  public record CreditRequest(
      @NotNull(message = "music.exam.error.amount") @Size(max = 10) @OneLine String amount) {}

  public record Created(long id) {}

  public record Seat(int seat) {}

  public record Recorded(String sha256) {}

  public record EntryRecorded(long entry) {}

  // --- the board --------------------------------------------------------------------------------

  @GET
  @Path("/exams/sessions")
  @Operation(summary = "Exam sessions, newest first, with candidates and published results")
  public List<ExamScheduling.SessionView> sessions() {
    return scheduling.sessions();
  }

  @POST
  @Path("/exams/sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a session: {date, room, instrument (code), level}")
  @StatusCode(201)
  public Created createSession(@NotNull(message = "error.body.empty") @Valid SessionRequest b) {
    return new Created(scheduling.createSession(b.date(), b.room(), b.instrument(), b.level()));
  }

  @POST
  @Path("/exams/placements")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A placement decision with its reason: {prisonerNumber, instrument, level, reason}")
  @StatusCode(201)
  public Created place(@NotNull(message = "error.body.empty") @Valid PlacementRequest b) {
    return new Created(scheduling.place(b.prisonerNumber(), b.instrument(), b.level(), b.reason()));
  }

  @POST
  @Path("/exams/registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Register a candidate: eligible with the previous level passed or a placement; refused otherwise")
  @StatusCode(201)
  public Created register(@NotNull(message = "error.body.empty") @Valid RegistrationRequest b) {
    return new Created(scheduling.register(b.session(), b.prisonerNumber()));
  }

  @GET
  @Path("/exams/panel/{candidate}")
  @Operation(summary = "Every examiner with the reasons that keep him off this candidate's panel")
  public List<ExamScheduling.ExaminerOption> examiners(@PathParam("candidate") long candidate) {
    return scheduling.examinerOptions(candidate);
  }

  @POST
  @Path("/exams/panel/{candidate}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Seat an examiner: {examiner}; refused (reason recorded) when he must recuse")
  @StatusCode(201)
  public Seat assign(
      @PathParam("candidate") long candidate,
      @NotNull(message = "error.body.empty") @Valid SeatRequest b) {
    return new Seat(scheduling.assign(candidate, b.examiner()));
  }

  @POST
  @Path("/exams/publications/{candidate}")
  @Operation(summary = "Publish the result (all required marks in); a pass issues the certificate")
  @StatusCode(201)
  public ExamService.ResultView publish(@PathParam("candidate") long candidate) {
    return exams.publish(candidate);
  }

  @GET
  @Path("/exams/statistics")
  @Operation(summary = "Candidates and passes by year, instrument and level")
  public List<ExamQueries.StatLine> statistics() {
    return queries.statistics();
  }

  @GET
  @Path("/exams/statistics.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response statisticsXlsx() {
    queries.statistics();
    StreamingOutput body = out -> queries.statisticsXlsx(out);
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"music-exam-statistics.xlsx\"")
        .build();
  }

  // --- the panel (and the board) ----------------------------------------------------------------

  @GET
  @Path("/exams/queue")
  @Operation(
      summary = "Counts for the work queue: sessions, candidates to mark, results to publish")
  public QueueCounts queue() {
    Map<String, Integer> c = queries.queueCounts();
    return new QueueCounts(c.get("sessions"), c.get("toMark"), c.get("toPublish"));
  }

  /**
   * The work queue's counts: the caller's sessions, candidates he has to mark, results to publish.
   */
  public record QueueCounts(int sessions, int toMark, int toPublish) {}

  @GET
  @Path("/exams/candidates")
  @Operation(
      summary = "The caller's candidates: an examiner's panels, every candidate for the board")
  public List<ExamQueries.CandidateView> candidates() {
    return queries.myCandidates();
  }

  @GET
  @Path("/exams/sessions/{id}/candidates")
  @Operation(summary = "A session's candidates the caller may see")
  public List<ExamQueries.CandidateView> sessionCandidates(@PathParam("id") long id) {
    return queries.candidates(id);
  }

  @GET
  @Path("/exams/candidates/{id}")
  @Operation(summary = "One candidate the caller may see")
  public ExamQueries.CandidateView candidate(@PathParam("id") long id) {
    return queries.candidateView(id);
  }

  @POST
  @Path("/exams/candidates/{id}/performance")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Record the performance (WAV, or MP3/WebM/Ogg/AAC where decodable) as evidence; once, before any mark")
  @StatusCode(201)
  public Recorded recordPerformance(@PathParam("id") long id, InputStream body) {
    return new Recorded(exams.recordPerformance(id, body));
  }

  @GET
  @Path("/exams/candidates/{id}/performance")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The recorded performance, to listen to")
  public Response performance(@PathParam("id") long id) {
    java.nio.file.Path file = exams.performance(id);
    return Response.ok(file.toFile(), "application/octet-stream")
        .header("Content-Disposition", "attachment; filename=\"performance-" + id + "\"")
        .build();
  }

  @GET
  @Path("/exams/marks/{candidate}")
  @Operation(summary = "The marks the caller may see: his own, the others' once both are in")
  public ExamMarking.MarksView marks(@PathParam("candidate") long candidate) {
    return marking.marks(candidate);
  }

  @POST
  @Path("/exams/marks/{candidate}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark all five rubric items at once: {marks: {INTONATION: n, ...}}")
  @StatusCode(201)
  public ExamMarking.MarksView mark(
      @PathParam("candidate") long candidate,
      @NotNull(message = "error.body.empty") @Valid MarksRequest b) {
    return marking.mark(candidate, b.marks());
  }

  @POST
  @Path("/exams/conflicts/{candidate}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The examiner declares that he knows this candidate: {note}")
  @StatusCode(201)
  public Declared declare(
      @PathParam("candidate") long candidate,
      @NotNull(message = "error.body.empty") @Valid ConflictRequest b) {
    scheduling.declareConflict(candidate, b.note());
    return new Declared(true);
  }

  /** The declaration is on record (the examiner is kept off this candidate's panel). */
  public record Declared(boolean declared) {}

  // --- results and certificates -----------------------------------------------------------------

  @GET
  @Path("/exams/results/mine")
  @Operation(summary = "The inmate's own published results")
  public List<ExamQueries.CandidateView> myResults() {
    return queries.myResults();
  }

  @GET
  @Path("/exams/results")
  @Operation(
      summary =
          "Published results: a teacher's cohorts, an external reader's inmates whose case file he may read")
  public List<ExamQueries.CandidateView> results() {
    return queries.results();
  }

  @GET
  @Path("/certificates/verification/{code}")
  @Operation(summary = "Whether a certificate code is genuine, and what the certificate states")
  public ExamService.Verification verify(@PathParam("code") @Size(max = 40) String code) {
    return exams.verify(code);
  }

  @GET
  @Path("/certificates/pdf/{code}")
  @Produces("application/pdf")
  @Operation(summary = "The certificate PDF: the board, or the inmate his own")
  public Response certificate(@PathParam("code") @Size(max = 40) String code) {
    return Response.ok(exams.certificatePdf(code))
        .header("Content-Disposition", "attachment; filename=\"certificate-" + code + ".pdf\"")
        .build();
  }

  @GET
  @Path("/certificates/export/{code}")
  @Produces("application/zip")
  @Operation(
      summary =
          "The certificate with its audit extract, to verify offline with bin/xinsheng verify (the board, or the inmate his own)")
  public Response export(@PathParam("code") @Size(max = 40) String code)
      throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String name = packages.write(code, out);
    return Response.ok(out.toByteArray())
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  // --- the ledger -------------------------------------------------------------------------------

  @GET
  @Path("/exams/achievements")
  @Operation(summary = "Passes in the officer's sections not yet in the ledger (clause JY-04)")
  public List<ExamCreditService.ExamAchievement> achievements() {
    return credits.achievements();
  }

  @POST
  @Path("/exams/achievements/{candidate}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record the ledger entry for a pass, with the certificate as evidence: {amount}")
  @StatusCode(201)
  public EntryRecorded confirm(
      @PathParam("candidate") long candidate,
      @NotNull(message = "error.body.empty") @Valid CreditRequest b) {
    return new EntryRecorded(credits.confirm(candidate, b.amount()));
  }
}
