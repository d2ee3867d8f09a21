package cn.xinsheng.web.api;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.lms.application.EnrolmentService;
import cn.xinsheng.lms.application.GradebookService;
import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.lms.application.QuizService;
import cn.xinsheng.lms.application.ScormService;
import cn.xinsheng.lms.domain.ScormData;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Learning over HTTP: content packages and trusted publishers, cohorts, the inmate's courses,
 * lessons (files with range requests), progress, SCORM tracking, quizzes, assignments, the
 * gradebook. Thin: the services decide who may do what.
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class LmsResource {

  @Inject ContentImportService imports;
  @Inject EnrolmentService enrolment;
  @Inject LearningService learning;
  @Inject QuizService quizzes;
  @Inject AssignmentService assignments;
  @Inject ScormService scorm;
  @Inject GradebookService gradebook;
  @Inject cn.xinsheng.lms.application.EducationCreditService credits;

  // --- content ---------------------------------------------------------------------------------

  @GET
  @Path("/publishers")
  public Object publishers() {
    return imports.publishers();
  }

  @POST
  @Path("/publishers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trust a publisher's verifier key: {verifierKey, description}")
  public Response trust(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    return Response.status(201)
        .entity(
            imports.trustPublisher(
                body.getString("verifierKey", null), body.getString("description", null)))
        .build();
  }

  @GET
  @Path("/packages")
  public Object packages() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] r : imports.packages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("package", r[0]);
      m.put("version", r[1]);
      m.put("title", r[2]);
      m.put("publisher", r[3]);
      m.put("signedBy", r[4]);
      m.put("importedBy", r[5]);
      m.put("importedAt", String.valueOf(r[6]));
      m.put("course", r[7]);
      out.add(m);
    }
    return out;
  }

  @POST
  @Path("/packages")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Import a signed content package (the zip as the body)")
  public Response importPackage(InputStream body) {
    return Response.status(201).entity(imports.importPackage(body, "upload.zip")).build();
  }

  @GET
  @Path("/programmes")
  public Object programmes() {
    return enrolment.programmes();
  }

  @GET
  @Path("/cohorts")
  public Object cohorts() {
    return enrolment.cohorts();
  }

  @POST
  @Path("/cohorts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "A cohort enrolled in a programme's courses: {name, programme, teacher, inmates: [numbers]}")
  public Response cohort(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    List<String> inmates = new ArrayList<>();
    if (body.get("inmates") instanceof jakarta.json.JsonArray a) {
      a.forEach(v -> inmates.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
    }
    long id =
        enrolment.createCohort(
            body.getString("name", null),
            body.getString("programme", ""),
            body.getString("teacher", ""),
            inmates);
    return Response.status(201).entity(Json.createObjectBuilder().add("id", id).build()).build();
  }

  // --- the inmate's studies --------------------------------------------------------------------

  @GET
  @Path("/me/courses")
  public Object myCourses() {
    return learning.myCourses();
  }

  @GET
  @Path("/me/next")
  public Object next() {
    return learning.next();
  }

  @GET
  @Path("/me/gradebook")
  public Object myGradebook() {
    return Map.of("courses", gradebook.mine(), "programmes", gradebook.myProgrammes());
  }

  @GET
  @Path("/courses/{id}")
  public Object course(@PathParam("id") long id) {
    return learning.course(id);
  }

  @GET
  @Path("/lessons/{id}")
  public Object lesson(@PathParam("id") long id) {
    return learning.lesson(id);
  }

  @POST
  @Path("/lessons/{id}/progress")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Where the learner is: {position (s), spent (s), completed}")
  public Response progress(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    learning.progress(
        id, intOf(body, "position"), intOf(body, "spent"), body.getBoolean("completed", false));
    return Response.noContent().build();
  }

  @GET
  @Path("/lessons/{id}/file/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A file of the lesson's course, with HTTP range requests (video seeking)")
  public Response file(
      @PathParam("id") long id,
      @PathParam("path") String path,
      @HeaderParam("Range") String range) {
    LearningService.CourseFile f = learning.file(id, path);
    String tag = MerkleTree.sha256Hex((f.path() + "|" + f.size()).getBytes(StandardCharsets.UTF_8));
    return Ranges.serve(new EvidenceService.Content(f.path(), f.mediaType(), f.size(), tag), range);
  }

  @GET
  @Path("/lessons/{id}/scorm")
  public ScormData scormData(@PathParam("id") long id) {
    return scorm.data(id);
  }

  @POST
  @Path("/lessons/{id}/scorm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "LMSCommit: {values: {element: value}} as the SCO set them")
  public Object scormCommit(@PathParam("id") long id, JsonObject b) {
    Map<String, String> values = new LinkedHashMap<>();
    if (b != null && b.get("values") instanceof JsonObject v) {
      v.forEach((k, x) -> values.put(k, x instanceof JsonString s ? s.getString() : x.toString()));
    }
    try {
      // the answer a SCORM run-time expects from its LMS, with the data as now stored
      return Map.of("result", true, "errorCode", 0, "data", scorm.commit(id, values));
    } catch (Refusal r) {
      // a course module that sends what SCORM does not allow is worth a line for the office
      java.util.logging.Logger.getLogger(LmsResource.class.getName())
          .warning(
              "SCORM commit refused for lesson "
                  + id
                  + ": "
                  + r.getMessage()
                  + " "
                  + values.keySet());
      throw r;
    }
  }

  // --- quizzes ---------------------------------------------------------------------------------

  @POST
  @Path("/quizzes/{id}/attempts")
  public Response start(@PathParam("id") long id) {
    return Response.status(201).entity(quizzes.start(id)).build();
  }

  @GET
  @Path("/quizzes/{id}/results")
  public Object results(@PathParam("id") long id) {
    return quizzes.results(id);
  }

  @GET
  @Path("/attempts/{id}")
  public Object attempt(@PathParam("id") long id) {
    return quizzes.attempt(id);
  }

  @POST
  @Path("/attempts/{id}/answers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand in: {answers: {key: index | [indexes] | \"text\" | [right sides]}}")
  public Object submit(@PathParam("id") long id, String body) {
    Map<String, Object> answers = new LinkedHashMap<>();
    try {
      Object parsed = CanonicalJson.parse(body == null || body.isBlank() ? "{}" : body);
      if (parsed instanceof Map<?, ?> m && m.get("answers") instanceof Map<?, ?> a) {
        a.forEach((k, v) -> answers.put(String.valueOf(k), v));
      }
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("lms.error.answers");
    }
    return quizzes.submit(id, answers);
  }

  @GET
  @Path("/banks/{courseId}")
  @Operation(summary = "A course's question banks by category (teachers and the education office)")
  public Object bank(@PathParam("courseId") long courseId) {
    return quizzes.bank(courseId);
  }

  @GET
  @Path("/essays")
  public Object essays() {
    return quizzes.essaysToGrade();
  }

  @POST
  @Path("/essays/{attemptId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A teacher's essay marks: {marks: {key: points}}")
  public Object essayMarks(@PathParam("attemptId") long id, JsonObject b) {
    Map<String, BigDecimal> marks = new LinkedHashMap<>();
    if (b != null && b.get("marks") instanceof JsonObject m) {
      for (Map.Entry<String, JsonValue> e : m.entrySet()) {
        if (!(e.getValue() instanceof JsonNumber n)) {
          throw Refusal.invalid("lms.error.essayPoints", "?");
        }
        marks.put(e.getKey(), n.bigDecimalValue());
      }
    }
    return quizzes.gradeEssays(id, marks);
  }

  @POST
  @Path("/regrades/{quizId}")
  public JsonObject regrade(@PathParam("quizId") long id) {
    return Json.createObjectBuilder().add("regraded", quizzes.regrade(id)).build();
  }

  // --- assignments -----------------------------------------------------------------------------

  @GET
  @Path("/assignments/{id}")
  public Object assignment(@PathParam("id") long id) {
    return assignments.view(id);
  }

  @POST
  @Path("/assignments/{id}/submissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand in: {text, fileName?, fileBase64?}")
  public Response handIn(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    byte[] file = null;
    String encoded = body.getString("fileBase64", null);
    if (encoded != null) {
      try {
        file = Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("lms.error.fileName");
      }
    }
    long sid =
        assignments.submit(
            id, body.getString("text", null), body.getString("fileName", null), file);
    return Response.status(201).entity(Json.createObjectBuilder().add("id", sid).build()).build();
  }

  @GET
  @Path("/submissions")
  public Object toGrade() {
    return assignments.toGrade();
  }

  @POST
  @Path("/submissions/{id}/grade")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grade by rubric: {points: [per criterion], feedback}")
  public JsonObject grade(@PathParam("id") long id, JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    List<Integer> points = new ArrayList<>();
    if (body.get("points") instanceof jakarta.json.JsonArray a) {
      for (JsonValue v : a) {
        points.add(v instanceof JsonNumber n && n.isIntegral() ? n.intValue() : null);
      }
    }
    return Json.createObjectBuilder()
        .add("points", assignments.grade(id, points, body.getString("feedback", "")))
        .build();
  }

  // --- learning into the points ledger --------------------------------------------------------

  @GET
  @Path("/achievements")
  @Operation(
      summary =
          "Completed diploma courses and passed quizzes of the officer's sections not yet in the ledger")
  public Object achievements() {
    return credits.achievements();
  }

  @POST
  @Path("/achievements/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Record the ledger entry for one: {prisonerNumber, courseId, quizId (0 for a course), amount}")
  public Response confirm(JsonObject b) {
    JsonObject body = b == null ? JsonValue.EMPTY_JSON_OBJECT : b;
    long entry =
        credits.confirm(
            body.getString("prisonerNumber", ""),
            body.getJsonNumber("courseId") == null ? 0 : body.getJsonNumber("courseId").longValue(),
            body.getJsonNumber("quizId") == null ? 0 : body.getJsonNumber("quizId").longValue(),
            body.getString("amount", null));
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("entry", entry).build())
        .build();
  }

  // --- gradebook -------------------------------------------------------------------------------

  @GET
  @Path("/gradebook/courses")
  public Object gradebookCourses() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] r : gradebook.courses()) {
      out.add(Map.of("id", r[0], "title", r[1], "programme", r[2]));
    }
    return out;
  }

  @GET
  @Path("/gradebook/courses/{id}")
  public Object gradebookCourse(@PathParam("id") long id) {
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

  private static int intOf(JsonObject b, String key) {
    JsonValue v = b.get(key);
    if (v == null || v == JsonValue.NULL) {
      return 0;
    }
    if (v instanceof JsonNumber n) {
      return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.longValue()));
    }
    throw Refusal.invalid("lms.error.progress");
  }
}
