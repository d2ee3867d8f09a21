package cn.xinsheng.web.api;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.lms.application.ScormAttempts;
import cn.xinsheng.lms.application.ScormService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.ServletContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Courseware served to a SCO's sandboxed frame (issue 14, finding 11; ADR 0014;
 * docs/courseware.md). Everything here is reached by the attempt's token in the path, never by the
 * inmate's session: the frame has no origin of its own, so the browser sends no session cookie and
 * lets it read no platform answer. Its policy is the courseware policy ({@code
 * SecurityHeaders.COURSEWARE_CSP}), which lets publishers' inline script and eval run inside the
 * sandbox only.
 *
 * <ul>
 *   <li>{@code /{token}/file/…}: the files of the attempt's own lesson; every HTML file gets the
 *       SCORM run-time and the font stylesheet, put at the start of its head;
 *   <li>{@code /{token}/run/…}: the run-time (scorm-again, shipped), its start data and the fonts;
 *   <li>{@code POST /{token}/run/commit}: LMSCommit / LMSFinish, JSON sent as {@code text/plain} (a
 *       sandboxed frame's request with JSON would need a preflight; a beacon cannot send it).
 * </ul>
 */
@Path("/courseware")
public class CoursewareResource {

  /**
   * The token: 32 random bytes, base64url (43 characters); the path takes any such word, an unknown
   * one is not found.
   */
  static final String TOKEN = "{token: [A-Za-z0-9_-]+}";

  @Inject LearningService learning;
  @Inject ScormService scorm;
  @Context ServletContext servletContext;
  @jakarta.inject.Inject cn.xinsheng.lms.application.CoursewareImages images;
  @Context jakarta.servlet.http.HttpServletResponse servletResponse;

  @GET
  @Path(TOKEN + "/file/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary =
          "A file of a SCO attempt's lesson, for its sandboxed frame (by the attempt's token, no session)")
  public Response file(
      @PathParam("token") String token,
      @PathParam("path") String path,
      @HeaderParam("Range") String range) {
    scorm.attempt(token);
    LearningService.CourseFile f = learning.attemptFile(token, path);
    if (f.mediaType().startsWith("text/html")) {
      return html(token, f);
    }
    if (f.mediaType().startsWith("image/svg")) {
      // issue 17, item 9: the image's Chinese words as outlines of the shipped font
      return open(
          Response.ok(images.forTerminal(f.path()), f.mediaType())
              .header("Cache-Control", "private, max-age=43200")
              .build());
    }
    long modified;
    try {
      modified = Files.getLastModifiedTime(f.path()).toMillis();
    } catch (IOException e) {
      modified = 0;
    }
    String tag =
        MerkleTree.sha256Hex(
            (f.path() + "|" + f.size() + "|" + modified).getBytes(StandardCharsets.UTF_8));
    return open(
        Ranges.serve(
            new EvidenceService.Content(f.path(), f.mediaType(), f.size(), tag),
            range,
            "private, max-age=43200"));
  }

  private Response html(String token, LearningService.CourseFile f) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f.path());
    } catch (IOException e) {
      throw Refusal.notFound("lms.error.content");
    }
    String run = servletContext.getContextPath() + "/api/v1/courseware/" + token + "/run/";
    // every HTML document of the SCO gets the run-time, not only its launch file: publishers' SCOs
    // often call the API from a frame of a frameset, a nested iframe or a popup page, and in the
    // sandbox each document has an origin of its own, so a frame cannot reach its parent's API
    // (docs/courseware.md, section 2b)
    String head =
        "<link rel=\"stylesheet\" href=\""
            + run
            + "fonts.css\"><script src=\""
            + run
            + "state.js\"></script><script src=\""
            + run
            + "scorm12.min.js\"></script><script src=\""
            + run
            + "scorm2004.min.js\"></script><script src=\""
            + run
            + "runtime.js\"></script>";
    byte[] out = HtmlInjection.atHeadStart(bytes, head);
    return open(
        Response.ok(out, f.mediaType()).header("Cache-Control", "private, no-cache").build());
  }

  @GET
  @Path(TOKEN + "/run/state.js")
  @Produces("text/javascript")
  @Operation(summary = "What the run-time in a SCO's frame starts with, as a script")
  public Response state(@PathParam("token") String token) {
    ScormService.ScormState s = scorm.attemptData(token);
    ScormAttempts.Attempt a = scorm.attempt(token);
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("standard", s.standard());
    start.put("sco", a.sco());
    start.put("lesson", a.lessonId());
    start.put(
        "commit", servletContext.getContextPath() + "/api/v1/courseware/" + token + "/run/commit");
    start.put("restore", s.restore());
    String json;
    try (Jsonb jsonb = JsonbBuilder.create()) {
      json = jsonb.toJson(start);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // as a script: "</" and the line separators cannot end it or break it
    json = json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    return open(
        Response.ok("window.xsScormStart = " + json + ";\n", "text/javascript;charset=UTF-8")
            .header("Cache-Control", "no-store")
            .build());
  }

  @GET
  @Path(TOKEN + "/run/{name: runtime\\.js|scorm12\\.min\\.js|scorm2004\\.min\\.js|fonts\\.css}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary =
          "The SCORM run-time (scorm-again, shipped) and the font stylesheet for a SCO's frame")
  public Response runtime(@PathParam("token") String token, @PathParam("name") String name) {
    scorm.attempt(token);
    if (name.equals("fonts.css")) {
      return open(
          Response.ok(
                  CoursewareFonts.css(servletContext.getContextPath()), "text/css;charset=UTF-8")
              .header("Cache-Control", "private, max-age=43200")
              .build());
    }
    String resource =
        name.equals("runtime.js")
            ? "/resources/xinsheng/courseware-runtime.js"
            : "/resources/scorm/dist/" + name;
    try (InputStream in = servletContext.getResourceAsStream(resource)) {
      if (in == null) {
        throw Refusal.notFound("lms.error.content");
      }
      return open(
          Response.ok(in.readAllBytes(), "text/javascript;charset=UTF-8")
              .header("Cache-Control", "private, max-age=43200")
              .build());
    } catch (IOException e) {
      throw Refusal.notFound("lms.error.content");
    }
  }

  @POST
  @Path(TOKEN + "/run/commit")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "LMSCommit / LMSFinish from a SCO's sandboxed frame: {values, session, seq}, stored for the attempt's learner, lesson and SCO only")
  public ScormRuntimeResource.ScormCommitted commit(
      @PathParam("token") String token,
      @NotNull(message = "error.body.empty") @Valid ScormRuntimeResource.ScormCommit body) {
    Map<String, String> values = new LinkedHashMap<>();
    if (body.values() != null) {
      body.values().forEach((k, v) -> values.put(k, ScormRuntimeResource.scalar(k, v)));
    }
    ScormService.ScormState stored =
        scorm.attemptCommit(
            token,
            body.session() == null ? "" : body.session(),
            body.seq() == null ? 0 : body.seq(),
            values);
    // the frame has no origin: it may read this answer (no credentials are involved)
    servletResponse.setHeader("Access-Control-Allow-Origin", "*");
    return new ScormRuntimeResource.ScormCommitted(true, 0, stored);
  }

  /**
   * The frame has an opaque origin: its requests for its own files and commits are cross-origin and
   * carry no credentials, so they may read the answer (nothing here needs the session).
   */
  private static Response open(Response r) {
    return Response.fromResponse(r).header("Access-Control-Allow-Origin", "*").build();
  }
}
