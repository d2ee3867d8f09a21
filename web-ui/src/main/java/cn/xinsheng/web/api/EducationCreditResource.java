package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.EducationCreditService;
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
 * Learning into the points ledger over HTTP: completed diploma courses and passed quizzes of the
 * officer's sections not yet in the ledger, and the entry recorded for one.
 */
@Path("/lms/achievements")
@Produces(MediaType.APPLICATION_JSON)
public class EducationCreditResource {

  @Inject EducationCreditService credits;

  /** A learning achievement to record in the ledger (quizId 0 for a whole course). */
  @JsonbPropertyOrder({"prisonerNumber", "courseId", "quizId", "amount"})
  public record AchievementConfirmation(
      @Size(max = 20) @OneLine String prisonerNumber,
      @NotNull Long courseId,
      Long quizId,
      @Size(max = 20) @OneLine String amount) {}

  /** The ledger entry a confirmed achievement became. */
  public record EntryRecorded(long entry) {}

  @GET
  @Operation(
      summary =
          "Completed diploma courses and passed quizzes of the officer's sections not yet in the ledger")
  public List<EducationCreditService.Achievement> achievements() {
    return credits.achievements();
  }

  @POST
  @Path("/confirm")
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
}
