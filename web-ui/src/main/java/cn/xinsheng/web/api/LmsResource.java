package cn.xinsheng.web.api;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.lms.application.EducationCreditService;
import cn.xinsheng.lms.application.EnrolmentService;
import cn.xinsheng.lms.application.GradebookService;
import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.lms.application.QuestionBanks;
import cn.xinsheng.lms.application.QuizMarking;
import cn.xinsheng.lms.application.QuizService;
import cn.xinsheng.lms.application.ScormService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Learning over HTTP: content packages and trusted publishers, cohorts, the inmate's courses,
 * lessons (files with range requests), progress, SCORM tracking, quizzes, assignments, the
 * gradebook. Thin: the services decide who may do what.
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class LmsResource {

  private static final Logger LOG = Logger.getLogger(LmsResource.class.getName());

  /** An assignment's file, base64: 20 MiB of bytes are at most this many characters. */
  private static final int MAX_FILE_BASE64 = ((20 << 20) + 2) / 3 * 4;

  @Inject ContentImportService imports;
  @Inject EnrolmentService enrolment;
  @Inject LearningService learning;
  @Inject cn.xinsheng.lms.application.CoursewareImages images;
  @Inject QuizService quizzes;
  @Inject QuizMarking marking;
  @Inject QuestionBanks banks;
  @Inject AssignmentService assignments;
  @Inject ScormService scorm;
  @Inject GradebookService gradebook;
  @Inject EducationCreditService credits;

  // --- what the calls take -----------------------------------------------------------------------

  /** A publisher's verifier key to trust, and who the publisher is. */
  @JsonbPropertyOrder({"verifierKey", "description"})
  public record PublisherRequest(
      @Size(max = 300, message = "content.error.key") @OneLine String verifierKey,
      @Size(max = 500, message = "content.error.description") @Text String description) {}

  /** Why a publisher key is revoked. */
  public record RevocationRequest(
      @Size(max = 500, message = "content.error.revokeReason") @Text String reason) {}

  /** A cohort enrolled in a programme's courses. */
  @JsonbPropertyOrder({"name", "programme", "teacher", "inmates"})
  public record CohortRequest(
      @Size(max = 200, message = "lms.error.cohortName") @OneLine String name,
      @Size(max = 40) @OneLine String programme,
      @Size(max = 64) @OneLine String teacher,
      @Size(max = 2000) List<@NotNull @Size(max = 20) @OneLine String> inmates) {}

  /** Where the learner is in a lesson: the position and the time spent, in seconds. */
  @JsonbPropertyOrder({"position", "spent", "completed"})
  public record ProgressRequest(
      @PositiveOrZero(message = "lms.error.progress")
          @Max(value = Integer.MAX_VALUE, message = "lms.error.progress")
          Long position,
      @PositiveOrZero(message = "lms.error.progress")
          @Max(value = Integer.MAX_VALUE, message = "lms.error.progress")
          Long spent,
      Boolean completed) {}

  /**
   * LMSCommit / LMSFinish: the SCORM elements as the SCO set them; which SCO of the lesson (its
   * item identifier, empty for the first); the run-time session and the commit's number in it, so a
   * commit sent twice (beacon and confirmation, or a retry) is kept once.
   */
  @JsonbPropertyOrder({"values", "sco", "session", "seq"})
  public record ScormCommit(
      @Size(max = 2000) Map<@Size(max = 255) @OneLine String, Object> values,
      @Size(max = 100) @OneLine String sco,
      @Size(max = 64) @OneLine String session,
      @PositiveOrZero Long seq) {}

  /** Answers keyed by question: an index, indexes, a text, or the right sides of pairs. */
  public record AnswersRequest(
      @Size(max = 500, message = "lms.error.answers")
          Map<@Size(max = 100) @OneLine String, Object> answers) {}

  /** A teacher's points for an attempt's essays, keyed by question. */
  public record EssayMarks(
      @Size(max = 500) Map<@Size(max = 100) @OneLine String, @NotNull BigDecimal> marks) {}

  /** An assignment handed in: the text, and a file as base64 with its name. */
  @JsonbPropertyOrder({"text", "fileName", "fileBase64"})
  public record SubmissionRequest(
      @Size(max = 100_000, message = "lms.error.submissionEmpty") @Text String text,
      @Size(max = 200, message = "lms.error.fileName") @OneLine(message = "lms.error.fileName")
          String fileName,
      @Size(max = MAX_FILE_BASE64) @OneLine String fileBase64) {}

  /** Points per rubric criterion and feedback. */
  @JsonbPropertyOrder({"points", "feedback"})
  public record GradeRequest(
      @Size(max = 100) List<Integer> points,
      @Size(max = 4000, message = "lms.error.feedback") @Text String feedback) {}

  /** A learning achievement to record in the ledger (quizId 0 for a whole course). */
  @JsonbPropertyOrder({"prisonerNumber", "courseId", "quizId", "amount"})
  public record AchievementConfirmation(
      @Size(max = 20) @OneLine String prisonerNumber,
      @NotNull Long courseId,
      Long quizId,
      @Size(max = 20) @OneLine String amount) {}

  // --- what the calls answer ---------------------------------------------------------------------

  /** An imported content package. */
  @JsonbPropertyOrder({
    "packageId",
    "version",
    "title",
    "publisher",
    "signedBy",
    "importedBy",
    "importedAt",
    "course"
  })
  public record PackageView(
      @JsonbProperty("package") @Schema(name = "package") String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String importedBy,
      String importedAt,
      String course) {}

  /** The inmate's gradebook: courses and programmes. */
  @JsonbPropertyOrder({"courses", "programmes"})
  public record MyGradebook(
      List<GradebookService.Line> courses, List<GradebookService.ProgrammeLine> programmes) {}

  /** What a SCORM run-time expects from its LMS after a commit, with the data as now stored. */
  @JsonbPropertyOrder({"result", "errorCode", "data"})
  public record ScormCommitted(boolean result, int errorCode, ScormService.ScormState data) {}

  /** How many attempts a regrade touched. */
  public record Regraded(int regraded) {}

  /** The points a graded submission earned. */
  public record GradedPoints(int points) {}

  /** The ledger entry a confirmed achievement became. */
  public record EntryRecorded(long entry) {}

  /** A course whose gradebook the caller may read. */
  @JsonbPropertyOrder({"id", "title", "programme"})
  public record GradebookCourse(long id, String title, String programme) {}

  // --- content ---------------------------------------------------------------------------------

  @GET
  @Path("/publishers")
  public List<ContentImportService.Publisher> publishers() {
    return imports.publishers();
  }

  @POST
  @Path("/publishers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trust a publisher's verifier key: {verifierKey, description}")
  @StatusCode(201)
  public ContentImportService.Publisher trust(
      @NotNull(message = "content.error.key") @Valid PublisherRequest body) {
    return imports.trustPublisher(body.verifierKey(), body.description());
  }

  @POST
  @Path("/publishers/{id}/revocation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Revoke a trusted publisher key: {reason}; its packages are refused from now on")
  public ContentImportService.Publisher revoke(
      @PathParam("id") long id,
      @NotNull(message = "content.error.revokeReason") @Valid RevocationRequest body) {
    return imports.revokePublisher(id, body.reason());
  }

  @GET
  @Path("/packages")
  public List<PackageView> packages() {
    List<PackageView> out = new ArrayList<>();
    for (ContentImportService.ImportedPackage p : imports.packages()) {
      out.add(
          new PackageView(
              p.packageId(),
              p.version(),
              p.title(),
              p.publisher(),
              p.signedBy(),
              p.importedBy(),
              // as the API always gave it: the database's timestamp text
              String.valueOf(java.sql.Timestamp.from(p.importedAt())),
              p.course()));
    }
    return out;
  }

  @POST
  @Path("/packages")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary =
          "Import a signed content package (the zip as the body); ?programme=CODE puts its course in that programme")
  @StatusCode(201)
  public ContentImportService.Imported importPackage(
      InputStream body, @QueryParam("programme") @Size(max = 100) String programme) {
    return imports.importPackage(body, "upload.zip", programme);
  }

  @GET
  @Path("/programmes")
  public List<EnrolmentService.Programme> programmes() {
    return enrolment.programmes();
  }

  @GET
  @Path("/cohorts")
  public List<EnrolmentService.Cohort> cohorts() {
    return enrolment.cohorts();
  }

  @POST
  @Path("/cohorts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "A cohort enrolled in a programme's courses: {name, programme, teacher, inmates: [numbers]}")
  @StatusCode(201)
  public Created cohort(@NotNull(message = "lms.error.cohortName") @Valid CohortRequest body) {
    long id =
        enrolment.createCohort(
            body.name(),
            body.programme() == null ? "" : body.programme(),
            body.teacher() == null ? "" : body.teacher(),
            body.inmates() == null ? List.of() : body.inmates());
    return new Created(id);
  }

  // --- the inmate's studies --------------------------------------------------------------------

  @GET
  @Path("/me/courses")
  public List<LearningService.CourseCard> myCourses() {
    return learning.myCourses();
  }

  @GET
  @Path("/me/next")
  public List<LearningService.NextAction> next() {
    return learning.next();
  }

  @GET
  @Path("/me/gradebook")
  public MyGradebook myGradebook() {
    return new MyGradebook(gradebook.mine(), gradebook.myProgrammes());
  }

  @GET
  @Path("/courses/{id}")
  public LearningService.CourseView course(@PathParam("id") long id) {
    return learning.course(id);
  }

  @GET
  @Path("/lessons/{id}")
  public LearningService.LessonView lesson(@PathParam("id") long id) {
    return learning.lesson(id);
  }

  @POST
  @Path("/lessons/{id}/progress")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Where the learner is: {position (s), spent (s), completed}")
  @APIResponse(responseCode = "204", description = "Kept; no body")
  public void progress(
      @PathParam("id") long id,
      @NotNull(message = "lms.error.progress") @Valid ProgressRequest body) {
    learning.progress(
        id,
        body.position() == null ? 0 : body.position().intValue(),
        body.spent() == null ? 0 : body.spent().intValue(),
        Boolean.TRUE.equals(body.completed()));
  }

  @GET
  @Path("/lessons/{id}/file/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A file of the lesson's course, with HTTP range requests (video seeking)")
  public Response file(
      @PathParam("id") long id,
      @PathParam("path") String path,
      @HeaderParam("Range") String range) {
    // the URL without a version may show a newer version tomorrow: the browser asks each time
    // (issue 17: version 2 stayed on a terminal for a day after version 3 came)
    return lessonFile(id, path, range, "private, no-cache");
  }

  @GET
  @Path("/lessons/{id}/v{version: [0-9]+}/file/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary =
          "A file of the lesson's course at a package version: cached long, a newer version is a new URL")
  public Response versionedFile(
      @PathParam("id") long id,
      @PathParam("version") long version,
      @PathParam("path") String path,
      @HeaderParam("Range") String range) {
    if (learning.contentVersion(id) != version) {
      throw Refusal.notFound("lms.error.content");
    }
    return lessonFile(id, path, range, "private, max-age=31536000, immutable");
  }

  private Response lessonFile(long id, String path, String range, String cacheControl) {
    LearningService.CourseFile f = learning.file(id, path);
    if (f.mediaType().startsWith("image/svg") && f.sandboxed()) {
      // issue 17, item 9: the image's Chinese words as outlines of the shipped font
      return Response.ok(images.forTerminal(f.path()), f.mediaType())
          .header("Cache-Control", cacheControl)
          .header(
              "Content-Security-Policy",
              "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                  + " media-src 'self'")
          .build();
    }
    long modified;
    try {
      modified = java.nio.file.Files.getLastModifiedTime(f.path()).toMillis();
    } catch (java.io.IOException e) {
      modified = 0;
    }
    String tag =
        MerkleTree.sha256Hex(
            (f.path() + "|" + f.size() + "|" + modified).getBytes(StandardCharsets.UTF_8));
    Response served =
        Ranges.serve(
            new EvidenceService.Content(f.path(), f.mediaType(), f.size(), tag),
            range,
            cacheControl);
    if (!f.sandboxed()) {
      return served;
    }
    // issue 14: a lesson's HTML or SVG opened by its URL runs in no origin (no session, no API)
    return Response.fromResponse(served)
        .header(
            "Content-Security-Policy",
            "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                + " media-src 'self'")
        .build();
  }

  @GET
  @Path("/lessons/{id}/scorm")
  @Operation(
      summary =
          "What the SCORM run-time loads before the SCO starts (entry, total time, stored data); ?sco= names an item")
  public ScormService.ScormState scormData(
      @PathParam("id") long id, @QueryParam("sco") @Size(max = 100) String sco) {
    return scorm.data(id, sco == null ? "" : sco);
  }

  @GET
  @Path("/lessons/{id}/scorm/toc")
  @Operation(
      summary =
          "The SCORM lesson's table of contents: each item of the organisation, the caller's status and whether it is open")
  public List<ScormService.TocLine> scormToc(@PathParam("id") long id) {
    return scorm.toc(id);
  }

  @POST
  @Path("/lessons/{id}/scorm")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      summary =
          "LMSCommit / LMSFinish: {values: {element: value}, sco, session, seq}; also as text/plain (sendBeacon)")
  public ScormCommitted scormCommit(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid ScormCommit body) {
    Map<String, String> values = new LinkedHashMap<>();
    if (body.values() != null) {
      body.values().forEach((k, v) -> values.put(k, scalar(k, v)));
    }
    try {
      return new ScormCommitted(
          true,
          0,
          scorm.commit(
              id,
              body.sco() == null ? "" : body.sco(),
              body.session() == null ? "" : body.session(),
              body.seq() == null ? 0 : body.seq(),
              values));
    } catch (Refusal r) {
      // a course module that sends what SCORM does not allow is worth a line for the office
      LOG.warning(
          "SCORM commit refused for lesson " + id + ": " + r.getMessage() + " " + values.keySet());
      throw r;
    }
  }

  // --- quizzes ---------------------------------------------------------------------------------

  @POST
  @Path("/quizzes/{id}/attempts")
  @StatusCode(201)
  public QuizService.AttemptView start(@PathParam("id") long id) {
    return quizzes.start(id);
  }

  @GET
  @Path("/quizzes/{id}/results")
  public List<QuizService.Graded> results(@PathParam("id") long id) {
    return quizzes.results(id);
  }

  @GET
  @Path("/attempts/{id}")
  public QuizService.AttemptView attempt(@PathParam("id") long id) {
    return quizzes.attempt(id);
  }

  @POST
  @Path("/attempts/{id}/answers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand in: {answers: {key: index | [indexes] | \"text\" | [right sides]}}")
  public QuizService.Graded submit(
      @PathParam("id") long id,
      @NotNull(message = "lms.error.answers") @Valid AnswersRequest body) {
    Map<String, Object> answers = new LinkedHashMap<>();
    if (body.answers() != null) {
      body.answers().forEach((k, v) -> answers.put(k, answer(v, k, 0)));
    }
    return quizzes.submit(id, answers);
  }

  @GET
  @Path("/banks/{courseId}")
  @Operation(summary = "A course's question banks by category (teachers and the education office)")
  public List<QuestionBanks.BankQuestion> bank(@PathParam("courseId") long courseId) {
    return banks.bank(courseId);
  }

  @GET
  @Path("/essays")
  public List<QuizMarking.EssayToGrade> essays() {
    return marking.essaysToGrade();
  }

  @POST
  @Path("/essays/{attemptId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A teacher's essay marks: {marks: {key: points}}")
  public QuizService.Graded essayMarks(
      @PathParam("attemptId") long id,
      @NotNull(message = "error.body.empty") @Valid EssayMarks body) {
    return marking.gradeEssays(id, body.marks() == null ? Map.of() : body.marks());
  }

  @POST
  @Path("/regrades/{quizId}")
  public Regraded regrade(@PathParam("quizId") long id) {
    return new Regraded(marking.regrade(id));
  }

  // --- assignments -----------------------------------------------------------------------------

  @GET
  @Path("/assignments/{id}")
  public AssignmentService.AssignmentView assignment(@PathParam("id") long id) {
    return assignments.view(id);
  }

  @POST
  @Path("/assignments/{id}/submissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand in: {text, fileName?, fileBase64?}")
  @StatusCode(201)
  public Created handIn(
      @PathParam("id") long id,
      @NotNull(message = "lms.error.submissionEmpty") @Valid SubmissionRequest body) {
    byte[] file = null;
    if (body.fileBase64() != null) {
      try {
        file = Base64.getDecoder().decode(body.fileBase64());
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("lms.error.fileName");
      }
    }
    long sid = assignments.submit(id, body.text(), body.fileName(), file);
    return new Created(sid);
  }

  @GET
  @Path("/submissions")
  public List<AssignmentService.ToGrade> toGrade() {
    return assignments.toGrade();
  }

  /** Types a browser may show from a learner's file; anything else is only downloaded. */
  private static final java.util.Set<String> SHOWN =
      java.util.Set.of(
          "application/pdf",
          "image/png",
          "image/jpeg",
          "image/gif",
          "text/plain; charset=UTF-8",
          "audio/mpeg",
          "audio/wav",
          "video/mp4");

  @GET
  @Path("/submissions/{id}/file")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary =
          "The file handed in with a submission, for its teacher: shown (PDF, image, text) or ?download=true")
  public Response submissionFile(
      @PathParam("id") long id,
      @jakarta.ws.rs.QueryParam("download") boolean download,
      @HeaderParam("Range") String range) {
    AssignmentService.SubmissionFile f = assignments.submissionFile(id);
    // a learner's HTML or SVG is never shown in the platform's origin: it could run script there
    boolean show = !download && SHOWN.contains(f.mediaType());
    String type = show ? f.mediaType() : "application/octet-stream";
    Response r =
        Ranges.serve(
            new EvidenceService.Content(
                f.path(), type, f.size(), f.path().getFileName().toString()),
            range);
    return Response.fromResponse(r)
        .header(
            "Content-Disposition",
            (show ? "inline" : "attachment")
                + "; filename*=UTF-8''"
                + java.net.URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @POST
  @Path("/submissions/{id}/grade")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grade by rubric: {points: [per criterion], feedback}")
  public GradedPoints grade(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid GradeRequest body) {
    return new GradedPoints(
        assignments.grade(
            id,
            body.points() == null ? List.of() : body.points(),
            body.feedback() == null ? "" : body.feedback()));
  }

  // --- learning into the points ledger --------------------------------------------------------

  @GET
  @Path("/achievements")
  @Operation(
      summary =
          "Completed diploma courses and passed quizzes of the officer's sections not yet in the ledger")
  public List<EducationCreditService.Achievement> achievements() {
    return credits.achievements();
  }

  @POST
  @Path("/achievements/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Record the ledger entry for one: {prisonerNumber, courseId, quizId (0 for a course), amount}")
  @StatusCode(201)
  public EntryRecorded confirm(
      @NotNull(message = "error.body.empty") @Valid AchievementConfirmation body) {
    long entry =
        credits.confirm(
            body.prisonerNumber() == null ? "" : body.prisonerNumber(),
            body.courseId(),
            body.quizId() == null ? 0 : body.quizId(),
            body.amount());
    return new EntryRecorded(entry);
  }

  // --- gradebook -------------------------------------------------------------------------------

  @GET
  @Path("/gradebook/courses")
  public List<GradebookCourse> gradebookCourses() {
    return gradebook.courses().stream()
        .map(c -> new GradebookCourse(c.id(), c.title(), c.programme()))
        .toList();
  }

  @GET
  @Path("/gradebook/courses/{id}")
  public List<GradebookService.Line> gradebookCourse(@PathParam("id") long id) {
    return gradebook.course(id);
  }

  @GET
  @Path("/gradebook/courses/{id}/export.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response gradebookXlsx(@PathParam("id") long id) {
    gradebook.course(id);
    StreamingOutput body = out -> gradebook.xlsx(id, out);
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"gradebook-" + id + ".xlsx\"")
        .build();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A SCORM value as the run-time's text: a string, a number or a boolean; nothing nested. */
  static String scalar(String element, Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
    throw Refusal.invalid("lms.error.scorm", element);
  }

  /**
   * One answer as canonical JSON holds it (the form the grader and the audit leaf read): strings,
   * whole numbers, booleans and lists of them; a fraction or an object is not an answer.
   */
  private static Object answer(Object v, String key, int depth) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof BigDecimal d && depth < 3) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        throw Refusal.invalid("lms.error.answer", key);
      }
    }
    if (v instanceof Number n && !(v instanceof BigDecimal) && depth < 3) {
      return n.longValue();
    }
    if (v instanceof List<?> list && depth < 2) {
      List<Object> out = new ArrayList<>();
      for (Object x : list) {
        out.add(answer(x, key, depth + 1));
      }
      return out;
    }
    throw Refusal.invalid("lms.error.answer", key);
  }
}
