package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.GradebookService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * The gradebook over HTTP: the inmate's own, and a course's for its teachers, also exported as a
 * spreadsheet. Shares the root {@code /lms} (see {@link EnrolmentResource}).
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class GradebookResource {

  @Inject GradebookService gradebook;

  /** The inmate's gradebook: courses and programmes. */
  @JsonbPropertyOrder({"courses", "programmes"})
  public record MyGradebook(
      List<GradebookService.Line> courses, List<GradebookService.ProgrammeLine> programmes) {}

  /** A course whose gradebook the caller may read. */
  @JsonbPropertyOrder({"id", "title", "programme"})
  public record GradebookCourse(long id, String title, String programme) {}

  @GET
  @Path("/me/gradebook")
  public MyGradebook myGradebook() {
    return new MyGradebook(gradebook.mine(), gradebook.myProgrammes());
  }

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
}
