package cn.xinsheng.web.api;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The inmate's studies over HTTP: his courses and what to do next, a course, its lessons, the
 * lesson's files (with range requests, sandboxed where they could run script) and where he is in a
 * lesson. Shares the root {@code /lms} (see {@link EnrolmentResource}).
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class LearningResource {

  @Inject LearningService learning;

  @Inject cn.xinsheng.lms.application.CoursewareImages images;

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
}
