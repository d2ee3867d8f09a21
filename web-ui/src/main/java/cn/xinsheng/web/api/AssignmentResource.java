package cn.xinsheng.web.api;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Assignments over HTTP: the task, a submission handed in (text and a file), the teacher's list to
 * grade, the file handed in, and the grade by rubric. Shares the root {@code /lms} (see {@link
 * EnrolmentResource}).
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

  /** An assignment's file, base64: 20 MiB of bytes are at most this many characters. */
  private static final int MAX_FILE_BASE64 = ((20 << 20) + 2) / 3 * 4;

  @Inject AssignmentService assignments;

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

  /** The points a graded submission earned. */
  public record GradedPoints(int points) {}

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
}
