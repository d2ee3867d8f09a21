package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.EnrolmentService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Enrolment over HTTP: the programmes, and cohorts of inmates enrolled in a programme's courses
 * with their teacher. Shares the root {@code /lms} with the other learning jobs whose URLs lie
 * beside each other there (Jersey merges root resources of one path; their routes do not overlap).
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

  @Inject EnrolmentService enrolment;

  /** A cohort enrolled in a programme's courses. */
  @JsonbPropertyOrder({"name", "programme", "teacher", "inmates"})
  public record CohortRequest(
      @Size(max = 200, message = "lms.error.cohortName") @OneLine String name,
      @Size(max = 40) @OneLine String programme,
      @Size(max = 64) @OneLine String teacher,
      @Size(max = 2000) List<@NotNull @Size(max = 20) @OneLine String> inmates) {}

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
}
